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
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.T0;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.gate.ExpiryTimers.TimerChange;

/**
 * Tests of {@link ExpiryTimers} on its own, with a {@link GateLedger} and the manual clock and scheduler: when a
 * deadline has passed, that a waiting entry's timer fires exactly at its deadline and not before, how merged deadlines
 * replace or drop the timer, and that cancelled, outdated and refused timers do nothing.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class ExpiryTimersTest extends ManualGateTestBase {

    private static final String KEY = "unlock:SS000510";
    private static final Instant DEADLINE = T0.plusSeconds(10);
    private static final Instant LATER = T0.plusSeconds(25);
    private static final Duration NANO = Duration.ofNanos(1);

    private final GateLedger ledger = new GateLedger(1, 10);
    private final ExpiryTimers timers = new ExpiryTimers(ledger, scheduler, clock);

    private static GateEntry newEntry(@Nullable Instant notAfter) {
        return RequestGateFixtures.entry("Unlock of SS000510", KEY, notAfter);
    }

    /**
     * Queues the entry as {@link RequestGate#submit(Submission)} does, then runs what else happens under the same lock.
     *
     * @return the timer change to apply
     */
    private TimerChange enqueue(GateEntry entry, Runnable alsoUnderTheLock) {
        synchronized (ledger.lock) {
            ledger.enqueue(entry);
            TimerChange change = ExpiryTimers.forNewlyQueued(entry);
            alsoUnderTheLock.run();
            return change;
        }
    }

    /** Queues a new entry and starts its timer. */
    private GateEntry queued(@Nullable Instant notAfter) {
        GateEntry entry = newEntry(notAfter);
        timers.apply(enqueue(entry, () -> {
        }));
        return entry;
    }

    /** Merges a deadline into the entry and applies the timer change, as the gate does. */
    private TimerChange merge(GateEntry entry, @Nullable Instant notAfter) {
        TimerChange change;
        synchronized (ledger.lock) {
            change = timers.mergeLocked(entry, notAfter);
        }
        timers.apply(change);
        return change;
    }

    /** Moves the clock to the instant, running the timers due on the way. */
    private void advanceTo(Instant instant) {
        scheduler.advance(Duration.between(clock.instant(), instant));
    }

    private void assertStillWaiting(GateEntry entry) {
        assertFalse(entry.result.isDone(), "expired too early");
        assertEquals(GateEntry.State.QUEUED, entry.state);
        assertSame(entry, ledger.pending(KEY));
        assertEquals(0, ledger.expiredCount);
    }

    static Stream<Arguments> deadlines() {
        return Stream.of( //
                argumentSet("no deadline never passes", null, Instant.MAX, false), //
                argumentSet("before the deadline", T0, T0.minusNanos(1), false), //
                argumentSet("at the deadline", T0, T0, false), //
                argumentSet("one nanosecond after the deadline", T0, T0.plusNanos(1), true), //
                argumentSet("long after the deadline", T0, Instant.MAX, true));
    }

    @ParameterizedTest
    @MethodSource("deadlines")
    void isPastOnlyAfterTheDeadline(@Nullable Instant notAfter, Instant now, boolean past) {
        assertEquals(past, ExpiryTimers.isPast(notAfter, now));
    }

    @Test
    void timerExpiresTheWaitingEntryExactlyAtItsDeadline() {
        GateEntry entry = queued(DEADLINE);
        assertNotNull(entry.timer);
        assertEquals(DEADLINE, scheduler.nextDue());

        assertEquals(0, scheduler.advance(Duration.between(T0, DEADLINE).minus(NANO)));
        assertStillWaiting(entry);

        assertEquals(1, scheduler.advance(NANO));
        KasResult result = resultOf(entry.result);
        assertEquals(KasOutcome.EXPIRED, result.outcome());
        assertEquals("Unlock of SS000510 not sent: older than its maximum age (deadline 2026-01-01T00:00:10Z passed)",
                result.message());
        assertEquals(GateEntry.State.DONE, entry.state);
        assertNull(entry.timer);
        assertNull(ledger.pending(KEY));
        assertEquals(0, ledger.waiting());
        assertEquals(1, ledger.expiredCount);
        assertEquals(1, ledger.completedCount);
    }

    @Test
    void entryWithoutDeadlineGetsNoTimer() {
        GateEntry entry = queued(null);
        assertSame(TimerChange.NONE, ExpiryTimers.forNewlyQueued(entry));
        assertEquals(0, scheduler.scheduledTasks());
        assertNull(entry.timer);
    }

    @Test
    void deadlineAlreadyPassedWhenScheduledFiresAtOnce() {
        GateEntry entry = queued(T0.minusSeconds(1));
        assertEquals(T0, scheduler.nextDue());
        assertEquals(1, scheduler.runDue());
        assertEquals(KasOutcome.EXPIRED, outcomeOf(entry.result));
    }

    @Test
    void farDeadlineIsScheduledWithoutOverflow() {
        GateEntry entry = queued(Instant.MAX);
        assertNotNull(entry.timer);
        assertEquals(T0.plus(Duration.ofNanos(Long.MAX_VALUE)), scheduler.nextDue());
        advanceTo(T0.plus(Duration.ofDays(36_500)));
        assertStillWaiting(entry);
    }

    @Test
    void laterDeadlineCancelsTheTimerAndSchedulesOneAtTheNewDeadline() {
        GateEntry entry = queued(DEADLINE);
        ScheduledFuture<?> first = entry.timer;
        TimerChange change = merge(entry, LATER);

        assertSame(first, change.obsolete());
        assertSame(entry, change.toSchedule());
        assertNotNull(first);
        assertTrue(first.isCancelled());
        assertEquals(LATER, entry.notAfter);
        assertEquals(LATER, scheduler.nextDue());
        assertEquals(1, ledger.mergedCount);

        advanceTo(LATER.minus(NANO));
        assertStillWaiting(entry);
        advanceTo(LATER);
        KasResult result = resultOf(entry.result);
        assertEquals(KasOutcome.EXPIRED, result.outcome());
        assertTrue(result.message().contains("deadline 2026-01-01T00:00:25Z passed"), result.message());
    }

    @Test
    void mergingNoDeadlineDropsTheTimer() {
        GateEntry entry = queued(DEADLINE);
        ScheduledFuture<?> first = entry.timer;
        merge(entry, null);

        assertNull(entry.notAfter);
        assertNull(entry.timer);
        assertNotNull(first);
        assertTrue(first.isCancelled());
        assertEquals(0, scheduler.liveTasks());
        advanceTo(LATER);
        assertStillWaiting(entry);
    }

    static Stream<Arguments> notLaterDeadlines() {
        return Stream.of(argumentSet("the same deadline", DEADLINE), argumentSet("an earlier deadline", T0));
    }

    @ParameterizedTest
    @MethodSource("notLaterDeadlines")
    void mergingANotLaterDeadlineKeepsTheTimer(Instant notAfter) {
        GateEntry entry = queued(DEADLINE);
        ScheduledFuture<?> first = entry.timer;
        assertSame(TimerChange.NONE, merge(entry, notAfter));

        assertEquals(DEADLINE, entry.notAfter);
        assertSame(first, entry.timer);
        assertEquals(1, scheduler.liveTasks());
        assertEquals(1, ledger.mergedCount, "the merge is counted even though nothing changed");
    }

    @Test
    void mergingADeadlineIntoAnEntryWithoutOneKeepsItWithout() {
        GateEntry entry = queued(null);
        assertSame(TimerChange.NONE, merge(entry, DEADLINE));
        assertNull(entry.notAfter);
        assertEquals(0, scheduler.scheduledTasks());
    }

    @Test
    void mergingIntoAnEntryHoldingAPermitExtendsItsDeadlineWithoutATimer() {
        GateEntry entry = newEntry(DEADLINE);
        synchronized (ledger.lock) {
            ledger.holdPermit(entry);
        }
        assertSame(TimerChange.NONE, merge(entry, LATER));
        assertEquals(LATER, entry.notAfter, "the retry may still start until the later deadline");
        assertEquals(0, scheduler.scheduledTasks());
    }

    @Test
    void outdatedTimerThatCouldNotBeCancelledDoesNothing() {
        scheduler.ignoreCancel(); // as for a timer already running on another thread
        GateEntry entry = queued(DEADLINE);
        merge(entry, LATER);

        assertEquals(1, scheduler.advance(Duration.between(T0, DEADLINE)), "the outdated timer ran");
        assertStillWaiting(entry);
        assertNotNull(entry.timer);
        advanceTo(LATER);
        assertEquals(KasOutcome.EXPIRED, outcomeOf(entry.result));
    }

    @Test
    void timerOfAnEntryThatLeftTheQueueDoesNothing() {
        scheduler.ignoreCancel();
        GateEntry entry = queued(DEADLINE);
        synchronized (ledger.lock) {
            ledger.promote(ledger.dequeue());
            entry.dropTimer();
        }
        advanceTo(LATER);
        assertFalse(entry.result.isDone());
        assertEquals(GateEntry.State.STARTING, entry.state);
        assertEquals(0, ledger.expiredCount);
    }

    @Test
    void noTimerIsScheduledForAnEntryThatLeftTheQueueBeforeTheChangeWasApplied() {
        GateEntry entry = newEntry(DEADLINE);
        timers.apply(enqueue(entry, () -> ledger.promote(ledger.dequeue())));
        assertEquals(0, scheduler.scheduledTasks());
        assertNull(entry.timer);
    }

    @Test
    void timerScheduledWhileTheLedgerClosesIsCancelledAtOnce() {
        GateEntry entry = newEntry(DEADLINE);
        timers.apply(enqueue(entry, () -> ledger.closed = true));
        assertEquals(1, scheduler.scheduledTasks());
        assertEquals(0, scheduler.liveTasks());
        assertNull(entry.timer);
    }

    @Test
    void schedulerRefusingTheTimerLeavesTheEntryWaiting() {
        scheduler.shutdown();
        GateEntry entry = assertDoesNotThrow(() -> queued(DEADLINE));
        assertNull(entry.timer);
        assertEquals(1, ledger.waiting());
        advanceTo(LATER);
        assertStillWaiting(entry);
    }
}
