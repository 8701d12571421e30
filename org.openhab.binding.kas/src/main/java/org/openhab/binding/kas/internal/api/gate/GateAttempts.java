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
package org.openhab.binding.kas.internal.api.gate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * The calls of a {@link RequestGate}: starts an entry that holds a permit (unless its deadline has passed meanwhile),
 * retries once when the submission asks for it and the deadline still holds, ends the entry, frees its permit and
 * moves the next waiting entries into the free permits (those too old at the head of the queue expire there).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class GateAttempts {

    private final GateLedger ledger;
    private final Clock clock;
    private final ActionRunner runner;

    GateAttempts(GateLedger ledger, Clock clock, ActionRunner runner) {
        this.ledger = ledger;
        this.clock = clock;
        this.runner = runner;
    }

    /** Invokes the call of an entry holding a permit, unless its deadline has passed meanwhile. */
    void start(GateEntry entry) {
        Instant now = clock.instant();
        List<Runnable> actions = new ArrayList<>();
        int attempt;
        synchronized (ledger.lock) {
            if (entry.state != GateEntry.State.STARTING) {
                return;
            }
            if (ExpiryTimers.isPast(entry.notAfter, now)) {
                KasResult first = entry.firstResult;
                if (first != null) {
                    // the retry is too late: the first result stands
                    finishLocked(entry, first, now, actions);
                } else {
                    ledger.expiredCount++;
                    finishLocked(entry, GateResults.expired(entry.description, entry.notAfter), now, actions);
                }
                attempt = -1;
            } else {
                entry.state = GateEntry.State.RUNNING;
                entry.attempt++;
                attempt = entry.attempt;
                ledger.startedCount++;
                if (entry.firstResult != null) {
                    ledger.retriedCount++;
                }
            }
        }
        if (attempt < 0) {
            runner.run(actions);
        } else {
            invoke(entry, attempt);
        }
    }

    /**
     * Ends an entry holding a permit, frees the permit and lets the next waiting ones start. Called with the lock
     * held; the completion is added to the actions.
     */
    void finishLocked(GateEntry entry, KasResult outcome, Instant now, List<Runnable> actions) {
        ledger.release(entry);
        if (outcome.outcome() == KasOutcome.CANCELLED) {
            ledger.cancelledCount++;
        }
        actions.add(() -> entry.result.complete(outcome));
        pumpLocked(now, actions);
    }

    private void invoke(GateEntry entry, int attempt) {
        CompletableFuture<KasResult> call;
        boolean cancelNow;
        // the call is handed over, and registered or cancelled, before a concurrent close() can return
        synchronized (ledger.sendLock) {
            synchronized (ledger.lock) {
                if (!isCurrentLocked(entry, attempt)) {
                    return; // closed meanwhile: close() completed the entry, nothing goes on its way
                }
            }
            try {
                call = entry.submission.call().apply(() -> mayBegin(entry, attempt));
                // a supplier that breaks its contract with null ends the attempt like a throwing one
                Objects.requireNonNull(call, "the call supplier returned null");
            } catch (VirtualMachineError e) {
                onAttemptDone(entry, attempt, null, e);
                throw e;
            } catch (RuntimeException | Error e) {
                // a throwing supplier (or one returning null) ends this attempt; a later duplicate report is ignored
                onAttemptDone(entry, attempt, null, e);
                return;
            }
            synchronized (ledger.lock) {
                cancelNow = ledger.closed;
                if (isCurrentLocked(entry, attempt) && !call.isDone()) {
                    entry.call = call;
                }
            }
            if (cancelNow) {
                call.cancel(true);
            }
        }
        // value is null when failure is not: onAttemptDone takes both as nullable
        call.whenComplete((value, failure) -> onAttemptDone(entry, attempt, value, failure));
    }

    /**
     * Asked by the HTTP client right before it writes an attempt's request, which may be a while after the attempt
     * started (it waits for a connection): whether the gate is still open, the attempt still current and the entry's
     * deadline not passed.
     */
    private boolean mayBegin(GateEntry entry, int attempt) {
        Instant now = clock.instant();
        synchronized (ledger.lock) {
            return isCurrentLocked(entry, attempt) && !ExpiryTimers.isPast(entry.notAfter, now);
        }
    }

    /** Called with the ledger's lock held: whether the gate is open and this attempt of the entry is running. */
    private boolean isCurrentLocked(GateEntry entry, int attempt) {
        return !ledger.closed && entry.state == GateEntry.State.RUNNING && entry.attempt == attempt;
    }

    private void onAttemptDone(GateEntry entry, int attempt, @Nullable KasResult value, @Nullable Throwable failure) {
        KasResult outcome = GateResults.ofAttempt(entry.description, value, failure);
        boolean retryWanted;
        try {
            retryWanted = entry.submission.retryWhen().test(outcome);
        } catch (RuntimeException e) {
            retryWanted = false;
        }
        Instant now = clock.instant();
        List<Runnable> actions = new ArrayList<>();
        synchronized (ledger.lock) {
            if (entry.state != GateEntry.State.RUNNING || entry.attempt != attempt) {
                return; // already ended (closed, or a duplicate report)
            }
            entry.call = null;
            if (retryWanted && entry.firstResult == null && !ExpiryTimers.isPast(entry.notAfter, now)) {
                entry.firstResult = outcome;
                entry.state = GateEntry.State.STARTING;
                actions.add(() -> start(entry));
            } else {
                finishLocked(entry, outcome, now, actions);
            }
        }
        runner.run(actions);
    }

    /** Moves waiting entries into free permits; entries too old at the head expire without taking a permit. */
    private void pumpLocked(Instant now, List<Runnable> actions) {
        while (ledger.hasFreePermit()) {
            GateEntry next = ledger.dequeue();
            ScheduledFuture<?> timer = next.dropTimer();
            if (timer != null) {
                actions.add(() -> timer.cancel(false));
            }
            if (ExpiryTimers.isPast(next.notAfter, now)) {
                next.state = GateEntry.State.DONE;
                ledger.removeKey(next);
                ledger.expiredCount++;
                ledger.completedCount++;
                KasResult expired = GateResults.expired(next.description, next.notAfter);
                actions.add(() -> next.result.complete(expired));
            } else {
                ledger.promote(next);
                actions.add(() -> start(next));
            }
        }
    }
}
