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
import static org.mockito.Mockito.mock;
import static org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.*;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.FakeCall;

/**
 * Deterministic tests of {@link RequestGate}: hand-completed calls, a settable clock and a manual scheduler (one test
 * uses a real scheduler and Awaitility).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class RequestGateTest extends ManualGateTestBase {

    private static Submission plain(String description, FakeCall call) {
        return Submission.of(description, call);
    }

    private static Submission keyed(String key, @Nullable Instant notAfter,
            Supplier<CompletableFuture<KasResult>> call) {
        return new Submission("request " + key, key, notAfter, call, Submission.RETRY_NEVER);
    }

    private static Submission withDeadline(String description, Instant notAfter, FakeCall call) {
        return new Submission(description, null, notAfter, call, Submission.RETRY_NEVER);
    }

    /** Submits a call that holds its permit until the test completes it. */
    private FakeCall running(RequestGate gate, String description) {
        FakeCall call = call();
        gate.submit(plain(description, call));
        return call;
    }

    /** Submits the unlock of SS1 with a deadline 10 s after T0. */
    private static CompletableFuture<KasResult> unlock(RequestGate gate, FakeCall call) {
        return gate.submit(Submission.unlock("SS1", T0.plusSeconds(10), call));
    }

    /** The future ended in a communication error whose message names the exception and not the secret. */
    private static void assertCommunicationErrorNaming(String exception, CompletableFuture<KasResult> future) {
        KasResult result = resultOf(future);
        assertEquals(KasOutcome.COMMUNICATION_ERROR, result.outcome());
        assertFalse(result.message().contains("secret"), result.message());
        assertTrue(result.message().contains(exception), result.message());
    }

    // ---- construction and submission validation ---------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({ "0, 0, maxConcurrent", "31, 0, maxConcurrent", "-1, 10, maxConcurrent", "1, -1, maxQueued",
            "1, 1001, maxQueued", "30, 2147483647, maxQueued" })
    void constructorRejectsOutOfRangeArguments(int maxConcurrent, int maxQueued, String parameter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RequestGate(maxConcurrent, maxQueued, scheduler, clock));
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(parameter), message);
        assertTrue(message.contains("maxConcurrent".equals(parameter) ? "1 and 30" : "0 and 1000"), message);
    }

    @ParameterizedTest
    @CsvSource({ "1, 0", "30, 1000", "4, 100" })
    void constructorAcceptsBounds(int maxConcurrent, int maxQueued) {
        RequestGate gate = gate(maxConcurrent, maxQueued);
        assertEquals(maxConcurrent, gate.maxConcurrent());
        assertEquals(maxQueued, gate.maxQueued());
        assertEquals(0, gate.inFlight());
        assertEquals(0, gate.queued());
        assertFalse(gate.isClosed());
    }

    @Test
    void submissionRejectsBlankDescriptionAndEmptyKey() {
        FakeCall call = call();
        assertThrows(IllegalArgumentException.class, () -> Submission.of(" ", call));
        assertThrows(IllegalArgumentException.class, () -> new Submission("x", "", null, call, Submission.RETRY_NEVER));
    }

    @Test
    void factoriesSetKeyDeadlineAndRetryPolicy() {
        FakeCall call = call();
        Instant deadline = T0.plusSeconds(10);
        Submission unlock = Submission.unlock("SS000510", deadline, call);
        assertEquals("unlock:SS000510", unlock.coalesceKey());
        assertEquals(deadline, unlock.notAfter());
        assertTrue(unlock.retryWhen().test(gatewayTimeout()));
        assertFalse(unlock.retryWhen().test(serverError()));
        assertFalse(unlock.retryWhen().test(accepted()));

        Submission pin = Submission.pin("SS000510", call);
        assertNull(pin.coalesceKey());
        assertNull(pin.notAfter());
        assertTrue(pin.retryWhen().test(gatewayTimeout()));
        assertTrue(pin.retryWhen().test(serverError()));
        assertFalse(pin.retryWhen().test(accepted()));
        assertFalse(pin.retryWhen().test(KasResult.of(KasOutcome.TIMEOUT, "no answer")));

        assertFalse(Submission.of("x", call).retryWhen().test(gatewayTimeout()));
    }

    // ---- rule 1: concurrency limit, FIFO, bounded queue --------------------------------------------------------

    @Test
    void startsAtMostMaxConcurrentCallsAndQueuesTheRest() {
        RequestGate gate = gate(2, 10);
        List<FakeCall> calls = new ArrayList<>();
        List<CompletableFuture<KasResult>> futures = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            FakeCall call = call();
            calls.add(call);
            futures.add(gate.submit(plain("call " + i, call)));
        }
        assertEquals(List.of(1, 1, 0, 0, 0), calls.stream().map(FakeCall::invocations).toList());
        assertEquals(2, gate.inFlight());
        assertEquals(3, gate.queued());

        calls.get(1).complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(futures.get(1)));
        assertEquals(List.of(1, 1, 1, 0, 0), calls.stream().map(FakeCall::invocations).toList());
        assertEquals(2, gate.inFlight());
        assertEquals(2, gate.queued());

        calls.get(0).complete(accepted());
        calls.get(2).complete(accepted());
        assertEquals(List.of(1, 1, 1, 1, 1), calls.stream().map(FakeCall::invocations).toList());
        calls.get(3).complete(accepted());
        calls.get(4).complete(accepted());
        futures.forEach(f -> assertEquals(KasOutcome.ACCEPTED, outcomeOf(f)));
        assertEquals(0, gate.inFlight());
        assertEquals(0, gate.queued());
        assertEquals(2, gate.peakInFlight());
        assertEquals(5, gate.started());
        assertEquals(5, gate.completed());
    }

    @Test
    void queuedSubmissionsStartInFifoOrder() {
        RequestGate gate = gate(1, 10);
        List<Integer> order = new ArrayList<>();
        List<CompletableFuture<KasResult>> pending = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int index = i;
            gate.submit(Submission.of("call " + i, () -> {
                order.add(index);
                CompletableFuture<KasResult> future = new CompletableFuture<>();
                pending.add(future);
                return future;
            }));
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(i + 1, order.size());
            pending.get(i).complete(accepted());
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5), order);
    }

    @Test
    void fullQueueCompletesAtOnceWithQueueFullAndDoesNotCall() {
        RequestGate gate = gate(1, 2);
        gate.submit(plain("running", call()));
        gate.submit(plain("waiting 1", call()));
        gate.submit(plain("waiting 2", call()));
        FakeCall rejectedCall = call();

        CompletableFuture<KasResult> rejected = gate.submit(plain("one too many", rejectedCall));

        KasResult result = resultOf(rejected);
        assertEquals(KasOutcome.QUEUE_FULL, result.outcome());
        assertEquals("KAS request queue is full (2 waiting); command not sent", result.message());
        assertEquals(0, rejectedCall.invocations());
        assertEquals(1, gate.rejected());
        assertEquals(2, gate.queued());
    }

    @Test
    void zeroQueueRejectsWhenAllPermitsAreTaken() {
        RequestGate gate = gate(1, 0);
        FakeCall first = running(gate, "first");
        CompletableFuture<KasResult> second = gate.submit(plain("second", call()));
        assertEquals(KasOutcome.QUEUE_FULL, outcomeOf(second));
        assertEquals("KAS request queue is full (0 waiting); command not sent", resultOf(second).message());

        first.complete(accepted());
        FakeCall third = running(gate, "third");
        assertEquals(1, third.invocations());
    }

    // ---- rule 2: maximum age -------------------------------------------------------------------------------

    @Test
    void submissionAlreadyTooOldIsNotSent() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = gate.submit(withDeadline("old", T0.minusMillis(1), call));
        assertEquals(KasOutcome.EXPIRED, outcomeOf(future));
        assertEquals(0, call.invocations());
        assertEquals(1, gate.expired());
        assertEquals(0, gate.inFlight());
    }

    @Test
    void deadlineEqualToNowStillStarts() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        gate.submit(withDeadline("just in time", T0, call));
        assertEquals(1, call.invocations());
    }

    @Test
    void submissionTooOldAtHeadOfQueueExpiresAndIsNotSent() {
        RequestGate gate = gate(1, 10);
        FakeCall first = running(gate, "first");
        FakeCall old = call();
        FakeCall fresh = call();
        CompletableFuture<KasResult> oldFuture = gate.submit(withDeadline("old", T0.plusSeconds(10), old));
        CompletableFuture<KasResult> freshFuture = gate.submit(withDeadline("fresh", T0.plusSeconds(60), fresh));

        clock.advance(Duration.ofSeconds(11)); // no timer run: the head check alone must catch it
        first.complete(accepted());

        KasResult expired = resultOf(oldFuture);
        assertEquals(KasOutcome.EXPIRED, expired.outcome());
        assertTrue(expired.message().startsWith("old not sent"), expired.message());
        assertEquals(0, old.invocations());
        assertEquals(1, fresh.invocations(), "the permit goes to the next one");
        assertEquals(clock.instant(), fresh.startTime(0));
        assertFalse(freshFuture.isDone());
        assertEquals(1, gate.expired());
        assertEquals(0, scheduler.liveTasks(), "timers of started and expired submissions are cancelled");
    }

    @Test
    void expiryTimerCompletesWaitingSubmissionAtItsDeadline() {
        RequestGate gate = gate(1, 10);
        FakeCall first = running(gate, "first");
        FakeCall waiting = call();
        CompletableFuture<KasResult> future = gate.submit(withDeadline("unlock", T0.plusSeconds(10), waiting));
        assertEquals(1, scheduler.liveTasks());
        assertEquals(T0.plusSeconds(10), scheduler.nextDue());

        clock.advance(Duration.ofSeconds(9));
        scheduler.runDue();
        assertFalse(future.isDone());

        clock.advance(Duration.ofSeconds(1));
        scheduler.runDue();
        assertEquals(KasOutcome.EXPIRED, outcomeOf(future));
        assertEquals(0, gate.queued(), "removed from the queue");
        assertEquals(1, gate.inFlight());

        first.complete(accepted());
        assertEquals(0, waiting.invocations());
        assertEquals(0, gate.inFlight());
        assertEquals(1, gate.expired());
    }

    @Test
    void expiryTimerOnRealSchedulerCompletesWaitingSubmission() {
        ScheduledThreadPoolExecutor realScheduler = new ScheduledThreadPoolExecutor(1);
        try {
            Clock systemClock = Clock.systemUTC();
            RequestGate gate = new RequestGate(1, 10, realScheduler, systemClock);
            gates.add(gate);
            FakeCall first = new FakeCall(systemClock);
            FakeCall waiting = new FakeCall(systemClock);
            gate.submit(plain("first", first));
            CompletableFuture<KasResult> future = gate
                    .submit(withDeadline("unlock", systemClock.instant().plusMillis(50), waiting));

            await().atMost(Duration.ofSeconds(10)).until(future::isDone);
            assertEquals(KasOutcome.EXPIRED, outcomeOf(future));
            assertEquals(0, gate.queued());

            first.complete(accepted());
            assertEquals(0, waiting.invocations());
        } finally {
            realScheduler.shutdownNow();
        }
    }

    @Test
    void withoutATimerAWaitingSubmissionStillExpiresAtTheHead() {
        RequestGate gate = gate(1, 10);
        FakeCall first = running(gate, "first");
        FakeCall waiting = call();
        scheduler.shutdown(); // schedule() now throws RejectedExecutionException
        CompletableFuture<KasResult> future = gate.submit(withDeadline("unlock", T0.plusSeconds(10), waiting));
        assertFalse(future.isDone());
        assertEquals(1, gate.queued());

        clock.advance(Duration.ofSeconds(11));
        first.complete(accepted());
        assertEquals(KasOutcome.EXPIRED, outcomeOf(future));
        assertEquals(0, waiting.invocations());
    }

    @Test
    void timerIsCancelledWhenTheSubmissionStarts() {
        RequestGate gate = gate(1, 10);
        FakeCall first = running(gate, "first");
        FakeCall second = call();
        CompletableFuture<KasResult> future = gate.submit(withDeadline("second", T0.plusSeconds(10), second));
        assertEquals(1, scheduler.liveTasks());

        first.complete(accepted());
        assertEquals(1, second.invocations());
        assertEquals(0, scheduler.liveTasks());

        clock.advance(Duration.ofSeconds(30));
        scheduler.runDue();
        assertFalse(future.isDone(), "a started call is never expired by the timer");
        second.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(future));
    }

    @Test
    void deadlineIsCheckedRightBeforeTheCallIsInvoked() {
        RequestGate gate = gate(1, 10);
        List<Instant> invokedAt = new ArrayList<>();
        FakeCall first = running(gate, "first");
        gate.submit(keyed("k", T0.plusSeconds(5), () -> {
            invokedAt.add(clock.instant());
            return CompletableFuture.completedFuture(accepted());
        }));
        clock.advance(Duration.ofSeconds(5));
        first.complete(accepted());
        assertEquals(List.of(T0.plusSeconds(5)), invokedAt);
    }

    @Test
    void deadlinePassingWhileCallbacksRunBeforeTheStartExpiresTheSubmission() {
        RequestGate gate = gate(1, 10);
        FakeCall first = call();
        FakeCall next = call();
        // a slow completion callback of the first caller runs between "next gets the permit" and "next is invoked"
        gate.submit(plain("first", first)).thenRun(() -> clock.advance(Duration.ofSeconds(20)));
        CompletableFuture<KasResult> future = gate.submit(withDeadline("next", T0.plusSeconds(10), next));
        FakeCall after = running(gate, "after");

        first.complete(accepted());

        assertEquals(KasOutcome.EXPIRED, outcomeOf(future));
        assertEquals(0, next.invocations());
        assertEquals(1, after.invocations(), "the permit passes on");
    }

    @Test
    void retryThatCannotStartBeforeTheDeadlineKeepsTheFirstResult() {
        RequestGate gate = gate(2, 10);
        FakeCall a = call();
        FakeCall z = call();
        AtomicInteger unlockCalls = new AtomicInteger();
        KasResult firstTimeout = gatewayTimeout();
        gate.submit(plain("a", a)).thenRun(() -> z.complete(accepted())); // frees a second permit meanwhile
        gate.submit(plain("z", z));
        CompletableFuture<KasResult> unlock = gate.submit(Submission.unlock("SS1", T0.plusSeconds(10),
                () -> unlockCalls.incrementAndGet() == 1 ? CompletableFuture.completedFuture(firstTimeout)
                        : CompletableFuture.completedFuture(accepted())));
        gate.submit(Submission.of("slow", () -> {
            clock.advance(Duration.ofSeconds(20)); // runs after the retry was decided, before it starts
            return CompletableFuture.completedFuture(accepted());
        }));

        a.complete(accepted());

        assertEquals(1, unlockCalls.get(), "no retry after the deadline");
        assertSame(firstTimeout, resultOf(unlock));
        assertEquals(0, gate.retried());
        assertEquals(0, gate.inFlight());
    }

    // ---- rule 3: coalescing ---------------------------------------------------------------------------------

    @Test
    void equalKeyWhileQueuedIsMergedIntoOneCall() {
        RequestGate gate = gate(1, 10);
        FakeCall blocker = running(gate, "blocker");
        FakeCall firstUnlock = call();
        FakeCall secondUnlock = call();
        CompletableFuture<KasResult> a = gate.submit(Submission.unlock("SS000510", T0.plusSeconds(10), firstUnlock));
        CompletableFuture<KasResult> b = gate.submit(Submission.unlock("SS000510", T0.plusSeconds(10), secondUnlock));

        assertEquals(1, gate.queued(), "merged, not queued twice");
        assertEquals(1, gate.merged());
        blocker.complete(accepted());
        assertEquals(1, firstUnlock.invocations());
        assertEquals(0, secondUnlock.invocations());

        KasResult result = accepted();
        firstUnlock.complete(result);
        assertSame(result, resultOf(a));
        assertSame(result, resultOf(b));
        assertEquals(2, gate.started());
    }

    @Test
    void equalKeyWhileInFlightIsMergedIntoOneCall() {
        RequestGate gate = gate(2, 10);
        FakeCall first = call();
        FakeCall second = call();
        CompletableFuture<KasResult> a = gate.submit(keyed("unlock:SS1", T0.plusSeconds(10), first));
        CompletableFuture<KasResult> b = gate.submit(keyed("unlock:SS1", T0.plusSeconds(10), second));
        assertEquals(1, gate.inFlight());
        assertEquals(0, second.invocations());
        first.complete(gatewayTimeout());
        assertSame(resultOf(a), resultOf(b));
        assertEquals(KasOutcome.GATEWAY_TIMEOUT, outcomeOf(b));
    }

    @Test
    void keyIsFreeAgainOnceTheCallCompleted() {
        RequestGate gate = gate(2, 10);
        FakeCall first = call();
        FakeCall second = call();
        CompletableFuture<KasResult> a = gate.submit(keyed("unlock:SS1", null, first));
        first.complete(accepted());
        CompletableFuture<KasResult> b = gate.submit(keyed("unlock:SS1", null, second));
        assertEquals(1, second.invocations(), "a new call after the first completed");
        assertNotSame(a, b);
        assertEquals(0, gate.merged());
    }

    @Test
    void keyIsFreeAgainAfterExpiryWhileWaiting() {
        RequestGate gate = gate(1, 10);
        FakeCall blocker = running(gate, "blocker");
        CompletableFuture<KasResult> a = gate.submit(keyed("unlock:SS1", T0.plusSeconds(1), call()));
        clock.advance(Duration.ofSeconds(2));
        scheduler.runDue();
        assertEquals(KasOutcome.EXPIRED, outcomeOf(a));

        FakeCall fresh = call();
        CompletableFuture<KasResult> b = gate.submit(keyed("unlock:SS1", T0.plusSeconds(20), fresh));
        assertFalse(b.isDone());
        assertEquals(0, gate.merged());
        blocker.complete(accepted());
        assertEquals(1, fresh.invocations());
    }

    @Test
    void differentOrMissingKeysAreNotMerged() {
        RequestGate gate = gate(4, 10);
        FakeCall a = call();
        FakeCall b = call();
        FakeCall c = call();
        FakeCall d = call();
        gate.submit(keyed("unlock:SS1", null, a));
        gate.submit(keyed("unlock:SS2", null, b));
        gate.submit(plain("no key", c));
        gate.submit(plain("no key", d));
        assertEquals(List.of(1, 1, 1, 1), List.of(a.invocations(), b.invocations(), c.invocations(), d.invocations()));
        assertEquals(0, gate.merged());
    }

    @Test
    void mergeIntoWaitingEntryExtendsItsDeadlineToTheNewestCommand() {
        RequestGate gate = gate(1, 10);
        FakeCall blocker = running(gate, "blocker");
        FakeCall unlock = call();
        CompletableFuture<KasResult> a = gate.submit(keyed("unlock:SS1", T0.plusSeconds(10), unlock));
        clock.advance(Duration.ofSeconds(5));
        CompletableFuture<KasResult> b = gate.submit(keyed("unlock:SS1", T0.plusSeconds(15), call()));
        assertEquals(1, scheduler.liveTasks(), "old timer cancelled, new one scheduled");
        assertEquals(T0.plusSeconds(15), scheduler.nextDue());

        clock.advance(Duration.ofSeconds(7)); // T0 + 12: past the first deadline, within the second
        scheduler.runDue();
        assertFalse(a.isDone());
        blocker.complete(accepted());
        assertEquals(1, unlock.invocations());
        assertEquals(T0.plusSeconds(12), unlock.startTime(0));
        unlock.complete(accepted());
        assertSame(resultOf(a), resultOf(b));
    }

    @Test
    void staleTimerThatCouldNotBeCancelledDoesNotExpireTheEntry() {
        RequestGate gate = gate(1, 10);
        FakeCall blocker = running(gate, "blocker");
        FakeCall unlock = call();
        scheduler.ignoreCancel(); // the old timer is "already running" when the merge tries to cancel it
        CompletableFuture<KasResult> a = gate.submit(keyed("unlock:SS1", T0.plusSeconds(10), unlock));
        gate.submit(keyed("unlock:SS1", T0.plusSeconds(15), call()));
        assertEquals(2, scheduler.liveTasks());

        clock.advance(Duration.ofSeconds(10));
        scheduler.runDue();
        assertFalse(a.isDone(), "the timer of the old deadline must not expire the extended entry");
        assertEquals(1, gate.queued());

        clock.advance(Duration.ofSeconds(5));
        scheduler.runDue();
        assertEquals(KasOutcome.EXPIRED, outcomeOf(a));
        blocker.complete(accepted());
        assertEquals(0, unlock.invocations());
    }

    @Test
    void mergedEntryStillExpiresAtTheLatestDeadline() {
        RequestGate gate = gate(1, 10);
        FakeCall blocker = running(gate, "blocker");
        FakeCall unlock = call();
        CompletableFuture<KasResult> a = gate.submit(keyed("unlock:SS1", T0.plusSeconds(10), unlock));
        CompletableFuture<KasResult> b = gate.submit(keyed("unlock:SS1", T0.plusSeconds(3), call()));
        assertEquals(T0.plusSeconds(10), scheduler.nextDue(), "an earlier deadline does not shorten it");
        clock.advance(Duration.ofSeconds(10));
        scheduler.runDue();
        assertEquals(KasOutcome.EXPIRED, outcomeOf(a));
        assertEquals(KasOutcome.EXPIRED, outcomeOf(b));
        blocker.complete(accepted());
        assertEquals(0, unlock.invocations());
    }

    @Test
    void cancellingOneCallersFutureDoesNotAffectMergedCallers() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> a = gate.submit(keyed("k", null, call));
        CompletableFuture<KasResult> b = gate.submit(keyed("k", null, call()));
        a.cancel(true);
        a.complete(serverError());
        assertFalse(call.last().isCancelled());
        call.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(b));
        assertEquals(0, gate.inFlight());
    }

    // ---- rule 4: retry --------------------------------------------------------------------------------------

    static List<KasResult> answersOfTheRetry() {
        return List.of(gatewayTimeout(), accepted());
    }

    @ParameterizedTest
    @MethodSource("answersOfTheRetry")
    void unlockIsRetriedOnceOnGatewayTimeoutAndTheRetrysResultIsTheResult(KasResult answerOfTheRetry) {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = unlock(gate, call);
        call.complete(gatewayTimeout());
        assertEquals(2, call.invocations());
        assertFalse(future.isDone());
        call.complete(answerOfTheRetry);
        assertEquals(2, call.invocations(), "never a second retry");
        assertSame(answerOfTheRetry, resultOf(future));
        assertEquals(answerOfTheRetry.outcome(), outcomeOf(future));
        assertEquals(2, gate.started());
        assertEquals(1, gate.retried());
    }

    @Test
    void unlockIsNotRetriedOnOtherOutcomes() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = unlock(gate, call);
        call.complete(serverError());
        assertEquals(1, call.invocations());
        assertEquals(KasOutcome.SERVER_ERROR, outcomeOf(future));
        assertEquals(0, gate.retried());
    }

    @Test
    void pinIsRetriedOnceOnServerError() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = gate.submit(Submission.pin("SS1", call));
        call.complete(serverError());
        assertEquals(2, call.invocations());
        KasResult code = KasResult.pinCode("01234567", 200);
        call.complete(code);
        assertSame(code, resultOf(future));
    }

    @Test
    void noRetryOnceTheDeadlinePassed() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = unlock(gate, call);
        clock.advance(Duration.ofSeconds(11));
        KasResult timeout = gatewayTimeout();
        call.complete(timeout);
        assertEquals(1, call.invocations());
        assertSame(timeout, resultOf(future), "the first result stands");
        assertEquals(0, gate.expired());
    }

    @Test
    void retryReusesThePermitBeforeQueuedWork() {
        RequestGate gate = gate(1, 10);
        FakeCall unlock = call();
        FakeCall queued = call();
        unlock(gate, unlock);
        gate.submit(plain("queued", queued));
        unlock.complete(gatewayTimeout());
        assertEquals(2, unlock.invocations());
        assertEquals(0, queued.invocations());
        assertEquals(1, gate.inFlight());
        assertEquals(1, gate.queued());
        unlock.complete(accepted());
        assertEquals(1, queued.invocations());
    }

    @Test
    void throwingRetryPredicateMeansNoRetry() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = gate.submit(new Submission("x", null, null, call, r -> {
            throw new IllegalStateException("boom");
        }));
        call.complete(gatewayTimeout());
        assertEquals(1, call.invocations());
        assertEquals(KasOutcome.GATEWAY_TIMEOUT, outcomeOf(future));
    }

    // ---- rule 5: one outcome, failures, close ---------------------------------------------------------------

    @Test
    void throwingSupplierGivesCommunicationErrorAndFreesThePermit() {
        RequestGate gate = gate(1, 10);
        CompletableFuture<KasResult> future = gate.submit(Submission.of("Unlock of SS1", () -> {
            throw new IllegalStateException("https://cloud/remoteUnlock/SS1/secret-api-key");
        }));
        assertCommunicationErrorNaming("IllegalStateException", future);
        assertEquals(0, gate.inFlight());
        FakeCall next = running(gate, "next");
        assertEquals(1, next.invocations());
    }

    @Test
    void failedCallFutureGivesCommunicationError() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = gate.submit(plain("x", call));
        call.last().completeExceptionally(new IOException("connection reset: secret-api-key"));
        assertCommunicationErrorNaming("IOException", future);
    }

    @Test
    void failedCallIsRetriedWhenThePredicateAcceptsCommunicationErrors() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = gate
                .submit(new Submission("x", null, null, call, r -> r.outcome() == KasOutcome.COMMUNICATION_ERROR));
        call.last().completeExceptionally(new IOException());
        assertEquals(2, call.invocations());
        call.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(future));
    }

    @Test
    void supplierReturningNullGivesCommunicationError() {
        RequestGate gate = gate(1, 10);
        @SuppressWarnings("unchecked")
        Supplier<CompletableFuture<KasResult>> nullSupplier = mock(Supplier.class); // get() answers null
        CompletableFuture<KasResult> future = gate.submit(Submission.of("x", nullSupplier));
        assertEquals(KasOutcome.COMMUNICATION_ERROR, outcomeOf(future));
        assertEquals(0, gate.inFlight());
    }

    @Test
    void callFutureCancelledElsewhereGivesCancelled() {
        RequestGate gate = gate(1, 10);
        FakeCall call = call();
        CompletableFuture<KasResult> future = gate.submit(plain("x", call));
        call.last().cancel(true);
        assertEquals(KasOutcome.CANCELLED, outcomeOf(future));
        assertEquals(1, gate.cancelled());
    }

    @Test
    void synchronouslyCompletingCallsRunWithoutRecursion() {
        RequestGate gate = gate(1, 1000);
        FakeCall blocker = running(gate, "blocker");
        AtomicInteger invoked = new AtomicInteger();
        List<CompletableFuture<KasResult>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(gate.submit(new Submission("sync " + i, null, null, () -> {
                invoked.incrementAndGet();
                return CompletableFuture.completedFuture(gatewayTimeout());
            }, Submission.RETRY_UNLOCK)));
        }
        blocker.complete(accepted());
        assertEquals(2000, invoked.get(), "each one retried once");
        futures.forEach(f -> assertEquals(KasOutcome.GATEWAY_TIMEOUT, outcomeOf(f)));
        assertEquals(0, gate.inFlight());
        assertEquals(1, gate.peakInFlight());
    }

    @Test
    void callbackMaySubmitAgainFromACompletion() {
        RequestGate gate = gate(1, 10);
        FakeCall first = call();
        FakeCall second = call();
        List<CompletableFuture<KasResult>> followUps = new ArrayList<>();
        gate.submit(plain("first", first)).thenAccept(r -> followUps.add(gate.submit(plain("second", second))));
        first.complete(accepted());
        assertEquals(1, followUps.size());
        assertEquals(1, second.invocations());
        second.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(followUps.get(0)));
    }

    @Test
    void closeCancelsQueuedAndInFlightSubmissions() {
        RequestGate gate = gate(2, 10);
        FakeCall running1 = call();
        FakeCall running2 = call();
        FakeCall waiting = call();
        CompletableFuture<KasResult> f1 = gate.submit(plain("Unlock of SS1", running1));
        CompletableFuture<KasResult> f2 = gate.submit(keyed("unlock:SS2", T0.plusSeconds(10), running2));
        CompletableFuture<KasResult> f3 = gate.submit(keyed("unlock:SS3", T0.plusSeconds(10), waiting));
        CompletableFuture<KasResult> f4 = gate.submit(keyed("unlock:SS3", T0.plusSeconds(10), call()));
        assertEquals(1, scheduler.liveTasks());

        gate.close();

        assertTrue(running1.last().isCancelled(), "cancel(true) on the in-flight call");
        assertTrue(running2.last().isCancelled());
        for (CompletableFuture<KasResult> f : List.of(f1, f2, f3, f4)) {
            assertEquals(KasOutcome.CANCELLED, outcomeOf(f));
        }
        assertTrue(resultOf(f1).message().contains("may have received it"), resultOf(f1).message());
        assertTrue(resultOf(f3).message().contains("not sent"), resultOf(f3).message());
        assertEquals(0, waiting.invocations());
        assertEquals(0, gate.inFlight());
        assertEquals(0, gate.queued());
        assertEquals(0, scheduler.liveTasks(), "no timer left");
        assertEquals(3, gate.cancelled());
        assertTrue(gate.isClosed());

        clock.advance(Duration.ofSeconds(30));
        scheduler.runDue();
        assertEquals(0, waiting.invocations());
    }

    @Test
    void closeWhileTheCallIsBeingInvokedCancelsItsFuture() {
        RequestGate gate = gate(1, 10);
        List<CompletableFuture<KasResult>> calls = new ArrayList<>();
        CompletableFuture<KasResult> future = gate.submit(Submission.of("x", () -> {
            gate.close(); // as if another thread closed the gate while this call was being sent
            CompletableFuture<KasResult> call = new CompletableFuture<>();
            calls.add(call);
            return call;
        }));
        assertEquals(KasOutcome.CANCELLED, outcomeOf(future));
        assertTrue(resultOf(future).message().contains("may have received it"), resultOf(future).message());
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).isCancelled(), "the call returned after close() is cancelled too");
        assertEquals(0, gate.inFlight());
    }

    @Test
    void lateCallCompletionAfterCloseIsIgnored() {
        RequestGate gate = gate(1, 10);
        CompletableFuture<KasResult> cannotCancel = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return false; // a client future that ignores cancellation
            }
        };
        CompletableFuture<KasResult> future = gate.submit(Submission.of("x", () -> cannotCancel));
        gate.close();
        cannotCancel.complete(accepted());
        assertEquals(KasOutcome.CANCELLED, outcomeOf(future));
        assertEquals(0, gate.inFlight());
    }

    @Test
    void submitAfterCloseIsCancelledAtOnceAndCloseIsIdempotent() {
        RequestGate gate = gate(1, 10);
        gate.close();
        gate.close();
        FakeCall call = call();
        CompletableFuture<KasResult> future = gate.submit(plain("late", call));
        assertEquals(KasOutcome.CANCELLED, outcomeOf(future));
        assertEquals(0, call.invocations());
        assertEquals(0, scheduler.scheduledTasks());
        assertEquals(1, gate.cancelled());
    }

    @Test
    void closeFromACompletionCallbackCancelsTheRest() {
        RequestGate gate = gate(1, 10);
        FakeCall first = call();
        FakeCall second = call();
        gate.submit(plain("first", first)).thenAccept(r -> gate.close());
        CompletableFuture<KasResult> waiting = gate.submit(plain("second", second));
        first.complete(accepted());
        assertEquals(KasOutcome.CANCELLED, outcomeOf(waiting));
        assertTrue(second.invocations() == 0 || second.last().isCancelled());
        assertEquals(0, gate.inFlight());
    }

    // ---- rule 7: observability ------------------------------------------------------------------------------

    @Test
    void statsAreConsistent() {
        RequestGate gate = gate(1, 1);
        FakeCall first = call();
        gate.submit(keyed("k", null, first));
        gate.submit(keyed("k", null, call()));
        gate.submit(withDeadline("w", T0.plusSeconds(1), call()));
        gate.submit(plain("rejected", call()));
        GateStats stats = gate.stats();
        assertEquals(new GateStats(1, 1, 1, 1, 0, 1, 0, 1, 0, false), stats);
        clock.advance(Duration.ofSeconds(2));
        scheduler.runDue();
        first.complete(accepted());
        assertEquals(new GateStats(0, 0, 1, 1, 0, 1, 1, 1, 0, false), gate.stats());
        assertEquals(2, gate.completed());
        assertTrue(gate.toString().contains("maxConcurrent=1"), gate.toString());
    }
}
