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
package org.openhab.binding.kas.internal.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Dispatches the KAS cloud calls of one KAS account: a concurrency limit, a bounded FIFO queue, coalescing of equal
 * commands, a maximum age per command and at most one retry. One instance per account bridge; pure Java (no openHAB
 * or Jetty types), no threads of its own.
 *
 * <h2>API</h2>
 * <ul>
 * <li>{@link #RequestGate(int, int, ScheduledExecutorService, Clock)}: {@code maxConcurrent} 1..30 calls in flight,
 * {@code maxQueued} 0..1000 waiting submissions; the scheduler runs only the expiry timers of waiting submissions; the
 * clock decides whether a deadline has passed (tests pass a controllable one).</li>
 * <li>{@link #submit(Submission)} returns a future that <b>always completes normally</b> with exactly one
 * {@link KasResult}; it never completes exceptionally. Each caller gets its own future (a copy of the shared one), so
 * cancelling or completing a returned future never affects other callers or the gate; it does not withdraw the
 * submission either.</li>
 * <li>{@link #withdraw(String)} takes a submission that is still waiting in the queue out of it unsent (it completes
 * with {@link KasOutcome#CANCELLED}); {@link #extendDeadline(String, Instant)} merges a later deadline into a pending
 * submission without submitting anything.</li>
 * <li>{@link #close()} cancels everything; idempotent. {@link #isClosed()}.</li>
 * <li>Observability: {@link #inFlight()}, {@link #queued()}, {@link #peakInFlight()}, {@link #started()},
 * {@link #retried()}, {@link #merged()}, {@link #expired()}, {@link #rejected()}, {@link #cancelled()},
 * {@link #completed()} and a consistent {@link #stats()} snapshot.</li>
 * </ul>
 *
 * <h2>Rules</h2>
 * <ol>
 * <li><b>Concurrency</b>: at most {@code maxConcurrent} calls in flight (a permit is held from the moment a submission
 * leaves the queue until its last attempt has completed). Further submissions wait in FIFO order; when
 * {@code maxQueued} are already waiting the submission completes at once with {@link KasOutcome#QUEUE_FULL}.</li>
 * <li><b>Maximum age</b>: a submission with a deadline ({@link Submission#notAfter()}) is never started after it. It
 * is started only while {@code clock.instant()} is not after the deadline, checked right before the call is invoked.
 * A submission that is already too old when submitted, or when it reaches the head of the queue, completes with
 * {@link KasOutcome#EXPIRED} and is not sent. While it waits, a timer on the scheduler completes it with
 * {@link KasOutcome#EXPIRED} at the deadline and removes it from the queue, so the user learns at once.</li>
 * <li><b>Coalescing</b>: a submission whose {@link Submission#coalesceKey()} equals the key of a submission that is
 * still queued or in flight is merged into it: no second call, same result. The merged entry's deadline becomes the
 * later of both (no deadline counts as the latest): the call then still happens within the maximum age of the newest
 * equal command, which is what the user asked for last. Once the entry has completed the key is free again.
 * {@link #extendDeadline(String, Instant)} does the same for a caller that merged a command itself and must not
 * start a new call if the entry has just completed.</li>
 * <li><b>Retry</b>: when {@link Submission#retryWhen()} matches the result of the first attempt, the call is invoked
 * once more right away, reusing the permit (no re-queueing), but only while the deadline still holds; otherwise the
 * first result stands. Never more than one retry.</li>
 * <li><b>One outcome</b>: if the supplier throws, returns {@code null}, or its future completes exceptionally, the
 * result is {@link KasOutcome#COMMUNICATION_ERROR} (a cancelled call future gives {@link KasOutcome#CANCELLED});
 * exception messages are not copied into the result because they may contain request URLs with the API key.
 * {@link #close()} completes queued submissions with {@link KasOutcome#CANCELLED}, calls {@code cancel(true)} on the
 * futures of calls in flight and completes their submissions with {@link KasOutcome#CANCELLED}, cancels all timers,
 * and completes every later submission with {@link KasOutcome#CANCELLED} at once. {@link #withdraw(String)}
 * completes a waiting submission with {@link KasOutcome#CANCELLED} and never touches a call in flight (the cloud may
 * have received it; its result still comes).</li>
 * <li><b>Threads</b>: all state is guarded by one lock; futures are completed, calls invoked and timers cancelled only
 * after the lock has been released. Work that becomes due inside such an action on the same thread (for example a
 * call whose future is already complete, which frees a permit for the next queued call) is queued per thread and run
 * by the outermost action, so the stack does not grow with the queue length. Nothing blocks.</li>
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

    private static final String NOT_SENT_CLOSED = " not sent: the KAS account was disposed or reconfigured";
    private static final String NOT_SENT_WITHDRAWN = " not sent: the lock thing was removed";
    private static final String CANCELLED_IN_FLIGHT = " cancelled: the KAS account was disposed or reconfigured "
            + "while the request was in flight; KAS may have received it";
    private static final long MAX_DELAY_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    private final int maxConcurrent;
    private final int maxQueued;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    /** Actions that became due while this thread was already running actions of this gate. */
    private final ThreadLocal<@Nullable ArrayDeque<Runnable>> pendingActions = new ThreadLocal<>();

    private final Object lock = new Object();
    // everything below is guarded by lock
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final Set<Entry> running = new LinkedHashSet<>();
    private final Map<String, Entry> byKey = new HashMap<>();
    private boolean closed;
    private int peakInFlight;
    private long startedCount;
    private long retriedCount;
    private long mergedCount;
    private long expiredCount;
    private long rejectedCount;
    private long cancelledCount;
    private long completedCount;

    /**
     * Creates a gate.
     *
     * @param maxConcurrent calls in flight at most, {@value #MIN_CONCURRENT}..{@value #MAX_CONCURRENT}
     * @param maxQueued submissions waiting at most, {@value #MIN_QUEUED}..{@value #MAX_QUEUED}
     * @param scheduler runs the expiry timers; the gate never shuts it down
     * @param clock decides whether a deadline has passed
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
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Submits a call. Never throws for a closed gate, a full queue or a passed deadline: these are outcomes.
     *
     * @param submission what to call and how
     * @return a future of its own for this caller that completes normally with exactly one result
     */
    public CompletableFuture<KasResult> submit(Submission submission) {
        Instant now = clock.instant();
        Entry entry;
        Entry toSchedule = null;
        int scheduleGeneration = 0;
        ScheduledFuture<?> obsoleteTimer = null;
        boolean startNow = false;
        synchronized (lock) {
            String key = submission.coalesceKey();
            Entry existing = key == null ? null : byKey.get(key);
            if (closed) {
                cancelledCount++;
                return CompletableFuture
                        .completedFuture(result(KasOutcome.CANCELLED, submission.description() + NOT_SENT_CLOSED));
            } else if (isPast(submission.notAfter(), now)) {
                expiredCount++;
                return CompletableFuture
                        .completedFuture(expiredResult(submission.description(), submission.notAfter()));
            } else if (existing != null) {
                entry = existing;
                TimerChange change = mergeDeadlineLocked(existing, submission.notAfter());
                obsoleteTimer = change.obsolete();
                toSchedule = change.toSchedule();
                scheduleGeneration = change.generation();
            } else if (running.size() < maxConcurrent && queue.isEmpty()) {
                entry = new Entry(submission);
                entry.state = State.STARTING;
                addRunning(entry);
                if (key != null) {
                    byKey.put(key, entry);
                }
                startNow = true;
            } else if (queue.size() >= maxQueued) {
                rejectedCount++;
                return CompletableFuture.completedFuture(result(KasOutcome.QUEUE_FULL,
                        "KAS request queue is full (" + queue.size() + " waiting); command not sent"));
            } else {
                entry = new Entry(submission);
                queue.addLast(entry);
                if (key != null) {
                    byKey.put(key, entry);
                }
                if (entry.notAfter != null) {
                    toSchedule = entry;
                    scheduleGeneration = entry.timerGeneration;
                }
            }
        }
        CompletableFuture<KasResult> callerFuture = entry.result.copy();
        if (obsoleteTimer != null) {
            obsoleteTimer.cancel(false);
        }
        if (toSchedule != null) {
            scheduleExpiry(toSchedule, scheduleGeneration);
        }
        if (startNow) {
            runActions(List.of(() -> start(entry)));
        }
        return callerFuture;
    }

    /**
     * Withdraws the submission with this coalescing key if it is still waiting in the queue: it is removed, its expiry
     * timer cancelled and it completes (together with every submission merged into it) with
     * {@link KasOutcome#CANCELLED} ("... not sent: the lock thing was removed"). A submission that holds a permit
     * (started or about to start) is left alone: its call may have reached the cloud, and its result still comes.
     *
     * @param coalesceKey the key, e.g. {@link Submission#unlockKey(String)}
     * @return whether a waiting submission was withdrawn
     */
    public boolean withdraw(String coalesceKey) {
        Entry withdrawn;
        ScheduledFuture<?> timer;
        synchronized (lock) {
            Entry existing = byKey.get(coalesceKey);
            if (closed || existing == null || existing.state != State.QUEUED) {
                return false;
            }
            queue.remove(existing);
            byKey.remove(coalesceKey, existing);
            timer = existing.timer;
            existing.timer = null;
            existing.timerGeneration++;
            existing.state = State.DONE;
            cancelledCount++;
            completedCount++;
            withdrawn = existing;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        withdrawn.result.complete(result(KasOutcome.CANCELLED, withdrawn.description + NOT_SENT_WITHDRAWN));
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
        synchronized (lock) {
            Entry existing = byKey.get(coalesceKey);
            if (closed || existing == null || existing.state == State.DONE) {
                return false;
            }
            change = mergeDeadlineLocked(existing, notAfter);
        }
        ScheduledFuture<?> obsolete = change.obsolete();
        if (obsolete != null) {
            obsolete.cancel(false);
        }
        Entry toSchedule = change.toSchedule();
        if (toSchedule != null) {
            scheduleExpiry(toSchedule, change.generation());
        }
        return true;
    }

    /**
     * Cancels everything: queued submissions and calls in flight complete with {@link KasOutcome#CANCELLED}, the
     * futures of calls in flight get {@code cancel(true)}, timers are cancelled and later submissions complete with
     * {@link KasOutcome#CANCELLED} at once. Idempotent; does not shut the scheduler down.
     */
    @Override
    public void close() {
        List<Entry> notSent = new ArrayList<>();
        List<Entry> sent = new ArrayList<>();
        List<ScheduledFuture<?>> timers = new ArrayList<>();
        List<CompletableFuture<KasResult>> calls = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (Entry e : queue) {
                ScheduledFuture<?> timer = e.timer;
                if (timer != null) {
                    timers.add(timer);
                }
                e.timer = null;
                e.timerGeneration++;
                e.state = State.DONE;
                notSent.add(e);
            }
            for (Entry e : running) {
                CompletableFuture<KasResult> call = e.call;
                if (call != null) {
                    calls.add(call);
                }
                (e.state == State.RUNNING ? sent : notSent).add(e);
                e.call = null;
                e.state = State.DONE;
            }
            queue.clear();
            running.clear();
            byKey.clear();
            cancelledCount += notSent.size() + sent.size();
            completedCount += notSent.size() + sent.size();
        }
        for (ScheduledFuture<?> timer : timers) {
            timer.cancel(false);
        }
        for (CompletableFuture<KasResult> call : calls) {
            try {
                call.cancel(true);
            } catch (RuntimeException e) {
                // a call future refusing cancellation must not keep the others from being cancelled
            }
        }
        for (Entry e : notSent) {
            e.result.complete(result(KasOutcome.CANCELLED, e.description + NOT_SENT_CLOSED));
        }
        for (Entry e : sent) {
            e.result.complete(result(KasOutcome.CANCELLED, e.description + CANCELLED_IN_FLIGHT));
        }
    }

    /** @return whether {@link #close()} has been called */
    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** @return the configured limit of calls in flight */
    public int maxConcurrent() {
        return maxConcurrent;
    }

    /** @return the configured limit of waiting submissions */
    public int maxQueued() {
        return maxQueued;
    }

    /** @return submissions holding a permit now (started or about to start) */
    public int inFlight() {
        synchronized (lock) {
            return running.size();
        }
    }

    /** @return submissions waiting in the queue now */
    public int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /** @return the highest {@link #inFlight()} seen so far */
    public int peakInFlight() {
        synchronized (lock) {
            return peakInFlight;
        }
    }

    /** @return calls invoked so far, retries included */
    public long started() {
        synchronized (lock) {
            return startedCount;
        }
    }

    /** @return retries invoked so far */
    public long retried() {
        synchronized (lock) {
            return retriedCount;
        }
    }

    /** @return submissions merged into an equal queued or in-flight one */
    public long merged() {
        synchronized (lock) {
            return mergedCount;
        }
    }

    /** @return submissions that ended {@link KasOutcome#EXPIRED} */
    public long expired() {
        synchronized (lock) {
            return expiredCount;
        }
    }

    /** @return submissions that ended {@link KasOutcome#QUEUE_FULL} */
    public long rejected() {
        synchronized (lock) {
            return rejectedCount;
        }
    }

    /** @return submissions that ended {@link KasOutcome#CANCELLED} (by {@link #close()} or a cancelled call) */
    public long cancelled() {
        synchronized (lock) {
            return cancelledCount;
        }
    }

    /** @return entries that went through the gate and have ended, whatever the outcome (merged ones count once) */
    public long completed() {
        synchronized (lock) {
            return completedCount;
        }
    }

    /** @return a consistent snapshot of all counters */
    public Stats stats() {
        synchronized (lock) {
            return new Stats(running.size(), queue.size(), peakInFlight, startedCount, retriedCount, mergedCount,
                    expiredCount, rejectedCount, cancelledCount, closed);
        }
    }

    @Override
    public String toString() {
        return "RequestGate[maxConcurrent=" + maxConcurrent + ", maxQueued=" + maxQueued + ", " + stats() + "]";
    }

    // ---- internals -------------------------------------------------------------------------------------------

    /** Invokes the call of an entry holding a permit, unless its deadline has passed meanwhile. */
    private void start(Entry entry) {
        Instant now = clock.instant();
        List<Runnable> actions = new ArrayList<>();
        int attempt;
        synchronized (lock) {
            if (entry.state != State.STARTING) {
                return;
            }
            if (isPast(entry.notAfter, now)) {
                KasResult first = entry.firstResult;
                if (first != null) {
                    // the retry is too late: the first result stands
                    finishLocked(entry, first, now, actions);
                } else {
                    expiredCount++;
                    finishLocked(entry, expiredResult(entry.description, entry.notAfter), now, actions);
                }
                attempt = -1;
            } else {
                entry.state = State.RUNNING;
                entry.attempt++;
                attempt = entry.attempt;
                startedCount++;
                if (entry.firstResult != null) {
                    retriedCount++;
                }
            }
        }
        if (attempt < 0) {
            runActions(actions);
        } else {
            invoke(entry, attempt);
        }
    }

    private void invoke(Entry entry, int attempt) {
        CompletableFuture<KasResult> call;
        try {
            call = entry.submission.call().get();
            // value is null when failure is not: onAttemptDone takes both as nullable
            call.whenComplete((value, failure) -> onAttemptDone(entry, attempt, value, failure));
        } catch (VirtualMachineError e) {
            onAttemptDone(entry, attempt, null, e);
            throw e;
        } catch (RuntimeException | Error e) {
            // a throwing supplier (or one returning null) ends this attempt; a later duplicate report is ignored
            onAttemptDone(entry, attempt, null, e);
            return;
        }
        boolean cancelNow;
        synchronized (lock) {
            cancelNow = closed;
            if (!closed && entry.state == State.RUNNING && entry.attempt == attempt && !call.isDone()) {
                entry.call = call;
            }
        }
        if (cancelNow) {
            call.cancel(true);
        }
    }

    private void onAttemptDone(Entry entry, int attempt, @Nullable KasResult value, @Nullable Throwable failure) {
        KasResult outcome = toResult(entry.description, value, failure);
        boolean retryWanted;
        try {
            retryWanted = entry.submission.retryWhen().test(outcome);
        } catch (RuntimeException e) {
            retryWanted = false;
        }
        Instant now = clock.instant();
        List<Runnable> actions = new ArrayList<>();
        synchronized (lock) {
            if (entry.state != State.RUNNING || entry.attempt != attempt) {
                return; // already ended (closed, or a duplicate report)
            }
            entry.call = null;
            if (retryWanted && entry.firstResult == null && !isPast(entry.notAfter, now)) {
                entry.firstResult = outcome;
                entry.state = State.STARTING;
                actions.add(() -> start(entry));
            } else {
                finishLocked(entry, outcome, now, actions);
            }
        }
        runActions(actions);
    }

    /** Ends an entry holding a permit, frees the permit and lets the next queued ones start. */
    private void finishLocked(Entry entry, KasResult outcome, Instant now, List<Runnable> actions) {
        entry.state = State.DONE;
        running.remove(entry);
        removeKeyLocked(entry);
        completedCount++;
        if (outcome.outcome() == KasOutcome.CANCELLED) {
            cancelledCount++;
        }
        actions.add(() -> entry.result.complete(outcome));
        pumpLocked(now, actions);
    }

    /** Moves queued entries into free permits; entries too old at the head expire without taking a permit. */
    private void pumpLocked(Instant now, List<Runnable> actions) {
        while (!closed && running.size() < maxConcurrent && !queue.isEmpty()) {
            Entry next = queue.removeFirst();
            ScheduledFuture<?> timer = next.timer;
            if (timer != null) {
                ScheduledFuture<?> obsolete = timer;
                actions.add(() -> obsolete.cancel(false));
            }
            next.timer = null;
            next.timerGeneration++;
            if (isPast(next.notAfter, now)) {
                next.state = State.DONE;
                removeKeyLocked(next);
                expiredCount++;
                completedCount++;
                KasResult expired = expiredResult(next.description, next.notAfter);
                actions.add(() -> next.result.complete(expired));
            } else {
                next.state = State.STARTING;
                addRunning(next);
                actions.add(() -> start(next));
            }
        }
    }

    private void scheduleExpiry(Entry entry, int generation) {
        Instant deadline;
        synchronized (lock) {
            Instant notAfter = entry.notAfter;
            if (notAfter == null || entry.state != State.QUEUED || entry.timerGeneration != generation) {
                return;
            }
            deadline = notAfter;
        }
        Duration delay = Duration.between(clock.instant(), deadline);
        long nanos = delay.isNegative() ? 0
                : delay.getSeconds() >= MAX_DELAY_SECONDS ? Long.MAX_VALUE : delay.toNanos();
        ScheduledFuture<?> timer;
        try {
            timer = scheduler.schedule(() -> onDeadline(entry, generation), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return; // scheduler shutting down: the entry still expires when it reaches the head of the queue
        }
        boolean keep;
        synchronized (lock) {
            keep = !closed && entry.state == State.QUEUED && entry.timerGeneration == generation;
            if (keep) {
                entry.timer = timer;
            }
        }
        if (!keep) {
            timer.cancel(false);
        }
    }

    /** The expiry timer of a waiting entry: the timer is authoritative, the user learns at the deadline. */
    private void onDeadline(Entry entry, int generation) {
        KasResult expired;
        synchronized (lock) {
            if (entry.state != State.QUEUED || entry.timerGeneration != generation) {
                return;
            }
            queue.remove(entry);
            removeKeyLocked(entry);
            entry.timer = null;
            entry.state = State.DONE;
            expiredCount++;
            completedCount++;
            expired = expiredResult(entry.description, entry.notAfter);
        }
        entry.result.complete(expired);
    }

    /**
     * Runs actions outside the lock. Actions that become due while this thread is already running actions are
     * appended and run by the outermost call, so that synchronously completing calls do not recurse.
     */
    private void runActions(List<Runnable> actions) {
        if (actions.isEmpty()) {
            return;
        }
        @Nullable
        ArrayDeque<Runnable> pending = pendingActions.get();
        if (pending != null) {
            pending.addAll(actions);
            return;
        }
        ArrayDeque<Runnable> own = new ArrayDeque<>(actions);
        pendingActions.set(own);
        try {
            while (!own.isEmpty()) {
                try {
                    own.removeFirst().run();
                } catch (RuntimeException e) {
                    // internal actions handle their own failures; one failing must not strand the others
                }
            }
        } finally {
            pendingActions.remove();
        }
    }

    private void addRunning(Entry entry) {
        running.add(entry);
        peakInFlight = Math.max(peakInFlight, running.size());
    }

    private void removeKeyLocked(Entry entry) {
        String key = entry.submission.coalesceKey();
        if (key != null) {
            byKey.remove(key, entry); // only if the key still belongs to this entry
        }
    }

    /**
     * Merges a deadline into a pending entry (the later one wins); a waiting entry's timer must then be replaced.
     * Called with the lock held; the returned timer change is carried out after releasing it.
     */
    private TimerChange mergeDeadlineLocked(Entry existing, @Nullable Instant notAfter) {
        mergedCount++;
        Instant extended = later(existing.notAfter, notAfter);
        if (Objects.equals(extended, existing.notAfter)) {
            return TimerChange.NONE;
        }
        existing.notAfter = extended;
        if (existing.state != State.QUEUED) {
            return TimerChange.NONE;
        }
        ScheduledFuture<?> obsolete = existing.timer;
        existing.timer = null;
        existing.timerGeneration++;
        return new TimerChange(obsolete, extended == null ? null : existing, existing.timerGeneration);
    }

    private static boolean isPast(@Nullable Instant notAfter, Instant now) {
        return notAfter != null && now.isAfter(notAfter);
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null || b == null) {
            return null;
        }
        return a.isAfter(b) ? a : b;
    }

    private static KasResult toResult(String description, @Nullable KasResult value, @Nullable Throwable failure) {
        if (failure != null) {
            Throwable cause = failure;
            Throwable inner = cause.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException) && inner != null) {
                cause = inner;
                inner = cause.getCause();
            }
            if (cause instanceof CancellationException) {
                return result(KasOutcome.CANCELLED, description + " was cancelled before KAS answered");
            }
            // the exception message is left out on purpose: it may contain a request URL with the API key
            return result(KasOutcome.COMMUNICATION_ERROR,
                    description + " failed before KAS answered (" + cause.getClass().getSimpleName() + ")");
        }
        if (value == null) {
            return result(KasOutcome.COMMUNICATION_ERROR, description + " ended without a result");
        }
        return value;
    }

    private static KasResult expiredResult(String description, @Nullable Instant notAfter) {
        return result(KasOutcome.EXPIRED,
                description + " not sent: older than its maximum age (deadline " + notAfter + " passed)");
    }

    private static KasResult result(KasOutcome outcome, String message) {
        return KasResult.of(outcome, message);
    }

    private enum State {
        /** waiting in the queue */
        QUEUED,
        /** holds a permit, call not invoked yet */
        STARTING,
        /** holds a permit, call invoked */
        RUNNING,
        /** completed (or completing outside the lock) */
        DONE
    }

    /**
     * What to do with the expiry timers after a deadline was merged into a waiting entry.
     *
     * @param obsolete the timer to cancel, if any
     * @param toSchedule the entry whose new timer to schedule, if any
     * @param generation the timer generation of that entry
     */
    private record TimerChange(@Nullable ScheduledFuture<?> obsolete, @Nullable Entry toSchedule, int generation) {
        static final TimerChange NONE = new TimerChange(null, null, 0);
    }

    /** One dispatched command, shared by all submissions merged into it. Mutable fields are guarded by the lock. */
    private static final class Entry {
        final Submission submission;
        final String description;
        final CompletableFuture<KasResult> result = new CompletableFuture<>();
        @Nullable
        Instant notAfter;
        State state = State.QUEUED;
        @Nullable
        ScheduledFuture<?> timer;
        int timerGeneration;
        @Nullable
        CompletableFuture<KasResult> call;
        int attempt;
        @Nullable
        KasResult firstResult;

        Entry(Submission submission) {
            this.submission = submission;
            this.description = submission.description();
            this.notAfter = submission.notAfter();
        }
    }

    /**
     * A snapshot of the gate's counters.
     *
     * @param inFlight submissions holding a permit
     * @param queued submissions waiting
     * @param peakInFlight highest number of submissions holding a permit so far
     * @param started calls invoked, retries included
     * @param retried retries invoked
     * @param merged submissions merged into an equal one
     * @param expired submissions ended {@link KasOutcome#EXPIRED}
     * @param rejected submissions ended {@link KasOutcome#QUEUE_FULL}
     * @param cancelled submissions ended {@link KasOutcome#CANCELLED}
     * @param closed whether the gate is closed
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Stats(int inFlight, int queued, int peakInFlight, long started, long retried, long merged,
            long expired, long rejected, long cancelled, boolean closed) {
    }

    /**
     * What to call and how. Factories: {@link #of(String, Supplier)}, {@link #unlock(String, Instant, Supplier)},
     * {@link #pin(String, Supplier)}.
     *
     * @param description a human description used in result messages, e.g. {@code "Unlock of SS000510"}; it must not
     *            contain secrets
     * @param coalesceKey equal keys queued or in flight are merged into one call; {@code null} = never merged
     * @param notAfter the call is never started after this instant; {@code null} = no maximum age
     * @param call starts the call and returns its future; invoked once per attempt, must not block
     * @param retryWhen at most one immediate retry when this matches the first result
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Submission(String description, @Nullable String coalesceKey, @Nullable Instant notAfter,
            Supplier<CompletableFuture<KasResult>> call, Predicate<KasResult> retryWhen) {

        /** Never retry. */
        public static final Predicate<KasResult> RETRY_NEVER = r -> false;
        /** Unlock: retry once on a KAS 504 (the gateway did not answer). */
        public static final Predicate<KasResult> RETRY_UNLOCK = r -> r.outcome() == KasOutcome.GATEWAY_TIMEOUT;
        /** PIN code: retry once on a KAS 500 or 504. */
        public static final Predicate<KasResult> RETRY_PIN = r -> r.outcome() == KasOutcome.SERVER_ERROR
                || r.outcome() == KasOutcome.GATEWAY_TIMEOUT;

        /**
         * Validates the submission.
         *
         * @throws IllegalArgumentException for a blank description or an empty coalescing key
         */
        public Submission {
            if (description.isBlank()) {
                throw new IllegalArgumentException("description must not be blank");
            }
            if (coalesceKey != null && coalesceKey.isEmpty()) {
                throw new IllegalArgumentException("coalesceKey must not be empty (use null for no coalescing)");
            }
        }

        /** @return a submission without key, deadline or retry */
        public static Submission of(String description, Supplier<CompletableFuture<KasResult>> call) {
            return new Submission(description, null, null, call, RETRY_NEVER);
        }

        /**
         * @param factoryNumber the lock's factory number
         * @param notAfter command time + unlockMaxAge
         * @param call the remote unlock call
         * @return a remote unlock: merged per lock, never sent after {@code notAfter}, one retry on a KAS 504
         */
        public static Submission unlock(String factoryNumber, Instant notAfter,
                Supplier<CompletableFuture<KasResult>> call) {
            return new Submission("Unlock of " + factoryNumber, unlockKey(factoryNumber), notAfter, call, RETRY_UNLOCK);
        }

        /**
         * @param factoryNumber the lock's factory number
         * @return the coalescing key of the lock's remote unlocks, for {@link RequestGate#withdraw(String)} and
         *         {@link RequestGate#extendDeadline(String, Instant)}
         */
        public static String unlockKey(String factoryNumber) {
            return "unlock:" + factoryNumber;
        }

        /**
         * @param factoryNumber the lock's factory number
         * @param call the PIN code call
         * @return a PIN code request: never merged (each one asks for a code of its own), no maximum age, one retry
         *         on a KAS 500 or 504
         */
        public static Submission pin(String factoryNumber, Supplier<CompletableFuture<KasResult>> call) {
            return new Submission("PIN code request for " + factoryNumber, null, null, call, RETRY_PIN);
        }
    }
}
