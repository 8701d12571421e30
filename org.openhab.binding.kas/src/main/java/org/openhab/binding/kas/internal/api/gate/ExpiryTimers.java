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
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * The maximum age of waiting submissions: a timer per waiting entry with a deadline completes it with
 * {@code EXPIRED} at the deadline and takes it out of the queue, so that the user learns at once. Merging
 * a later deadline into an entry replaces its timer. Timers carry the entry's timer generation: an outdated timer does
 * nothing.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class ExpiryTimers {

    private static final long MAX_DELAY_SECONDS = Long.MAX_VALUE / 1_000_000_000L - 1;

    private final GateLedger ledger;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    ExpiryTimers(GateLedger ledger, ScheduledExecutorService scheduler, Clock clock) {
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * @return whether the deadline has passed ({@code null} never passes)
     */
    static boolean isPast(@Nullable Instant notAfter, Instant now) {
        return notAfter != null && now.isAfter(notAfter);
    }

    /**
     * Merges a deadline into a pending entry: the later one wins ({@code null}, no deadline, counts as the latest); a
     * waiting entry's timer must then be replaced. Called with the lock held.
     *
     * @return the timer change to {@link #apply(TimerChange)} once the lock is released
     */
    TimerChange mergeLocked(GateEntry existing, @Nullable Instant notAfter) {
        ledger.mergedCount++;
        Instant extended = later(existing.notAfter, notAfter);
        if (Objects.equals(extended, existing.notAfter)) {
            return TimerChange.NONE;
        }
        existing.notAfter = extended;
        if (existing.state != GateEntry.State.QUEUED) {
            return TimerChange.NONE;
        }
        ScheduledFuture<?> obsolete = existing.dropTimer();
        return new TimerChange(obsolete, extended == null ? null : existing, existing.timerGeneration);
    }

    /**
     * @return the timer change that starts the timer of a newly queued entry (none without a deadline); called with
     *         the lock held
     */
    static TimerChange forNewlyQueued(GateEntry entry) {
        return entry.notAfter == null ? TimerChange.NONE : new TimerChange(null, entry, entry.timerGeneration);
    }

    /**
     * Carries out a timer change: cancels the obsolete timer, starts the new one. Called without the lock.
     */
    void apply(TimerChange change) {
        ScheduledFuture<?> obsolete = change.obsolete();
        if (obsolete != null) {
            obsolete.cancel(false);
        }
        GateEntry entry = change.toSchedule();
        if (entry != null) {
            schedule(entry, change.generation());
        }
    }

    private void schedule(GateEntry entry, int generation) {
        Instant deadline;
        synchronized (ledger.lock) {
            Instant notAfter = entry.notAfter;
            if (notAfter == null || entry.state != GateEntry.State.QUEUED || entry.timerGeneration != generation) {
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
        synchronized (ledger.lock) {
            keep = !ledger.closed && entry.state == GateEntry.State.QUEUED && entry.timerGeneration == generation;
            if (keep) {
                entry.timer = timer;
            }
        }
        if (!keep) {
            timer.cancel(false);
        }
    }

    /** The expiry timer of a waiting entry: the timer is authoritative, the user learns at the deadline. */
    private void onDeadline(GateEntry entry, int generation) {
        KasResult expired;
        synchronized (ledger.lock) {
            if (entry.state != GateEntry.State.QUEUED || entry.timerGeneration != generation) {
                return;
            }
            ledger.removeWaiting(entry);
            entry.timer = null;
            entry.state = GateEntry.State.DONE;
            ledger.expiredCount++;
            ledger.completedCount++;
            expired = GateResults.expired(entry.description, entry.notAfter);
        }
        entry.result.complete(expired);
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        if (a == null || b == null) {
            return null;
        }
        return a.isAfter(b) ? a : b;
    }

    /**
     * What to do with the expiry timers after a change under the lock.
     *
     * @param obsolete the timer to cancel, if any
     * @param toSchedule the entry whose new timer to schedule, if any
     * @param generation the timer generation of that entry
     *
     * @author KAS binding contributors - Initial contribution
     */
    record TimerChange(@Nullable ScheduledFuture<?> obsolete, @Nullable GateEntry toSchedule, int generation) {
        static final TimerChange NONE = new TimerChange(null, null, 0);
    }
}
