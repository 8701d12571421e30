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
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.action.KasLockActions;
import org.openhab.binding.kas.internal.api.FactoryNumber;
import org.openhab.binding.kas.internal.api.InvalidInputException;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.PinCodeRequest;
import org.openhab.binding.kas.internal.config.KasLockConfiguration;
import org.openhab.binding.kas.internal.config.LockSettings;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code kas:lock} thing: turns the {@code unlock} and {@code lock} channel commands and the thing actions into KAS
 * cloud calls through its account bridge, and reports each outcome once on {@code last-result}, {@code last-unlock},
 * the {@code event} trigger channel, the switch states and the thing status.
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
    // built once: every unlock publishes to all of them, and parsing a channel UID is not free
    private final ChannelUID unlockChannel;
    private final ChannelUID lockChannel;
    private final ChannelUID lastUnlockChannel;
    private final ChannelUID lastResultChannel;
    private final ChannelUID eventChannel;

    /** Guards the fields below and every channel or status update, so nothing is published after dispose. */
    private final Object stateLock = new Object();
    private @Nullable LockSettings settings = null;
    private boolean active;
    /** Counts initialisations and disposals, so that a late outcome of an earlier one is not published. */
    private int generation;
    private @Nullable CompletableFuture<KasResult> pendingUnlock = null;
    /** Where the pending unlock went, to merge repeated commands into it and to withdraw it on dispose. */
    private @Nullable PendingTarget pendingTarget = null;
    private @Nullable ScheduledFuture<?> relockJob = null;
    private boolean assumedUnlocked;
    private @Nullable Instant lastUnlock = null;
    private @Nullable KasOutcome lastResult = null;

    /**
     * @param thing the lock thing
     * @param clock dates commands (for the account's maximum age of unlocks) and accepted unlocks
     */
    public KasLockHandler(Thing thing, Clock clock) {
        super(thing);
        this.clock = clock;
        ThingUID uid = thing.getUID();
        unlockChannel = new ChannelUID(uid, CHANNEL_UNLOCK);
        lockChannel = new ChannelUID(uid, CHANNEL_LOCK);
        lastUnlockChannel = new ChannelUID(uid, CHANNEL_LAST_UNLOCK);
        lastResultChannel = new ChannelUID(uid, CHANNEL_LAST_RESULT);
        eventChannel = new ChannelUID(uid, CHANNEL_EVENT);
    }

    @Override
    public void initialize() {
        LockSettings newSettings;
        try {
            newSettings = getConfigAs(KasLockConfiguration.class).validate();
        } catch (InvalidInputException e) {
            logger.debug("Lock {} has an invalid configuration: {}", getThing().getUID(), e.getMessage());
            synchronized (stateLock) {
                settings = null;
                active = true;
                generation++;
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                        StatusTexts.text("offline.config-error-parameter", e.parameter(), e.getMessage()));
            }
            return;
        }
        synchronized (stateLock) {
            settings = newSettings;
            active = true;
            generation++;
            assumedUnlocked = false;
            publishSwitches();
            // last-result and last-unlock are left as they are (e.g. restored) until this handler knows better
            if (lastResult != null) {
                publishLastResult();
            }
            if (lastUnlock != null) {
                publishLastUnlock();
            }
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
        CompletableFuture<KasResult> pending;
        PendingTarget target;
        synchronized (stateLock) {
            active = false;
            generation++;
            pending = pendingUnlock;
            target = pendingTarget;
            pendingUnlock = null;
            pendingTarget = null;
            cancelRelock();
        }
        if (pending != null) {
            logger.debug("Lock {} disposed while an unlock is pending; its outcome is only logged",
                    getThing().getUID());
        }
        if (target != null) {
            // an unlock still waiting in the account's queue must not go out for a thing that is gone; one in flight
            // is left alone (KAS may have it), its outcome is logged
            withdraw(target);
        }
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        synchronized (stateLock) {
            if (!active || settings == null) {
                return; // an invalid configuration stays the reason the lock is offline
            }
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
                if (active) {
                    switch (channel) {
                        case CHANNEL_UNLOCK, CHANNEL_LOCK -> publishSwitches();
                        case CHANNEL_LAST_RESULT -> {
                            if (lastResult != null) {
                                publishLastResult();
                            }
                        }
                        case CHANNEL_LAST_UNLOCK -> {
                            if (lastUnlock != null) {
                                publishLastUnlock();
                            }
                        }
                        default -> logger.debug("Lock {}: channel {} has no state", getThing().getUID(), channel);
                    }
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
                publishSwitches();
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
        Instant requestedAt = clock.instant();
        CompletableFuture<KasResult> mine = new CompletableFuture<>();
        LockSettings current;
        KasAccountHandler account;
        int gen;
        CompletableFuture<KasResult> merged = null;
        PendingTarget mergedInto = null;
        synchronized (stateLock) {
            if (!active) {
                return CompletableFuture
                        .completedFuture(KasResult.cancelled("Unlock not sent: the lock thing is disposed"));
            }
            CompletableFuture<KasResult> pending = pendingUnlock;
            if (pending != null) {
                logger.debug("Lock {}: {} merged into the pending unlock", getThing().getUID(), source);
                merged = pending.thenApply(r -> r);
                mergedInto = pendingTarget;
            }
        }
        if (merged != null) {
            if (mergedInto != null) {
                // the waiting unlock may now be sent until unlockMaxAge after this newest command; sends nothing
                mergedInto.account().extendUnlock(mergedInto.lock(), requestedAt);
            }
            return merged;
        }
        synchronized (stateLock) {
            if (!active) {
                return CompletableFuture
                        .completedFuture(KasResult.cancelled("Unlock not sent: the lock thing is disposed"));
            }
            CompletableFuture<KasResult> pending = pendingUnlock;
            if (pending != null) {
                // another command started an unlock in the meantime
                logger.debug("Lock {}: {} merged into the pending unlock", getThing().getUID(), source);
                return pending.thenApply(r -> r);
            }
            LockSettings settingsNow = settings;
            KasAccountHandler accountNow = accountHandler();
            if (settingsNow == null || accountNow == null) {
                KasResult result = KasResult.invalidInput(
                        settingsNow == null ? "Unlock not sent: the lock configuration is invalid (see its status)"
                                : "Unlock not sent: the lock has no KAS account bridge");
                report(result, false);
                return CompletableFuture.completedFuture(result);
            }
            current = settingsNow;
            account = accountNow;
            gen = generation;
            pendingUnlock = mine;
            pendingTarget = new PendingTarget(accountNow, settingsNow.factoryNumber());
            assumedUnlocked = true;
            cancelRelock();
            publishSwitches();
        }
        logger.debug("Lock {}: {} asks for an unlock of {}", getThing().getUID(), source, current.factoryNumber());
        account.unlock(current.factoryNumber(), requestedAt).thenAccept(result -> {
            onUnlockOutcome(mine, gen, current, result);
            mine.complete(result);
        });
        boolean disposedMeanwhile;
        synchronized (stateLock) {
            disposedMeanwhile = !active || gen != generation;
        }
        if (disposedMeanwhile) {
            // dispose() ran before the unlock reached the account's queue, so it could not withdraw it
            withdraw(new PendingTarget(account, current.factoryNumber()));
        }
        return mine.thenApply(r -> r);
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
            if (mode == null) {
                throw new InvalidInputException("mode", "mode is required: 0 or 1");
            }
            if (duration == null) {
                throw new InvalidInputException("duration", "duration is required: 0 to 61");
            }
            long epochSeconds = startTime == null ? clock.instant().getEpochSecond() : startTime.toEpochSecond();
            request = PinCodeRequest.of(mode, duration, epochSeconds);
        } catch (InvalidInputException e) {
            logger.debug("Lock {}: PIN code not requested: {}", getThing().getUID(), e.getMessage());
            return CompletableFuture.completedFuture(KasResult.invalidInput(e));
        }
        LockSettings current;
        KasAccountHandler account;
        int gen;
        synchronized (stateLock) {
            LockSettings settingsNow = settings;
            KasAccountHandler accountNow = accountHandler();
            if (!active) {
                return CompletableFuture
                        .completedFuture(KasResult.cancelled("PIN code not requested: the lock thing is disposed"));
            }
            if (settingsNow == null || accountNow == null) {
                KasResult result = KasResult.invalidInput(settingsNow == null
                        ? "PIN code not requested: the lock configuration is invalid (see its status)"
                        : "PIN code not requested: the lock has no KAS account bridge");
                report(result, true);
                return CompletableFuture.completedFuture(result);
            }
            current = settingsNow;
            account = accountNow;
            gen = generation;
        }
        return account.createPinCode(current.factoryNumber(), request).thenApply(result -> {
            synchronized (stateLock) {
                if (active && gen == generation) {
                    report(result, true);
                } else {
                    logger.debug("Lock {} disposed before its PIN code request ended: {}", getThing().getUID(),
                            result.outcome());
                }
            }
            return result;
        });
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
        try {
            return future.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            logger.debug("Lock {}: no outcome within {} s; the request goes on", getThing().getUID(),
                    bound.toSeconds());
            return KasResult.of(KasOutcome.TIMEOUT, "No outcome within " + bound.toSeconds()
                    + " s; the request may still complete, see the last-result channel");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KasResult.of(KasOutcome.CANCELLED, "Interrupted while waiting for the outcome");
        } catch (ExecutionException e) {
            // the futures of this handler always complete normally; this is a safety net
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR, "The request failed unexpectedly");
        }
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
            return lastResult;
        }
    }

    private void onUnlockOutcome(CompletableFuture<KasResult> mine, int gen, LockSettings used, KasResult result) {
        synchronized (stateLock) {
            if (mine.equals(pendingUnlock)) {
                pendingUnlock = null;
                pendingTarget = null;
            }
            if (!active || gen != generation) {
                logger.debug("Lock {} disposed or reconfigured before its unlock ended: {} ({})", getThing().getUID(),
                        result.outcome(), result.message());
                return;
            }
            if (result.isSuccess()) {
                lastUnlock = clock.instant();
                long millis = used.unlockedDuration().toMillis();
                if (millis > 0) {
                    relockJob = scheduler.schedule(() -> relock(gen), millis, TimeUnit.MILLISECONDS);
                } else {
                    assumedUnlocked = false;
                }
                publishLastUnlock();
            } else {
                assumedUnlocked = false;
            }
            publishSwitches();
            report(result, false);
        }
    }

    private void relock(int gen) {
        synchronized (stateLock) {
            if (active && gen == generation && pendingUnlock == null) {
                assumedUnlocked = false;
                relockJob = null;
                publishSwitches();
            }
        }
    }

    /** Publishes one outcome: last-result, the event and the thing status. Called with stateLock held. */
    private void report(KasResult result, boolean pinRequest) {
        KasOutcome outcome = result.outcome();
        lastResult = outcome;
        publishLastResult();
        String event = pinRequest ? (result.isSuccess() ? EVENT_PIN_CODE_CREATED : EVENT_PIN_CODE_FAILED)
                : (result.isSuccess() ? EVENT_UNLOCK_ACCEPTED : EVENT_UNLOCK_FAILED);
        triggerChannel(eventChannel, event);
        String what = pinRequest ? "PIN code request" : "Unlock";
        String lock = settingsText();
        switch (outcome) {
            case NOT_ADMIN, LOCK_NOT_FOUND, EXPIRED, QUEUE_FULL ->
                logger.warn("{} of lock {} failed: {}", what, getThing().getUID(), result.message());
            default -> logger.debug("{} of lock {}: {} ({})", what, getThing().getUID(), outcome, result.message());
        }
        switch (outcome) {
            case ACCEPTED -> {
                if (getThing().getStatus() != ThingStatus.ONLINE) {
                    updateStatus(ThingStatus.ONLINE);
                }
            }
            case NOT_ADMIN -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    StatusTexts.text("offline.not-admin", lock));
            case LOCK_NOT_FOUND -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    StatusTexts.text("offline.lock-not-found", lock));
            case GATEWAY_TIMEOUT -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    StatusTexts.text("offline.gateway-timeout", lock));
            case SERVER_ERROR -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    StatusTexts.text("offline.server-error", lock));
            case SERVICE_UNAVAILABLE -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    StatusTexts.text("offline.service-unavailable", lock, result.message()));
            case TIMEOUT, COMMUNICATION_ERROR, UNEXPECTED_RESPONSE ->
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        StatusTexts.text("offline.communication-error", lock, result.message()));
            default -> {
                // INVALID_TOKEN is the account's status; the others are about this one request, not the lock
            }
        }
    }

    private String settingsText() {
        LockSettings current = settings;
        return current == null ? getThing().getUID().getId() : current.factoryNumber().value();
    }

    /** Called with stateLock held. */
    private void publishSwitches() {
        updateState(unlockChannel, OnOffType.from(assumedUnlocked));
        updateState(lockChannel, OnOffType.from(!assumedUnlocked));
    }

    /** Called with stateLock held. */
    private void publishLastResult() {
        KasOutcome outcome = lastResult;
        updateState(lastResultChannel, outcome == null ? UnDefType.NULL : new StringType(outcome.name()));
    }

    /** Called with stateLock held. */
    private void publishLastUnlock() {
        Instant instant = lastUnlock;
        updateState(lastUnlockChannel, instant == null ? UnDefType.NULL : new DateTimeType(instant));
    }

    private void withdraw(PendingTarget target) {
        if (target.account().withdrawUnlock(target.lock())) {
            logger.debug("Lock {} disposed before its unlock of {} was sent; the unlock is withdrawn, not sent",
                    getThing().getUID(), target.lock());
        }
    }

    /** Called with stateLock held. */
    private void cancelRelock() {
        ScheduledFuture<?> job = relockJob;
        if (job != null) {
            job.cancel(false);
            relockJob = null;
        }
    }

    /**
     * The account and the lock of a pending unlock.
     *
     * @param account the account handler the unlock was submitted to
     * @param lock the lock's factory number
     *
     * @author KAS binding contributors - Initial contribution
     */
    private record PendingTarget(KasAccountHandler account, FactoryNumber lock) {
    }
}
