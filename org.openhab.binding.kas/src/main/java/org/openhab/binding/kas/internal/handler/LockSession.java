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

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.PinCodeRequest;
import org.openhab.binding.kas.internal.config.LockSettings;
import org.openhab.core.thing.ThingUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one initialisation of a lock thing with a valid configuration: unlocks (merged while one is
 * pending, withdrawn from the account's queue when the session ends before they were sent), PIN codes, and the
 * assumed unlocked state until the relock. Outcomes that arrive after {@link #close()} are only logged.
 * <p>
 * Guarded by the handler's state lock, which it shares; the calls to the account happen outside it.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class LockSession {

    private static final String UNLOCK_NOT_SENT = "Unlock not sent";
    private static final String PIN_NOT_REQUESTED = "PIN code not requested";

    private final Logger logger = LoggerFactory.getLogger(LockSession.class);
    private final Object stateLock;
    private final ThingUID thing;
    private final LockSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final LockChannels channels;
    private final OutcomeReporter reporter;
    private final Supplier<@Nullable KasAccountHandler> account;

    // guarded by stateLock
    private boolean closed;
    private @Nullable CompletableFuture<KasResult> pendingUnlock;
    /** The account the pending unlock went to, to merge repeated commands into it and to withdraw it. */
    private @Nullable KasAccountHandler pendingAccount;
    /**
     * When the door is assumed locked again; {@code null} while no accepted unlock is running out. The timer
     * ({@link #relockJob}) is not rescheduled for every unlock: when it fires before this time, it waits again for the
     * rest.
     */
    private @Nullable Instant relockAt;
    private @Nullable ScheduledFuture<?> relockJob;

    LockSession(Object stateLock, ThingUID thing, LockSettings settings, Clock clock, ScheduledExecutorService timers,
            LockChannels channels, OutcomeReporter reporter, Supplier<@Nullable KasAccountHandler> account) {
        this.stateLock = stateLock;
        this.thing = thing;
        this.settings = settings;
        this.clock = clock;
        this.timers = timers;
        this.channels = channels;
        this.reporter = reporter;
        this.account = account;
    }

    /**
     * Asks the account for an unlock, or merges this request into the pending one (which may then be sent until the
     * maximum age after this newest request; nothing more is sent).
     *
     * @param source what asked for it, for the debug log
     * @return the outcome; always completes normally
     */
    CompletableFuture<KasResult> unlock(String source) {
        Instant requestedAt = clock.instant();
        CompletableFuture<KasResult> mine = new CompletableFuture<>();
        KasAccountHandler target;
        CompletableFuture<KasResult> merged = null;
        KasAccountHandler mergedInto = null;
        synchronized (stateLock) {
            if (closed) {
                return disposed(UNLOCK_NOT_SENT);
            }
            CompletableFuture<KasResult> pending = pendingUnlock;
            if (pending != null) {
                merged = mergeInto(pending, source);
                mergedInto = pendingAccount;
            }
        }
        if (merged != null) {
            if (mergedInto != null) {
                // outside the state lock, as every call into the account
                mergedInto.extendUnlock(settings.factoryNumber(), requestedAt);
            }
            return merged;
        }
        synchronized (stateLock) {
            if (closed) {
                return disposed(UNLOCK_NOT_SENT);
            }
            CompletableFuture<KasResult> pending = pendingUnlock;
            if (pending != null) {
                // another command started an unlock in the meantime
                return mergeInto(pending, source);
            }
            KasAccountHandler accountNow = account.get();
            if (accountNow == null) {
                return withoutAccount(UNLOCK_NOT_SENT, false);
            }
            target = accountNow;
            pendingUnlock = mine;
            pendingAccount = accountNow;
            relockAt = null; // assumed unlocked until this unlock's outcome
            channels.assumeUnlocked(true);
        }
        logger.debug("Lock {}: {} asks for an unlock of {}", thing, source, settings.factoryNumber());
        target.unlock(settings.factoryNumber(), requestedAt).thenAccept(result -> {
            try {
                onUnlockOutcome(mine, result);
            } catch (RuntimeException e) {
                // e.g. a profile linked to a channel failed on this thread: the caller still gets its outcome
                logger.debug("Lock {}: publishing the unlock's outcome {} failed: {}", thing, result.outcome(),
                        e.toString());
            } finally {
                mine.complete(result);
            }
        });
        boolean closedMeanwhile;
        synchronized (stateLock) {
            closedMeanwhile = closed;
        }
        if (closedMeanwhile) {
            // close() ran before the unlock reached the account's queue, so it could not withdraw it
            withdraw(target);
        }
        return mine.thenApply(r -> r);
    }

    /**
     * Asks the account for a PIN code.
     *
     * @param request the validated parameters
     * @return the outcome with the code; always completes normally
     */
    CompletableFuture<KasResult> createPinCode(PinCodeRequest request) {
        KasAccountHandler target;
        synchronized (stateLock) {
            if (closed) {
                return disposed(PIN_NOT_REQUESTED);
            }
            KasAccountHandler accountNow = account.get();
            if (accountNow == null) {
                return withoutAccount(PIN_NOT_REQUESTED, true);
            }
            target = accountNow;
        }
        return target.createPinCode(settings.factoryNumber(), request).thenApply(result -> {
            try {
                synchronized (stateLock) {
                    if (closed) {
                        logger.debug("Lock {} disposed before its PIN code request ended: {}", thing, result.outcome());
                    } else {
                        reporter.report(result, true, settings.factoryNumber().value());
                    }
                }
            } catch (RuntimeException e) {
                // the caller still gets the code
                logger.debug("Lock {}: publishing the PIN code request's outcome {} failed: {}", thing,
                        result.outcome(), e.toString());
            }
            return result;
        });
    }

    /**
     * Ends the session: later outcomes are only logged, the relock timer is cancelled and an unlock still waiting in
     * the account's queue is withdrawn (one in flight is left alone: KAS may have it).
     */
    void close() {
        KasAccountHandler target;
        synchronized (stateLock) {
            closed = true;
            if (pendingUnlock != null) {
                logger.debug("Lock {} disposed while an unlock is pending; its outcome is only logged", thing);
            }
            target = pendingAccount;
            pendingUnlock = null;
            pendingAccount = null;
            cancelRelock();
        }
        if (target != null) {
            withdraw(target);
        }
    }

    /** Called with stateLock held: a command merged into the pending unlock gets a copy of its outcome. */
    private CompletableFuture<KasResult> mergeInto(CompletableFuture<KasResult> pending, String source) {
        logger.debug("Lock {}: {} merged into the pending unlock", thing, source);
        return pending.thenApply(r -> r);
    }

    /** @return the outcome of a command of a disposed lock: nothing is sent */
    private static CompletableFuture<KasResult> disposed(String notSent) {
        return CompletableFuture.completedFuture(KasResult.cancelled(notSent + ": the lock thing is disposed"));
    }

    /** Called with stateLock held: the outcome of a command of a lock without account, reported; nothing is sent. */
    private CompletableFuture<KasResult> withoutAccount(String notSent, boolean pinCode) {
        KasResult result = KasResult.invalidInput(notSent + ": the lock has no KAS account bridge");
        reporter.report(result, pinCode, settings.factoryNumber().value());
        return CompletableFuture.completedFuture(result);
    }

    private void onUnlockOutcome(CompletableFuture<KasResult> mine, KasResult result) {
        synchronized (stateLock) {
            if (mine.equals(pendingUnlock)) {
                pendingUnlock = null;
                pendingAccount = null;
            }
            if (closed) {
                logger.debug("Lock {} disposed or reconfigured before its unlock ended: {} ({})", thing,
                        result.outcome(), result.message());
                return;
            }
            boolean stillUnlocked = false;
            if (result.isSuccess()) {
                long millis = settings.unlockedDuration().toMillis();
                Instant now = clock.instant();
                if (millis > 0) {
                    relockAt = now.plusMillis(millis);
                    if (relockJob == null) {
                        relockJob = timers.schedule(this::relock, millis, TimeUnit.MILLISECONDS);
                    }
                    stillUnlocked = true;
                }
                channels.unlockAccepted(now);
            }
            channels.assumeUnlocked(stillUnlocked);
            reporter.report(result, false, settings.factoryNumber().value());
        }
    }

    private void relock() {
        synchronized (stateLock) {
            relockJob = null;
            Instant at = relockAt;
            if (closed || at == null) {
                return; // closed, or a newer unlock is pending or failed (it decided the assumed state)
            }
            long millisLeft = at.toEpochMilli() - clock.millis();
            if (millisLeft > 0) {
                // a later unlock was accepted meanwhile: the door stays unlocked for the rest of its duration
                relockJob = timers.schedule(this::relock, millisLeft, TimeUnit.MILLISECONDS);
                return;
            }
            relockAt = null;
            if (pendingUnlock == null) {
                channels.assumeUnlocked(false);
            }
        }
    }

    private void withdraw(KasAccountHandler target) {
        if (target.withdrawUnlock(settings.factoryNumber())) {
            logger.debug("Lock {} disposed before its unlock of {} was sent; the unlock is withdrawn, not sent", thing,
                    settings.factoryNumber());
        }
    }

    /** Called with stateLock held. */
    private void cancelRelock() {
        relockAt = null;
        ScheduledFuture<?> job = relockJob;
        if (job != null) {
            job.cancel(false);
            relockJob = null;
        }
    }
}
