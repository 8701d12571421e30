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

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.action.KasLockActions;
import org.openhab.binding.kas.internal.api.InvalidInputException;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.PinCodeRequest;
import org.openhab.binding.kas.internal.config.KasLockConfiguration;
import org.openhab.binding.kas.internal.config.LockSettings;
import org.openhab.binding.kas.internal.handler.LockStatusPolicy.StatusChange;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code kas:lock} thing: turns the {@code unlock} and {@code lock} channel commands and the thing actions into KAS
 * cloud calls through its account bridge, and reports each outcome once on the channels ({@link LockChannels}) and in
 * the thing status ({@link LockStatusPolicy}).
 * <p>
 * KAS reports no lock state, so the switch states are assumed: unlocked while an unlock is pending and for
 * {@code unlockedDuration} after KAS accepted it, locked otherwise. An unlock command for this lock while an unlock is
 * pending is merged into it: no second call, the same outcome, reported once.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class KasLockHandler extends BaseThingHandler {

    /** Added to the account's bound when a synchronous caller waits for an outcome. */
    static final Duration AWAIT_SLACK = Duration.ofSeconds(2);

    private final Logger logger = LoggerFactory.getLogger(KasLockHandler.class);
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final OutcomeWaiter waiter;

    /** Guards the fields below and every channel or status update, so nothing is published after dispose. */
    private final Object stateLock = new Object();
    private final LockChannels channels;
    private final OutcomeReporter reporter;
    /** Between initialize() and dispose(). */
    private boolean active;
    /** The requests of the current initialisation; {@code null} while the configuration is invalid. */
    private @Nullable LockSession session = null;
    /**
     * The account's key generation when KAS said the lock is misconfigured (not admin, not found), {@code null} when
     * it did not: the problem lasts through bridge status changes until a success, a new configuration of the lock,
     * or another key of the account.
     */
    private @Nullable Integer configProblemKey = null;

    /**
     * @param thing the lock thing
     * @param clock dates commands (for the account's maximum age of unlocks) and accepted unlocks
     * @param timers runs the relock after the unlocked duration and bounds the waits of rule actions (openHAB's
     *            thing handler pool, the same as {@link #scheduler})
     */
    public KasLockHandler(Thing thing, Clock clock, ScheduledExecutorService timers) {
        super(thing);
        this.clock = clock;
        this.timers = timers;
        this.waiter = new OutcomeWaiter(timers);
        this.channels = new LockChannels(thing.getUID(), this::updateState, this::triggerChannel);
        this.reporter = new OutcomeReporter(thing.getUID(), channels, this::applyStatus);
    }

    @Override
    public void initialize() {
        LockSettings settings;
        try {
            settings = getConfigAs(KasLockConfiguration.class).validate();
        } catch (InvalidInputException e) {
            logger.debug("Lock {} has an invalid configuration: {}", getThing().getUID(), e.getMessage());
            synchronized (stateLock) {
                replaceSession(null);
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, StatusTexts.configError(e));
            }
            return;
        }
        if (!settings.factoryNumber().hasDocumentedPrefix()) {
            logger.debug(
                    "Lock {}: factory number {} does not start with SS or UL as KAS documents; it is used as it is",
                    getThing().getUID(), settings.factoryNumber());
        }
        synchronized (stateLock) {
            replaceSession(new LockSession(stateLock, getThing().getUID(), settings, clock, timers, channels, reporter,
                    this::accountHandler));
            // last-result and last-unlock are left as they are (e.g. restored) until this handler knows better
            channels.restart();
            Bridge bridge = getBridge();
            if (bridge == null) {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.no-bridge");
            } else if (bridge.getStatus() == ThingStatus.ONLINE) {
                // KAS reports no lock state: nothing to ask the cloud, the lock is usable as soon as the account is
                updateStatus(ThingStatus.ONLINE);
            } else {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            }
        }
    }

    @Override
    public void dispose() {
        LockSession ended;
        synchronized (stateLock) {
            active = false;
            ended = session;
            session = null;
        }
        if (ended != null) {
            ended.close();
        }
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        synchronized (stateLock) {
            if (!active || session == null) {
                return; // an invalid configuration stays the reason the lock is offline
            }
            Integer problemKey = configProblemKey;
            KasAccountHandler account = accountHandler();
            if (problemKey != null && account != null && problemKey.intValue() == account.apiKeyGeneration()) {
                return; // KAS said this lock is misconfigured, and nothing that could change that has changed
            }
            configProblemKey = null;
            if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
                if (getThing().getStatus() != ThingStatus.ONLINE) {
                    updateStatus(ThingStatus.ONLINE);
                }
            } else {
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            }
        }
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return Set.of(KasLockActions.class);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        String channel = channelUID.getId();
        if (command instanceof RefreshType) {
            synchronized (stateLock) {
                if (active && !channels.refresh(channel)) {
                    logger.debug("Lock {}: channel {} has no state", getThing().getUID(), channel);
                }
            }
            return;
        }
        if ((CHANNEL_UNLOCK.equals(channel) && command == OnOffType.ON)
                || (CHANNEL_LOCK.equals(channel) && command == OnOffType.OFF)) {
            unlock("command " + command + " on channel " + channel);
            return;
        }
        if (CHANNEL_UNLOCK.equals(channel) && command == OnOffType.OFF) {
            logger.debug("Lock {}: OFF on channel unlock sends nothing, the lock relocks by itself",
                    getThing().getUID());
        } else if (CHANNEL_LOCK.equals(channel) && command == OnOffType.ON) {
            logger.debug("Lock {}: ON on channel lock sends nothing, KAS has no remote lock and the lock relocks by "
                    + "itself", getThing().getUID());
        } else {
            logger.debug("Lock {}: command {} ({}) is not supported on channel {}; nothing sent", getThing().getUID(),
                    command, command.getClass().getSimpleName(), channel);
        }
        synchronized (stateLock) {
            if (active) {
                // the switches veto auto-updates: show the assumed state again
                channels.publishSwitches();
            }
        }
    }

    /**
     * Asks KAS to unlock the door, unless an unlock of this lock is pending already, in which case this request is
     * merged into it. The outcome is reported on the channels once per call to KAS.
     *
     * @param source what asked for it, for the debug log
     * @return the outcome; always completes normally
     */
    public CompletableFuture<KasResult> unlock(String source) {
        LockSession current;
        synchronized (stateLock) {
            if (!active) {
                return CompletableFuture
                        .completedFuture(KasResult.cancelled("Unlock not sent: the lock thing is disposed"));
            }
            LockSession sessionNow = session;
            if (sessionNow == null) {
                return refused("Unlock not sent: the lock configuration is invalid (see its status)", false);
            }
            current = sessionNow;
        }
        return current.unlock(source);
    }

    /**
     * Asks KAS for a PIN code. Invalid parameters are answered with {@link KasOutcome#INVALID_INPUT} without
     * sending anything or changing any channel.
     *
     * @param mode the KAS code mode, 0 or 1
     * @param duration the KAS duration, 0 to 61
     * @param startTime when the code starts to work; {@code null} means now
     * @return the outcome, with the code on success; always completes normally
     */
    public CompletableFuture<KasResult> createPinCode(@Nullable Integer mode, @Nullable Integer duration,
            @Nullable ZonedDateTime startTime) {
        PinCodeRequest request;
        try {
            long epochSeconds = startTime == null ? clock.instant().getEpochSecond() : startTime.toEpochSecond();
            request = PinCodeRequest.ofInputs(mode, duration, epochSeconds);
        } catch (InvalidInputException e) {
            logger.debug("Lock {}: PIN code not requested: {}", getThing().getUID(), e.getMessage());
            return CompletableFuture.completedFuture(KasResult.invalidInput(e));
        }
        LockSession current;
        synchronized (stateLock) {
            if (!active) {
                return CompletableFuture
                        .completedFuture(KasResult.cancelled("PIN code not requested: the lock thing is disposed"));
            }
            LockSession sessionNow = session;
            if (sessionNow == null) {
                return refused("PIN code not requested: the lock configuration is invalid (see its status)", true);
            }
            current = sessionNow;
        }
        return current.createPinCode(request);
    }

    /**
     * Waits for an outcome, for synchronous callers (rule actions, console), but never longer than the account allows
     * a request to take: the maximum age of an unlock plus two attempts and a little slack. On time-out the request
     * goes on and its outcome still shows on the channels.
     *
     * @param future from {@link #unlock(String)} or {@link #createPinCode(Integer, Integer, ZonedDateTime)}
     * @return the outcome, or {@link KasOutcome#TIMEOUT} when none came in time
     */
    public KasResult awaitOutcome(CompletableFuture<KasResult> future) {
        KasAccountHandler account = accountHandler();
        Duration bound = (account == null ? Duration.ZERO : account.outcomeBound()).plus(AWAIT_SLACK);
        KasResult result = waiter.await(future, bound);
        if (!future.isDone()) {
            logger.debug("Lock {}: no outcome within {} s; the request goes on", getThing().getUID(),
                    bound.toSeconds());
        }
        return result;
    }

    /**
     * @return the account bridge's handler, or {@code null} when there is none
     */
    public @Nullable KasAccountHandler accountHandler() {
        Bridge bridge = getBridge();
        ThingHandler handler = bridge == null ? null : bridge.getHandler();
        return handler instanceof KasAccountHandler account ? account : null;
    }

    /**
     * @return the outcome of the latest unlock or PIN request, or {@code null} if there was none
     */
    public @Nullable KasOutcome lastResult() {
        synchronized (stateLock) {
            return channels.lastResult();
        }
    }

    /** Starts a new initialisation; ends the previous session, if any. Called with stateLock held. */
    private void replaceSession(@Nullable LockSession next) {
        LockSession previous = session;
        active = true;
        session = next;
        configProblemKey = null;
        if (previous != null) {
            previous.close();
        }
    }

    /** Reports a request refused without a session. Called with stateLock held. */
    private CompletableFuture<KasResult> refused(String message, boolean pinRequest) {
        KasResult result = KasResult.invalidInput(message);
        reporter.report(result, pinRequest, getThing().getUID().getId());
        return CompletableFuture.completedFuture(result);
    }

    /**
     * Applies a status change of an outcome, unless the lock is ONLINE and stays so; remembers a configuration problem
     * KAS reported, with the account's key generation. Called with stateLock held.
     */
    private void applyStatus(StatusChange change) {
        if (change.detail() == ThingStatusDetail.CONFIGURATION_ERROR) {
            KasAccountHandler account = accountHandler();
            configProblemKey = account == null ? null : account.apiKeyGeneration();
        } else if (change.status() == ThingStatus.ONLINE) {
            configProblemKey = null;
        }
        if (change.status() == ThingStatus.ONLINE && getThing().getStatus() == ThingStatus.ONLINE) {
            return;
        }
        String description = change.description();
        if (description == null) {
            updateStatus(change.status(), change.detail());
        } else {
            updateStatus(change.status(), change.detail(), description);
        }
    }
}
