/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.kas.internal.handler;

import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.time.Instant;
import java.util.function.BiConsumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.types.State;

/**
 * What a lock shows on its channels: the assumed switch states ({@code unlock}, {@code lock}), {@code last-result},
 * {@code last-unlock} and the {@code event} trigger. It remembers the values, so that a REFRESH or a new
 * initialisation can publish them again. Not thread-safe: the handler calls it with its state lock held.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class LockChannels {

    // built once: every unlock publishes to several of them, and parsing a channel UID is not free
    private final ChannelUID unlockChannel;
    private final ChannelUID lockChannel;
    private final ChannelUID lastUnlockChannel;
    private final ChannelUID lastResultChannel;
    private final ChannelUID eventChannel;
    private final BiConsumer<ChannelUID, State> states;
    private final BiConsumer<ChannelUID, String> events;

    private boolean assumedUnlocked;
    private @Nullable Boolean publishedUnlocked;
    private @Nullable Instant lastUnlock;
    private @Nullable KasOutcome lastResult;

    /**
     * @param thing the lock thing
     * @param states publishes a channel state (the handler's {@code updateState})
     * @param events fires a trigger event (the handler's {@code triggerChannel})
     */
    LockChannels(ThingUID thing, BiConsumer<ChannelUID, State> states, BiConsumer<ChannelUID, String> events) {
        unlockChannel = new ChannelUID(thing, CHANNEL_UNLOCK);
        lockChannel = new ChannelUID(thing, CHANNEL_LOCK);
        lastUnlockChannel = new ChannelUID(thing, CHANNEL_LAST_UNLOCK);
        lastResultChannel = new ChannelUID(thing, CHANNEL_LAST_RESULT);
        eventChannel = new ChannelUID(thing, CHANNEL_EVENT);
        this.states = states;
        this.events = events;
    }

    /**
     * Publishes every known state again: the switches always, {@code last-result} and {@code last-unlock} only once
     * known (restored values stay until this handler knows better).
     */
    void publishAll() {
        publishSwitches();
        publishKnown(CHANNEL_LAST_RESULT);
        publishKnown(CHANNEL_LAST_UNLOCK);
    }

    /**
     * Publishes the state of one channel again (REFRESH).
     *
     * @return whether the channel has a state
     */
    boolean refresh(String channelId) {
        switch (channelId) {
            case CHANNEL_UNLOCK, CHANNEL_LOCK -> publishSwitches();
            case CHANNEL_LAST_RESULT, CHANNEL_LAST_UNLOCK -> publishKnown(channelId);
            default -> {
                return false;
            }
        }
        return true;
    }

    /**
     * Starts over locked (a new initialisation) and publishes every known state.
     */
    void restart() {
        assumedUnlocked = false;
        publishAll();
    }

    /** @return whether the door is assumed unlocked */
    boolean isAssumedUnlocked() {
        return assumedUnlocked;
    }

    /**
     * Sets the assumed state and publishes the switches when it changed.
     */
    void assumeUnlocked(boolean unlocked) {
        assumedUnlocked = unlocked;
        Boolean published = publishedUnlocked;
        if (published == null || published.booleanValue() != unlocked) {
            publishSwitches();
        }
    }

    /**
     * Publishes the switches even if unchanged: after a command they veto, the item shows the assumed state again.
     */
    void publishSwitches() {
        publishedUnlocked = assumedUnlocked;
        states.accept(unlockChannel, OnOffType.from(assumedUnlocked));
        states.accept(lockChannel, OnOffType.from(!assumedUnlocked));
    }

    /** Records and publishes when KAS accepted an unlock. */
    void unlockAccepted(Instant when) {
        lastUnlock = when;
        states.accept(lastUnlockChannel, new DateTimeType(when));
    }

    /** Records and publishes an outcome on {@code last-result} and fires its event. */
    void outcome(KasOutcome outcome, String event) {
        lastResult = outcome;
        states.accept(lastResultChannel, new StringType(outcome.name()));
        events.accept(eventChannel, event);
    }

    /** @return the outcome of the latest request, or {@code null} if there was none */
    @Nullable
    KasOutcome lastResult() {
        return lastResult;
    }

    private void publishKnown(String channelId) {
        if (CHANNEL_LAST_RESULT.equals(channelId)) {
            KasOutcome outcome = lastResult;
            if (outcome != null) {
                states.accept(lastResultChannel, new StringType(outcome.name()));
            }
        } else {
            Instant instant = lastUnlock;
            if (instant != null) {
                states.accept(lastUnlockChannel, new DateTimeType(instant));
            }
        }
    }
}
