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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.gate.ExpiryTimers.TimerChange;

/**
 * Dispatches the KAS cloud calls of one KAS account: a concurrency limit, a bounded FIFO queue, coalescing of equal
 * commands, a maximum age per command and at most one retry. One instance per account bridge; pure Java (no openHAB
 * or Jetty types), no threads of its own.
 * <p>
 * {@link #submit(Submission)} returns a future of its own for each caller that <b>always completes normally</b> with
 * exactly one {@link KasResult} (cancelling or completing it affects nobody else, and does not withdraw the
 * submission); {@link #withdraw(String)} takes a waiting submission out of the queue unsent;
 * {@link #extendDeadline(String, Instant)} merges a later deadline into a pending one; {@link #close()} cancels
 * everything. The rules, each kept by one collaborator:
 * <ol>
 * <li><b>Concurrency</b> ({@link GateLedger}): at most {@code maxConcurrent} calls in flight; a permit is held from
 * the moment a submission leaves the queue until its last attempt has completed. Further submissions wait in FIFO
 * order; when {@code maxQueued} already wait, a submission completes at once with {@code QUEUE_FULL}.</li>
 * <li><b>Maximum age</b> ({@link ExpiryTimers}): a submission is never started after its
 * {@link Submission#notAfter()}, checked right before the call is invoked. One already too old when submitted, or
 * when it reaches the head of the queue, completes with {@code EXPIRED} unsent; while it waits, a timer
 * completes it with {@code EXPIRED} at the deadline and removes it from the queue.</li>
 * <li><b>Coalescing</b>: a submission whose {@link Submission#coalesceKey()} equals that of a pending one is merged
 * into it (no second call, same result); the merged deadline is the later of both (no deadline counts as the latest),
 * so the call still happens within the maximum age of the newest equal command.</li>
 * <li><b>Retry</b> ({@link GateAttempts}): when {@link Submission#retryWhen()} matches the first result, the call is
 * invoked once more at once, with the same permit, but only while the deadline holds; never more than once.</li>
 * <li><b>One outcome</b> ({@link GateResults}): a throwing supplier, a {@code null} or exceptionally completed call
 * future give {@code COMMUNICATION_ERROR} (a cancelled one {@code CANCELLED}); exception
 * messages are never copied (they may contain a URL with the API key). {@link #close()} completes waiting
 * submissions and those in flight (whose call futures get {@code cancel(true)}) with {@code CANCELLED},
 * and every later submission at once.</li>
 * <li><b>Threads</b> ({@link ActionRunner}): all state is guarded by one lock; futures are completed, calls invoked
 * and timers cancelled only after it was released, and never recursively. Nothing blocks.</li>
 * </ol>
 * Counters count gate entries (a merged submission only adds to {@link #merged()}).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class RequestGate implements AutoCloseable {

    /** Lowest accepted {@code maxConcurrent}. */
    public static final int MIN_CONCURRENT = 1;
    /** Highest accepted {@code maxConcurrent}: KAS itself queues at most 30 calls per account. */
    public static final int MAX_CONCURRENT = 30;
    /** Lowest accepted {@code maxQueued}. */
    public static final int MIN_QUEUED = 0;
    /** Highest accepted {@code maxQueued}. */
    public static final int MAX_QUEUED = 1000;

    private final GateLedger ledger;
    private final Clock clock;
    private final ActionRunner runner = new ActionRunner();
    private final ExpiryTimers timers;
    private final GateAttempts attempts;

    /**
     * Creates a gate.
     *
     * @param maxConcurrent calls in flight at most, {@value #MIN_CONCURRENT}..{@value #MAX_CONCURRENT}
     * @param maxQueued submissions waiting at most, {@value #MIN_QUEUED}..{@value #MAX_QUEUED}
     * @param scheduler runs the expiry timers; the gate never shuts it down
     * @param clock decides whether a deadline has passed (tests pass a controllable one)
     * @throws IllegalArgumentException when a number is out of range
     */
    public RequestGate(int maxConcurrent, int maxQueued, ScheduledExecutorService scheduler, Clock clock) {
        if (maxConcurrent < MIN_CONCURRENT || maxConcurrent > MAX_CONCURRENT) {
            throw new IllegalArgumentException("maxConcurrent must be between " + MIN_CONCURRENT + " and "
                    + MAX_CONCURRENT + " but was " + maxConcurrent);
        }
        if (maxQueued < MIN_QUEUED || maxQueued > MAX_QUEUED) {
            throw new IllegalArgumentException(
                    "maxQueued must be between " + MIN_QUEUED + " and " + MAX_QUEUED + " but was " + maxQueued);
        }
        this.ledger = new GateLedger(maxConcurrent, maxQueued);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timers = new ExpiryTimers(ledger, Objects.requireNonNull(scheduler, "scheduler"), clock);
        this.attempts = new GateAttempts(ledger, clock, runner);
    }

    /**
     * Submits a call. Never throws for a closed gate, a full queue or a passed deadline: these are outcomes.
     *
     * @param submission what to call and how
     * @return a future of its own for this caller that completes normally with exactly one result
     */
    public CompletableFuture<KasResult> submit(Submission submission) {
        Instant now = clock.instant();
        GateEntry entry;
        TimerChange timerChange = TimerChange.NONE;
        boolean startNow = false;
        synchronized (ledger.lock) {
            GateEntry existing = ledger.pending(submission.coalesceKey());
            if (ledger.closed) {
                ledger.cancelledCount++;
                return CompletableFuture.completedFuture(GateResults.closed(submission.description()));
            } else if (ExpiryTimers.isPast(submission.notAfter(), now)) {
                ledger.expiredCount++;
                return CompletableFuture
                        .completedFuture(GateResults.expired(submission.description(), submission.notAfter()));
            } else if (existing != null) {
                entry = existing;
                timerChange = timers.mergeLocked(existing, submission.notAfter());
            } else if (ledger.canStartNow()) {
                entry = new GateEntry(submission);
                ledger.holdPermit(entry);
                startNow = true;
            } else if (ledger.isQueueFull()) {
                ledger.rejectedCount++;
                return CompletableFuture.completedFuture(GateResults.queueFull(ledger.waiting()));
            } else {
                entry = new GateEntry(submission);
                ledger.enqueue(entry);
                timerChange = ExpiryTimers.forNewlyQueued(entry);
            }
        }
        CompletableFuture<KasResult> callerFuture = entry.result.copy();
        timers.apply(timerChange);
        if (startNow) {
            runner.run(List.of(() -> attempts.start(entry)));
        }
        return callerFuture;
    }

    /**
     * Withdraws the submission with this coalescing key if it is still waiting in the queue: it is removed, its expiry
     * timer cancelled and it completes (together with every submission merged into it) with
     * {@code CANCELLED} ("... not sent: the lock thing was removed"). A submission that holds a permit
     * (started or about to start) is left alone: its call may have reached the cloud, and its result still comes.
     *
     * @param coalesceKey the key, e.g. {@link Submission#unlockKey(String)}
     * @return whether a waiting submission was withdrawn
     */
    public boolean withdraw(String coalesceKey) {
        GateEntry withdrawn;
        ScheduledFuture<?> timer;
        synchronized (ledger.lock) {
            GateEntry existing = ledger.pending(coalesceKey);
            if (ledger.closed || existing == null || existing.state != GateEntry.State.QUEUED) {
                return false;
            }
            ledger.removeWaiting(existing);
            timer = existing.dropTimer();
            existing.state = GateEntry.State.DONE;
            ledger.cancelledCount++;
            ledger.completedCount++;
            withdrawn = existing;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        withdrawn.result.complete(GateResults.withdrawn(withdrawn.description));
        return true;
    }

    /**
     * Merges a deadline into the pending submission with this coalescing key, exactly as {@link #submit(Submission)}
     * merges an equal submission (the later deadline wins, counted in {@link #merged()}), but without submitting
     * anything: when no submission with this key is waiting or in flight, nothing happens. For callers that merge
     * equal commands themselves and must never start a second call for them.
     *
     * @param coalesceKey the key, e.g. {@link Submission#unlockKey(String)}
     * @param notAfter the deadline of the merged command; {@code null} = no maximum age
     * @return whether a pending submission took the deadline
     */
    public boolean extendDeadline(String coalesceKey, @Nullable Instant notAfter) {
        TimerChange change;
        synchronized (ledger.lock) {
            GateEntry existing = ledger.pending(coalesceKey);
            if (ledger.closed || existing == null || existing.state == GateEntry.State.DONE) {
                return false;
            }
            change = timers.mergeLocked(existing, notAfter);
        }
        timers.apply(change);
        return true;
    }

    /**
     * Cancels everything: queued submissions and calls in flight complete with {@code CANCELLED}, the
     * futures of calls in flight get {@code cancel(true)}, timers are cancelled and later submissions complete with
     * {@code CANCELLED} at once. Idempotent; does not shut the scheduler down.
     */
    @Override
    public void close() {
        List<GateEntry> notSent = new ArrayList<>();
        List<GateEntry> sent = new ArrayList<>();
        List<ScheduledFuture<?>> obsoleteTimers = new ArrayList<>();
        List<CompletableFuture<KasResult>> calls = new ArrayList<>();
        // a call being handed over right now goes on its way first and is then cancelled with the others
        synchronized (ledger.sendLock) {
            synchronized (ledger.lock) {
                if (ledger.closed) {
                    return;
                }
                List<GateEntry> holding = new ArrayList<>();
                ledger.closeInto(notSent, holding);
                for (GateEntry e : notSent) {
                    ScheduledFuture<?> timer = e.dropTimer();
                    if (timer != null) {
                        obsoleteTimers.add(timer);
                    }
                    e.state = GateEntry.State.DONE;
                }
                for (GateEntry e : holding) {
                    CompletableFuture<KasResult> call = e.call;
                    if (call != null) {
                        calls.add(call);
                    }
                    // an entry between its attempts (a retry being started) has sent its first attempt
                    (e.state == GateEntry.State.RUNNING || e.firstResult != null ? sent : notSent).add(e);
                    e.call = null;
                    e.state = GateEntry.State.DONE;
                }
            }
        }
        for (ScheduledFuture<?> timer : obsoleteTimers) {
            timer.cancel(false);
        }
        for (CompletableFuture<KasResult> call : calls) {
            try {
                call.cancel(true);
            } catch (RuntimeException e) {
                // a call future refusing cancellation must not keep the others from being cancelled
            }
        }
        for (GateEntry e : notSent) {
            e.result.complete(GateResults.closed(e.description));
        }
        for (GateEntry e : sent) {
            e.result.complete(GateResults.cancelledInFlight(e.description));
        }
    }

    /** @return whether {@link #close()} has been called */
    public boolean isClosed() {
        synchronized (ledger.lock) {
            return ledger.closed;
        }
    }

    /** @return the configured limit of calls in flight */
    public int maxConcurrent() {
        return ledger.maxConcurrent;
    }

    /** @return the configured limit of waiting submissions */
    public int maxQueued() {
        return ledger.maxQueued;
    }

    /** @return submissions holding a permit now (started or about to start) */
    public int inFlight() {
        return stats().inFlight();
    }

    /** @return submissions waiting in the queue now */
    public int queued() {
        return stats().queued();
    }

    /** @return the highest {@link #inFlight()} seen so far */
    public int peakInFlight() {
        return stats().peakInFlight();
    }

    /** @return calls invoked so far, retries included */
    public long started() {
        return stats().started();
    }

    /** @return retries invoked so far */
    public long retried() {
        return stats().retried();
    }

    /** @return submissions merged into an equal queued or in-flight one */
    public long merged() {
        return stats().merged();
    }

    /** @return submissions that ended {@code EXPIRED} */
    public long expired() {
        return stats().expired();
    }

    /** @return submissions that ended {@code QUEUE_FULL} */
    public long rejected() {
        return stats().rejected();
    }

    /** @return submissions that ended {@code CANCELLED} (by {@link #close()} or a cancelled call) */
    public long cancelled() {
        return stats().cancelled();
    }

    /** @return entries that went through the gate and have ended, whatever the outcome (merged ones count once) */
    public long completed() {
        synchronized (ledger.lock) {
            return ledger.completedCount;
        }
    }

    /** @return a consistent snapshot of all counters */
    public GateStats stats() {
        synchronized (ledger.lock) {
            return ledger.stats();
        }
    }

    @Override
    public String toString() {
        return "RequestGate[maxConcurrent=" + ledger.maxConcurrent + ", maxQueued=" + ledger.maxQueued + ", " + stats()
                + "]";
    }
}
