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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.FakeCall;

/**
 * {@link RequestGate#withdraw(String)} (a lock thing removed while its unlock waits in the queue: the unlock is never
 * sent) and {@link RequestGate#extendDeadline(String, Instant)} (a repeated command merged by the lock handler moves
 * the deadline of the waiting unlock, without ever starting a call).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class RequestGateWithdrawTest extends ManualGateTestBase {

    private static final String FRONT = "SS000510";
    private static final String BACK = "UL000777";
    private static final String SIDE = "SS000999";
    private static final Duration MAX_AGE = Duration.ofSeconds(10);

    /** The calls of the unlocks of {@link #FRONT} and {@link #BACK}. */
    private final FakeCall front = call();
    private final FakeCall back = call();

    private Submission unlock(String lock, FakeCall call) {
        return Submission.unlock(lock, clock.instant().plus(MAX_AGE), call);
    }

    /** A gate of one permit that the unlock of {@link #FRONT} holds: an unlock submitted next waits. */
    private RequestGate frontInFlight() {
        RequestGate gate = gate(1, 10);
        gate.submit(unlock(FRONT, front));
        return gate;
    }

    // ---- withdraw -------------------------------------------------------------------------------------------------

    @Test
    void aWaitingUnlockIsWithdrawnCancelledAndNeverSent() {
        RequestGate gate = gate(1, 10);
        CompletableFuture<KasResult> first = gate.submit(unlock(FRONT, front));
        CompletableFuture<KasResult> waiting = gate.submit(unlock(BACK, back));
        CompletableFuture<KasResult> merged = gate.submit(unlock(BACK, back));
        assertEquals(1, gate.queued());
        assertEquals(1, scheduler.liveTasks(), "the waiting unlock has an expiry timer");

        assertTrue(gate.withdraw(Submission.unlockKey(BACK)));

        // the waiting unlock and the command merged into it end at once, as not sent
        for (CompletableFuture<KasResult> future : List.of(waiting, merged)) {
            KasResult result = resultOf(future);
            assertEquals(KasOutcome.CANCELLED, result.outcome());
            assertEquals("Unlock of " + BACK + " not sent: the lock thing was removed", result.message());
        }
        assertEquals(0, gate.queued());
        assertEquals(0, scheduler.liveTasks(), "the expiry timer of the withdrawn unlock is cancelled");
        assertEquals(1, gate.cancelled());
        assertEquals(0, gate.expired());

        // the permit frees up: nothing of the withdrawn unlock is started, ever
        front.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, resultOf(first).outcome());
        clock.advance(MAX_AGE.multipliedBy(2));
        scheduler.runDue();
        assertEquals(0, back.invocations());
        assertEquals(0, gate.inFlight());
        assertEquals(2, gate.completed());
    }

    @Test
    void aCallInFlightIsNotWithdrawn() {
        RequestGate gate = gate(1, 10);
        CompletableFuture<KasResult> inFlight = gate.submit(unlock(FRONT, front));
        assertEquals(1, front.invocations());

        assertFalse(gate.withdraw(Submission.unlockKey(FRONT)));

        assertFalse(inFlight.isDone(), "KAS may have the call: its own result must come");
        front.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, resultOf(inFlight).outcome());
        assertEquals(0, gate.cancelled());
    }

    @Test
    void aRetryAfterA504IsInFlightAndNotWithdrawn() {
        RequestGate gate = gate(1, 10);
        CompletableFuture<KasResult> result = gate.submit(unlock(FRONT, front));
        front.complete(gatewayTimeout());
        assertEquals(2, front.invocations(), "the one immediate retry after a 504");

        assertFalse(gate.withdraw(Submission.unlockKey(FRONT)));

        front.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, resultOf(result).outcome());
    }

    @Test
    void unknownKeysAndAClosedGateWithdrawNothing() {
        RequestGate gate = frontInFlight();
        CompletableFuture<KasResult> waiting = gate.submit(unlock(BACK, back));

        assertFalse(gate.withdraw(Submission.unlockKey(SIDE)));
        assertFalse(gate.withdraw("pin:" + BACK));
        assertFalse(waiting.isDone());

        gate.close();
        assertFalse(gate.withdraw(Submission.unlockKey(BACK)));
        // close() has its own outcome for the waiting unlock
        assertEquals(KasOutcome.CANCELLED, resultOf(waiting).outcome());
        assertTrue(resultOf(waiting).message().contains("disposed or reconfigured"), resultOf(waiting).message());
        assertEquals(0, back.invocations());
    }

    @Test
    void withdrawingTwiceWithdrawsOnce() {
        RequestGate gate = frontInFlight();
        CompletableFuture<KasResult> waiting = gate.submit(unlock(BACK, back));

        assertTrue(gate.withdraw(Submission.unlockKey(BACK)));
        assertFalse(gate.withdraw(Submission.unlockKey(BACK)));

        assertEquals(KasOutcome.CANCELLED, resultOf(waiting).outcome());
        assertEquals(1, gate.cancelled());
    }

    @Test
    void theKeyIsFreeAgainAndTheQueueKeepsItsOrder() {
        RequestGate gate = gate(1, 10);
        FakeCall side = call();
        gate.submit(unlock(FRONT, front));
        CompletableFuture<KasResult> withdrawn = gate.submit(unlock(BACK, back));
        CompletableFuture<KasResult> sideResult = gate.submit(unlock(SIDE, side));
        assertTrue(gate.withdraw(Submission.unlockKey(BACK)));

        // a new unlock of the same lock is a new submission, not merged into the withdrawn one
        FakeCall backAgain = call();
        CompletableFuture<KasResult> again = gate.submit(unlock(BACK, backAgain));
        assertFalse(again.isDone());
        assertEquals(2, gate.queued());
        assertEquals(0, gate.merged());

        front.complete(accepted());
        assertEquals(1, side.invocations(), "the next waiting one starts, in order");
        assertEquals(0, backAgain.invocations());
        side.complete(accepted());
        assertEquals(1, backAgain.invocations());
        backAgain.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, resultOf(again).outcome());
        assertEquals(KasOutcome.ACCEPTED, resultOf(sideResult).outcome());
        assertEquals(KasOutcome.CANCELLED, resultOf(withdrawn).outcome());
        assertEquals(0, back.invocations());
    }

    @Test
    void theTimerOfAWithdrawnUnlockDoesNothingEvenIfItCouldNotBeCancelled() {
        RequestGate gate = frontInFlight();
        CompletableFuture<KasResult> waiting = gate.submit(unlock(BACK, back));
        scheduler.ignoreCancel(); // as for a timer that has begun to run on another thread

        assertTrue(gate.withdraw(Submission.unlockKey(BACK)));
        clock.advance(MAX_AGE.plusSeconds(1));
        assertEquals(1, scheduler.runDue());

        assertEquals(KasOutcome.CANCELLED, resultOf(waiting).outcome());
        assertEquals(0, gate.expired());
        assertEquals(1, gate.cancelled());
        assertEquals(0, back.invocations());
    }

    @Test
    void futuresAreCompletedOutsideTheGatesLock() throws Exception {
        RequestGate gate = frontInFlight();
        CompletableFuture<KasResult> waiting = gate.submit(unlock(BACK, back));
        AtomicInteger seen = new AtomicInteger(-1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // a dependent stage that asks the gate from another thread would dead-lock if the lock were held
            waiting.thenRun(() -> {
                try {
                    seen.set(other.submit(gate::queued).get(5, TimeUnit.SECONDS));
                } catch (Exception e) {
                    seen.set(-2);
                }
            });
            assertTrue(gate.withdraw(Submission.unlockKey(BACK)));
        } finally {
            other.shutdownNow();
        }
        assertEquals(0, seen.get());
    }

    /**
     * Submissions, completions on other threads and withdrawals race: every submission ends exactly once, and a
     * withdrawn one was never started.
     */
    @Test
    void withdrawRacesWithCompletionsWithoutEverSendingAWithdrawnUnlock() throws Exception {
        long seed = 20260118L;
        Random random = new Random(seed);
        ScheduledThreadPoolExecutor realScheduler = new ScheduledThreadPoolExecutor(2);
        ExecutorService completer = Executors.newFixedThreadPool(3);
        ExecutorService withdrawer = Executors.newFixedThreadPool(2);
        try {
            RequestGate gate = new RequestGate(2, 1000, realScheduler, Clock.systemUTC());
            gates.add(gate);
            int locks = 40;
            int rounds = 25;
            AtomicInteger startedCalls = new AtomicInteger();
            List<CompletableFuture<KasResult>> results = new ArrayList<>();
            List<String> lockOf = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                CountDownLatch submitted = new CountDownLatch(locks);
                for (int i = 0; i < locks; i++) {
                    String lock = String.format("SS%06d", i);
                    int delay = random.nextInt(3);
                    Submission submission = Submission.unlock(lock, Instant.now().plusSeconds(60), () -> {
                        startedCalls.incrementAndGet();
                        CompletableFuture<KasResult> call = new CompletableFuture<>();
                        completer.execute(() -> {
                            try {
                                Thread.sleep(delay);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            call.complete(accepted());
                        });
                        return call;
                    });
                    results.add(gate.submit(submission));
                    lockOf.add(lock);
                    submitted.countDown();
                    if (random.nextInt(3) == 0) {
                        withdrawer.execute(() -> gate.withdraw(Submission.unlockKey(lock)));
                    }
                }
                submitted.await();
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            int withdrawn = 0;
            for (int i = 0; i < results.size(); i++) {
                KasResult result = resultOf(results.get(i));
                if (result.outcome() == KasOutcome.CANCELLED) {
                    withdrawn++;
                    assertTrue(result.message().endsWith("not sent: the lock thing was removed"), result.message());
                } else {
                    assertEquals(KasOutcome.ACCEPTED, result.outcome(), "seed " + seed);
                }
            }
            assertTrue(withdrawn > 0, "the race must withdraw something (seed " + seed + ")");
            // every entry either started once or was withdrawn, never both: started + withdrawn entries = entries
            assertEquals(gate.completed(), startedCalls.get() + gate.cancelled(), "seed " + seed + ": " + gate.stats());
            assertEquals(0, gate.inFlight());
            assertEquals(0, gate.queued());
            assertTrue(gate.peakInFlight() <= 2);
            assertEquals(results.size(), lockOf.size());
        } finally {
            completer.shutdownNow();
            withdrawer.shutdownNow();
            realScheduler.shutdownNow();
        }
    }

    // ---- extendDeadline ---------------------------------------------------------------------------------------------

    @Test
    void aRepeatedCommandMovesTheDeadlineOfAWaitingUnlock() {
        RequestGate gate = frontInFlight();
        CompletableFuture<KasResult> waiting = gate.submit(unlock(BACK, back)); // deadline T0 + 10 s

        clock.advance(Duration.ofSeconds(6));
        assertTrue(gate.extendDeadline(Submission.unlockKey(BACK), clock.instant().plus(MAX_AGE))); // T0 + 16 s
        assertEquals(1, gate.merged());
        assertEquals(1, gate.queued(), "nothing is started by extending");

        clock.advance(Duration.ofSeconds(5)); // T0 + 11 s: the first deadline has passed
        scheduler.runDue();
        assertFalse(waiting.isDone(), "the old deadline no longer counts");
        front.complete(accepted());
        assertEquals(1, back.invocations(), "sent within the maximum age of the newest command");
        assertEquals(T0.plusSeconds(11), back.startTime(0));
        back.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, resultOf(waiting).outcome());
    }

    @Test
    void theExtendedDeadlineStillExpiresTheUnlock() {
        RequestGate gate = frontInFlight();
        CompletableFuture<KasResult> waiting = gate.submit(unlock(BACK, back));
        clock.advance(Duration.ofSeconds(3));
        assertTrue(gate.extendDeadline(Submission.unlockKey(BACK), clock.instant().plus(MAX_AGE))); // T0 + 13 s

        clock.advance(Duration.ofSeconds(10).minusMillis(1)); // just before T0 + 13 s
        scheduler.runDue();
        assertFalse(waiting.isDone());
        clock.advanceMillis(1); // the timer ends it at the new deadline
        scheduler.runDue();

        assertEquals(KasOutcome.EXPIRED, resultOf(waiting).outcome());
        assertEquals(0, back.invocations());
        assertEquals(0, scheduler.liveTasks(), "the replaced timer was cancelled");
    }

    @Test
    void anEarlierDeadlineDoesNotShortenTheWait() {
        RequestGate gate = frontInFlight();
        CompletableFuture<KasResult> waiting = gate.submit(unlock(BACK, back));

        assertTrue(gate.extendDeadline(Submission.unlockKey(BACK), T0.plusSeconds(1)));
        clock.advance(Duration.ofSeconds(5));
        scheduler.runDue();

        assertFalse(waiting.isDone());
    }

    @Test
    void extendingWithoutAPendingUnlockSendsNothing() {
        RequestGate gate = gate(1, 10);
        CompletableFuture<KasResult> done = gate.submit(unlock(FRONT, front));
        front.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, resultOf(done).outcome());

        assertFalse(gate.extendDeadline(Submission.unlockKey(FRONT), clock.instant().plus(MAX_AGE)));
        assertFalse(gate.extendDeadline(Submission.unlockKey(SIDE), clock.instant().plus(MAX_AGE)));

        assertEquals(1, front.invocations());
        assertEquals(0, gate.inFlight());
        assertEquals(0, gate.queued());
        assertEquals(0, gate.merged());
        gate.close();
        assertFalse(gate.extendDeadline(Submission.unlockKey(FRONT), clock.instant().plus(MAX_AGE)));
    }

    @Test
    void extendingAnUnlockInFlightWidensTheWindowOfItsOneRetry() {
        RequestGate gate = gate(1, 10);
        CompletableFuture<KasResult> result = gate.submit(unlock(FRONT, front)); // deadline T0 + 10 s
        clock.advance(Duration.ofSeconds(8));
        assertTrue(gate.extendDeadline(Submission.unlockKey(FRONT), clock.instant().plus(MAX_AGE))); // T0 + 18 s

        clock.advance(Duration.ofSeconds(4)); // T0 + 12 s: past the first deadline, within the second
        front.complete(gatewayTimeout());

        assertEquals(2, front.invocations(), "the retry still serves the newest command");
        front.complete(accepted());
        assertEquals(KasOutcome.ACCEPTED, resultOf(result).outcome());
    }
}
