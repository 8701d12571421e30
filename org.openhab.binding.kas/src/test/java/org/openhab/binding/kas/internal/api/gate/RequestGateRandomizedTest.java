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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.T0;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.test.ManualClock;
import org.openhab.binding.kas.internal.test.ManualScheduler;

/**
 * Randomised tests of {@link RequestGate}: thousands of single-threaded random sequences with a fixed seed (submits
 * with and without keys and deadlines, completions, failures, clock advances, close at random points) checked against
 * the gate's invariants, plus a multi-threaded run on a real scheduler.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class RequestGateRandomizedTest {

    private static final long SEED = 0x4B41535F47415445L;
    private static final int SEQUENCES = 3000;

    private static final List<Predicate<KasResult>> RETRY_POLICIES = List.of(Submission.RETRY_NEVER,
            Submission.RETRY_UNLOCK, Submission.RETRY_PIN);
    private static final List<KasOutcome> CALL_OUTCOMES = List.of(KasOutcome.ACCEPTED, KasOutcome.ACCEPTED,
            KasOutcome.GATEWAY_TIMEOUT, KasOutcome.GATEWAY_TIMEOUT, KasOutcome.SERVER_ERROR, KasOutcome.NOT_ADMIN,
            KasOutcome.TIMEOUT);

    @Test
    void randomSequencesKeepTheInvariants() {
        Random seeds = new Random(SEED);
        long[] totals = new long[6];
        for (int i = 0; i < SEQUENCES; i++) {
            long seed = seeds.nextLong();
            Sequence sequence = new Sequence(seed);
            try {
                sequence.run();
            } catch (AssertionError e) {
                throw new AssertionError("sequence " + i + " (seed " + seed + "L): " + e.getMessage(), e);
            }
            totals[0] += sequence.subs.size();
            totals[1] += sequence.invocations.size();
            totals[2] += sequence.gate.merged();
            totals[3] += sequence.gate.expired();
            totals[4] += sequence.gate.rejected();
            totals[5] += sequence.gate.retried();
        }
        // the random walk must actually reach every rule, or the invariants above prove little
        for (int i = 0; i < totals.length; i++) {
            assertTrue(totals[i] > 100, "too few events of kind " + i + ": " + totals[i]);
        }
    }

    /** One submission as the test saw it. */
    private static final class Sub {
        final int index;
        final int submitSeq;
        final @Nullable String key;
        final @Nullable Instant notAfter;
        final Predicate<KasResult> retryWhen;
        final List<Invocation> invocations = new ArrayList<>();
        @Nullable
        CompletableFuture<KasResult> future;
        @Nullable
        Sub expectedMergeTarget;
        boolean expectNewEntry;
        int completions;
        boolean completedWhileClosing;

        Sub(int index, int submitSeq, @Nullable String key, @Nullable Instant notAfter,
                Predicate<KasResult> retryWhen) {
            this.index = index;
            this.submitSeq = submitSeq;
            this.key = key;
            this.notAfter = notAfter;
            this.retryWhen = retryWhen;
        }

        CompletableFuture<KasResult> future() {
            CompletableFuture<KasResult> f = future;
            if (f == null) {
                throw new AssertionError("submission " + index + " has no future");
            }
            return f;
        }
    }

    /** One invocation of a submission's call. */
    private static final class Invocation {
        final Sub sub;
        final int seq;
        final Instant time;
        final @Nullable CompletableFuture<KasResult> future;
        @Nullable
        KasOutcome seenOutcome;
        boolean completedByTest;

        Invocation(Sub sub, int seq, Instant time, @Nullable CompletableFuture<KasResult> future) {
            this.sub = sub;
            this.seq = seq;
            this.time = time;
            this.future = future;
        }
    }

    /** One random sequence on its own gate, clock and scheduler. */
    private static final class Sequence {
        final Random random;
        final ManualClock clock = new ManualClock(T0);
        final ManualScheduler scheduler = new ManualScheduler(clock);
        final int maxConcurrent;
        final int maxQueued;
        final RequestGate gate;
        final List<Sub> subs = new ArrayList<>();
        final List<Invocation> invocations = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        int seq;
        boolean closing;
        int expectedMerges;

        Sequence(long seed) {
            random = new Random(seed);
            maxConcurrent = 1 + random.nextInt(4);
            maxQueued = random.nextInt(7);
            gate = new RequestGate(maxConcurrent, maxQueued, scheduler, clock);
        }

        void run() {
            int operations = 20 + random.nextInt(120);
            for (int op = 0; op < operations; op++) {
                seq++;
                int dice = random.nextInt(100);
                if (dice < 40) {
                    submit();
                } else if (dice < 68) {
                    completeRandomCall();
                } else if (dice < 86) {
                    clock.advanceMillis(random.nextInt(3000));
                    scheduler.runDue();
                } else if (dice < 88) {
                    close();
                } else {
                    clock.advanceMillis(random.nextInt(50));
                }
                assertTrue(gate.inFlight() <= maxConcurrent, "in flight " + gate.inFlight());
                assertTrue(gate.queued() <= maxQueued, "queued " + gate.queued());
            }
            if (!closing && random.nextBoolean()) {
                drain();
            }
            close();
            seq++;
            submit(); // after close
            checkInvariants();
        }

        void submit() {
            int index = subs.size();
            String key = random.nextInt(2) == 0 ? null : "unlock:SS" + random.nextInt(3);
            Instant notAfter = random.nextInt(10) < 3 ? null : clock.instant().plusMillis(random.nextInt(5500) - 500);
            Sub sub = new Sub(index, seq, key, notAfter, RETRY_POLICIES.get(random.nextInt(RETRY_POLICIES.size())));
            if (key != null && !closing && (notAfter == null || !clock.instant().isAfter(notAfter))) {
                for (Sub earlier : subs) {
                    if (key.equals(earlier.key) && !earlier.future().isDone()) {
                        sub.expectedMergeTarget = earlier;
                    }
                }
                if (sub.expectedMergeTarget != null) {
                    expectedMerges++;
                } else {
                    sub.expectNewEntry = true;
                }
            }
            subs.add(sub);
            CompletableFuture<KasResult> future = gate
                    .submit(new Submission("submission " + index, key, notAfter, new RandomCall(sub), sub.retryWhen));
            sub.future = future;
            future.whenComplete((r, e) -> {
                sub.completions++;
                sub.completedWhileClosing = closing;
            });
        }

        void completeRandomCall() {
            List<Invocation> pending = pendingInvocations();
            if (pending.isEmpty()) {
                return;
            }
            Invocation invocation = pending.get(random.nextInt(pending.size()));
            CompletableFuture<KasResult> future = invocation.future;
            if (future == null) {
                return;
            }
            invocation.completedByTest = true;
            if (random.nextInt(10) == 0) {
                invocation.seenOutcome = KasOutcome.COMMUNICATION_ERROR;
                future.completeExceptionally(new IOException("connection reset"));
            } else {
                KasOutcome outcome = CALL_OUTCOMES.get(random.nextInt(CALL_OUTCOMES.size()));
                invocation.seenOutcome = outcome;
                future.complete(KasResult.of(outcome, "answer " + invocation.seq));
            }
        }

        void drain() {
            for (int guard = 0; guard < 10_000; guard++) {
                if (pendingInvocations().isEmpty() && gate.queued() == 0 && gate.inFlight() == 0) {
                    return;
                }
                seq++;
                if (pendingInvocations().isEmpty()) {
                    clock.advanceMillis(1000);
                    scheduler.runDue();
                } else {
                    completeRandomCall();
                }
            }
            fail("drain did not finish");
        }

        void close() {
            closing = true;
            gate.close();
        }

        List<Invocation> pendingInvocations() {
            List<Invocation> pending = new ArrayList<>();
            for (Invocation invocation : invocations) {
                CompletableFuture<KasResult> future = invocation.future;
                if (future != null && !future.isDone()) {
                    pending.add(invocation);
                }
            }
            return pending;
        }

        /** The call of one submission: checks the limits at every invocation and behaves randomly. */
        final class RandomCall implements Supplier<CompletableFuture<KasResult>> {
            private final Sub sub;

            RandomCall(Sub sub) {
                this.sub = sub;
            }

            @Override
            public CompletableFuture<KasResult> get() {
                // the gate maps whatever a call throws to an outcome, so problems are collected, not thrown here
                if (gate.isClosed()) {
                    problems.add("submission " + sub.index + ": call invoked after close()");
                }
                List<Invocation> pending = pendingInvocations();
                if (pending.size() >= maxConcurrent) {
                    problems.add("submission " + sub.index + ": call started while " + pending.size()
                            + " calls run (max " + maxConcurrent + ")");
                }
                String key = sub.key;
                if (key != null && pending.stream().anyMatch(other -> key.equals(other.sub.key))) {
                    problems.add("submission " + sub.index + ": two calls for key " + key + " at once");
                }
                int dice = random.nextInt(100);
                if (dice < 70) {
                    CompletableFuture<KasResult> future = new CompletableFuture<>();
                    record(future, null);
                    return future;
                } else if (dice < 85) {
                    KasOutcome outcome = CALL_OUTCOMES.get(random.nextInt(CALL_OUTCOMES.size()));
                    record(null, outcome);
                    return CompletableFuture.completedFuture(KasResult.of(outcome, "sync answer"));
                } else if (dice < 92) {
                    record(null, KasOutcome.COMMUNICATION_ERROR);
                    throw new IllegalStateException("supplier failed");
                } else {
                    record(null, KasOutcome.COMMUNICATION_ERROR);
                    return CompletableFuture.failedFuture(new IOException("refused"));
                }
            }

            private void record(@Nullable CompletableFuture<KasResult> future, @Nullable KasOutcome outcome) {
                Invocation invocation = new Invocation(sub, seq, clock.instant(), future);
                invocation.seenOutcome = outcome;
                sub.invocations.add(invocation);
                invocations.add(invocation);
            }
        }

        void checkInvariants() {
            assertEquals(List.of(), problems);
            // after close nothing is pending anywhere
            assertEquals(0, gate.inFlight());
            assertEquals(0, gate.queued());
            assertEquals(0, scheduler.liveTasks(), "a gate timer is still scheduled");
            assertTrue(gate.peakInFlight() <= maxConcurrent);
            for (Invocation invocation : invocations) {
                CompletableFuture<KasResult> future = invocation.future;
                if (future != null) {
                    assertTrue(future.isDone());
                    if (!invocation.completedByTest) {
                        assertTrue(future.isCancelled(), "an in-flight call was not cancelled by close()");
                    }
                }
            }
            assertEquals(invocations.size(), gate.started());
            assertEquals(expectedMerges, gate.merged());

            // every future completed exactly once, normally
            Map<KasResult, List<Sub>> groups = new IdentityHashMap<>();
            for (Sub sub : subs) {
                CompletableFuture<KasResult> future = sub.future();
                assertTrue(future.isDone(), "submission " + sub.index + " never completed");
                assertFalse(future.isCompletedExceptionally(), "submission " + sub.index + " failed");
                assertEquals(1, sub.completions);
                KasResult result = future.join();
                List<Sub> group = groups.get(result);
                if (group == null) {
                    group = new ArrayList<>();
                    groups.put(result, group);
                }
                group.add(sub);
            }

            // coalescing: merged submissions share the result object, new entries do not
            for (Sub sub : subs) {
                Sub target = sub.expectedMergeTarget;
                if (target != null) {
                    assertSame(target.future().join(), sub.future().join(),
                            "submission " + sub.index + " was not merged into " + target.index);
                } else if (sub.expectNewEntry) {
                    for (Sub earlier : subs.subList(0, sub.index)) {
                        assertNotSame(earlier.future().join(), sub.future().join(),
                                "submission " + sub.index + " wrongly merged into " + earlier.index);
                    }
                }
            }

            for (Map.Entry<KasResult, List<Sub>> group : groups.entrySet()) {
                checkGroup(group.getKey(), group.getValue());
            }
        }

        /** One gate entry: the submissions sharing one result object. */
        void checkGroup(KasResult result, List<Sub> members) {
            Sub creator = members.get(0);
            List<Invocation> calls = new ArrayList<>();
            calls.addAll(creator.invocations);
            for (Sub member : members.subList(1, members.size())) {
                assertTrue(member.invocations.isEmpty(), "a merged submission's call was invoked");
            }
            String where = "entry of submission " + creator.index + " (" + result + ")";
            assertTrue(calls.size() <= 2, "more than one retry: " + where);
            if (calls.size() == 2) {
                KasOutcome first = calls.get(0).seenOutcome;
                if (first == null) {
                    fail("first attempt without outcome: " + where);
                    return;
                }
                assertTrue(creator.retryWhen.test(KasResult.of(first, "first")), "retry not asked for: " + where);
            }
            // no call is started after the latest deadline of the submissions merged into it so far
            for (Invocation call : calls) {
                Instant limit = null;
                boolean unlimited = false;
                for (Sub member : members) {
                    Instant notAfter = member.notAfter;
                    if (member.submitSeq <= call.seq) {
                        if (notAfter == null) {
                            unlimited = true;
                        } else if (limit == null || notAfter.isAfter(limit)) {
                            limit = notAfter;
                        }
                    }
                }
                if (!unlimited) {
                    if (limit == null) {
                        fail("call before its submission: " + where);
                        return;
                    }
                    assertFalse(call.time.isAfter(limit), "call at " + call.time + " after deadline " + limit);
                }
            }
            switch (result.outcome()) {
                case EXPIRED, QUEUE_FULL -> assertTrue(calls.isEmpty(), "an expired/rejected entry was sent: " + where);
                case CANCELLED -> assertTrue(creator.completedWhileClosing, "cancelled without close: " + where);
                default -> {
                    assertFalse(calls.isEmpty(), "a call result without a call: " + where);
                    boolean seen = calls.stream().anyMatch(c -> c.seenOutcome == result.outcome());
                    assertTrue(seen, "result no call produced: " + where);
                }
            }
            if (members.size() > 1) {
                assertNotNull(creator.key, where);
                for (Sub member : members) {
                    assertEquals(creator.key, member.key, where);
                }
            }
        }
    }

    @Test
    void concurrentSubmittersAndCompletersKeepTheLimitAndEndCleanly() throws InterruptedException {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        List<Thread> threads = new ArrayList<>();
        try {
            int maxConcurrent = 3;
            Clock clock = Clock.systemUTC();
            RequestGate gate = new RequestGate(maxConcurrent, 40, scheduler, clock);
            AtomicInteger running = new AtomicInteger();
            AtomicBoolean closed = new AtomicBoolean();
            AtomicInteger violations = new AtomicInteger();
            ConcurrentLinkedQueue<CompletableFuture<KasResult>> pendingCalls = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<CompletableFuture<KasResult>> allCalls = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<CompletableFuture<KasResult>> results = new ConcurrentLinkedQueue<>();
            AtomicBoolean submittersDone = new AtomicBoolean();
            CountDownLatch start = new CountDownLatch(1);

            Supplier<CompletableFuture<KasResult>> call = () -> {
                if (running.incrementAndGet() > maxConcurrent && !closed.get()) {
                    violations.incrementAndGet();
                }
                if (ThreadLocalRandom.current().nextInt(5) == 0) {
                    running.decrementAndGet();
                    return CompletableFuture.completedFuture(KasResult.of(KasOutcome.GATEWAY_TIMEOUT, "sync"));
                }
                CompletableFuture<KasResult> future = new CompletableFuture<>();
                allCalls.add(future);
                pendingCalls.add(future);
                return future;
            };
            for (int t = 0; t < 4; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    awaitStart(start);
                    Random random = new Random(SEED + thread);
                    for (int i = 0; i < 400; i++) {
                        String key = random.nextBoolean() ? null : "unlock:SS" + random.nextInt(4);
                        Instant notAfter = random.nextBoolean() ? null : clock.instant().plusMillis(random.nextInt(30));
                        results.add(gate.submit(new Submission("t" + thread + "-" + i, key, notAfter, call,
                                RETRY_POLICIES.get(random.nextInt(3)))));
                        if (thread == 0 && i == 300) {
                            closed.set(true);
                            gate.close();
                        }
                        if (i % 50 == 0) {
                            Thread.yield();
                        }
                    }
                }, "submitter-" + t));
            }
            for (int t = 0; t < 2; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    awaitStart(start);
                    Random random = new Random(SEED - thread);
                    while (!submittersDone.get() || !pendingCalls.isEmpty()) {
                        CompletableFuture<KasResult> future = pollOrNull(pendingCalls);
                        if (future == null) {
                            Thread.yield();
                            continue;
                        }
                        running.decrementAndGet(); // before the gate frees the permit
                        if (random.nextInt(8) == 0) {
                            future.completeExceptionally(new IOException("reset"));
                        } else {
                            future.complete(
                                    KasResult.of(CALL_OUTCOMES.get(random.nextInt(CALL_OUTCOMES.size())), "answer"));
                        }
                    }
                }, "completer-" + t));
            }
            threads.forEach(Thread::start);
            start.countDown();
            for (Thread thread : threads.subList(0, 4)) {
                thread.join();
            }
            submittersDone.set(true);
            gate.close();

            await().atMost(Duration.ofSeconds(30)).until(() -> results.stream().allMatch(Future::isDone));
            for (Thread thread : threads.subList(4, 6)) {
                thread.join();
            }
            assertEquals(1600, results.size());
            for (CompletableFuture<KasResult> result : results) {
                assertFalse(result.isCompletedExceptionally());
            }
            assertTrue(allCalls.stream().allMatch(Future::isDone));
            assertEquals(0, violations.get(), "more calls in flight than allowed");
            assertTrue(gate.started() > 0, "no call was started before close()");
            assertTrue(gate.peakInFlight() <= maxConcurrent);
            assertEquals(0, gate.inFlight());
            assertEquals(0, gate.queued());
            assertTrue(scheduler.getQueue().stream().allMatch(Future.class::isInstance));
            assertTrue(scheduler.getQueue().stream().allMatch(task -> ((Future<?>) task).isDone()),
                    "a gate timer is still live");
        } finally {
            threads.forEach(Thread::interrupt);
            scheduler.shutdownNow();
        }
    }

    /** {@link Queue#poll()} with its real nullness (the JDK type has no null annotations). */
    private static <T> @Nullable T pollOrNull(Queue<T> queue) {
        return queue.poll();
    }

    private static void awaitStart(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
