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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;
import static org.openhab.binding.kas.internal.handler.ChannelRecorder.Published.on;

import java.time.Instant;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.handler.ChannelRecorder.Published;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;

/**
 * Tests of {@link LockChannels}: the assumed switch states are published only when they change (or when asked
 * to), {@code last-result} and {@code last-unlock} are published again only once known, REFRESH per channel, a
 * restart starts over locked, and every value goes to the right channel of the thing.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class LockChannelsTest {

    private static final Instant UNLOCKED_AT = Instant.parse("2026-03-01T08:15:30Z");
    private static final List<Published> SHOWN_LOCKED = List.of(on(CHANNEL_UNLOCK, OnOffType.OFF),
            on(CHANNEL_LOCK, OnOffType.ON));
    private static final List<Published> SHOWN_UNLOCKED = List.of(on(CHANNEL_UNLOCK, OnOffType.ON),
            on(CHANNEL_LOCK, OnOffType.OFF));
    private static final Published LAST_RESULT_ACCEPTED = on(CHANNEL_LAST_RESULT, new StringType("ACCEPTED"));
    private static final Published LAST_UNLOCK = on(CHANNEL_LAST_UNLOCK, new DateTimeType(UNLOCKED_AT));
    private static final List<Published> ALL_KNOWN_LOCKED = List.of(SHOWN_LOCKED.get(0), SHOWN_LOCKED.get(1),
            LAST_RESULT_ACCEPTED, LAST_UNLOCK);

    private final ChannelRecorder recorder = new ChannelRecorder();
    private final LockChannels channels = recorder.channels();

    /** Makes both remembered values known and forgets what that published. */
    private void knowResultAndUnlock() {
        channels.outcome(KasOutcome.ACCEPTED, EVENT_UNLOCK_ACCEPTED);
        channels.unlockAccepted(UNLOCKED_AT);
        recorder.takeStates();
        recorder.takeEvents();
    }

    @Test
    void newChannelsPublishNothingAndAssumeTheDoorLocked() {
        assertFalse(channels.isAssumedUnlocked());
        assertNull(channels.lastResult());
        assertEquals(List.of(), recorder.takeStates());
        assertEquals(List.of(), recorder.takeEvents());
    }

    @Test
    void theFirstAssumedStateIsPublishedEvenWhenItIsLocked() {
        channels.assumeUnlocked(false);
        assertEquals(SHOWN_LOCKED, recorder.takeStates());
    }

    @Test
    void theSwitchesArePublishedOnlyWhenTheAssumedStateChanges() {
        channels.assumeUnlocked(true);
        assertTrue(channels.isAssumedUnlocked());
        assertEquals(SHOWN_UNLOCKED, recorder.takeStates());

        channels.assumeUnlocked(true);
        assertEquals(List.of(), recorder.takeStates());

        channels.assumeUnlocked(false);
        assertFalse(channels.isAssumedUnlocked());
        assertEquals(SHOWN_LOCKED, recorder.takeStates());

        channels.assumeUnlocked(false);
        assertEquals(List.of(), recorder.takeStates());
        assertEquals(List.of(), recorder.takeEvents());
    }

    @Test
    void publishSwitchesPublishesEvenWhenNothingChanged() {
        channels.publishSwitches();
        channels.publishSwitches();
        assertEquals(List.of(SHOWN_LOCKED.get(0), SHOWN_LOCKED.get(1), SHOWN_LOCKED.get(0), SHOWN_LOCKED.get(1)),
                recorder.takeStates());
        // what it published counts as published: the same assumed state is not published again
        channels.assumeUnlocked(false);
        assertEquals(List.of(), recorder.takeStates());
    }

    @ParameterizedTest
    @ValueSource(strings = { CHANNEL_UNLOCK, CHANNEL_LOCK })
    void refreshOfEitherSwitchPublishesBoth(String channelId) {
        channels.assumeUnlocked(true);
        recorder.takeStates();

        assertTrue(channels.refresh(channelId));
        assertEquals(SHOWN_UNLOCKED, recorder.takeStates());
    }

    @Test
    void refreshOfLastResultAndLastUnlockPublishesNothingUntilKnown() {
        assertTrue(channels.refresh(CHANNEL_LAST_RESULT));
        assertTrue(channels.refresh(CHANNEL_LAST_UNLOCK));
        assertEquals(List.of(), recorder.takeStates());

        knowResultAndUnlock();
        assertTrue(channels.refresh(CHANNEL_LAST_RESULT));
        assertEquals(List.of(LAST_RESULT_ACCEPTED), recorder.takeStates());
        assertTrue(channels.refresh(CHANNEL_LAST_UNLOCK));
        assertEquals(List.of(LAST_UNLOCK), recorder.takeStates());
        assertEquals(List.of(), recorder.takeEvents(), "a refresh never fires the event again");
    }

    @ParameterizedTest
    @ValueSource(strings = { CHANNEL_EVENT, "no-such-channel", "" })
    void refreshOfAChannelWithoutStateReturnsFalseAndPublishesNothing(String channelId) {
        knowResultAndUnlock();
        assertFalse(channels.refresh(channelId));
        assertEquals(List.of(), recorder.takeStates());
        assertEquals(List.of(), recorder.takeEvents());
    }

    @Test
    void publishAllPublishesOnlyTheSwitchesUntilMoreIsKnown() {
        channels.publishAll();
        assertEquals(SHOWN_LOCKED, recorder.takeStates());
    }

    @Test
    void publishAllPublishesEveryKnownStateWithoutFiringTheEventAgain() {
        knowResultAndUnlock();
        channels.publishAll();
        assertEquals(ALL_KNOWN_LOCKED, recorder.takeStates());
        assertEquals(List.of(), recorder.takeEvents());
    }

    @Test
    void restartStartsOverLockedAndKeepsWhatIsKnown() {
        knowResultAndUnlock();
        channels.assumeUnlocked(true);
        recorder.takeStates();

        channels.restart();

        assertFalse(channels.isAssumedUnlocked());
        assertEquals(ALL_KNOWN_LOCKED, recorder.takeStates());
        assertEquals(KasOutcome.ACCEPTED, channels.lastResult());
        channels.assumeUnlocked(false);
        assertEquals(List.of(), recorder.takeStates(), "the restart published the locked state already");
    }

    @Test
    void unlockAcceptedPublishesTheTimeOnLastUnlockOnly() {
        channels.unlockAccepted(UNLOCKED_AT);
        assertEquals(List.of(LAST_UNLOCK), recorder.takeStates());
        assertEquals(List.of(), recorder.takeEvents());
        assertFalse(channels.isAssumedUnlocked(), "an accepted unlock does not change the assumed state by itself");
        assertNull(channels.lastResult());
    }

    @ParameterizedTest
    @EnumSource(KasOutcome.class)
    void outcomePublishesItsNameOnLastResultAndFiresTheEvent(KasOutcome outcome) {
        channels.outcome(outcome, EVENT_PIN_CODE_FAILED);

        assertEquals(List.of(on(CHANNEL_LAST_RESULT, new StringType(outcome.name()))), recorder.takeStates());
        assertEquals(List.of(on(CHANNEL_EVENT, EVENT_PIN_CODE_FAILED)), recorder.takeEvents());
        assertEquals(outcome, channels.lastResult());
    }

    @Test
    void theLatestOutcomeIsTheOnePublishedAgain() {
        channels.outcome(KasOutcome.TIMEOUT, EVENT_UNLOCK_FAILED);
        channels.outcome(KasOutcome.QUEUE_FULL, EVENT_PIN_CODE_FAILED);
        recorder.takeStates();

        assertTrue(channels.refresh(CHANNEL_LAST_RESULT));
        assertEquals(List.of(on(CHANNEL_LAST_RESULT, new StringType("QUEUE_FULL"))), recorder.takeStates());
    }

    @Test
    void everyValueGoesToAChannelOfTheLockThing() {
        channels.outcome(KasOutcome.ACCEPTED, EVENT_UNLOCK_ACCEPTED);
        channels.unlockAccepted(UNLOCKED_AT);
        channels.publishSwitches();

        List<String> uids = recorder.takeStates().stream().map(p -> p.channel().toString()).toList();
        assertEquals(List.of("kas:lock:front:last-result", "kas:lock:front:last-unlock", "kas:lock:front:unlock",
                "kas:lock:front:lock"), uids);
        assertEquals(List.of("kas:lock:front:event"),
                recorder.takeEvents().stream().map(p -> p.channel().toString()).toList());
    }
}
