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
package org.openhab.addons.kas.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * KAS's per-account queue: how many calls of an account are in flight, the highest number seen, and the calls
 * dropped because {@code limit} were already in flight. Thread-safe.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class QueueAccounting {

    /**
     * One call's place in its account's queue, from arrival until {@link #release()} (exactly once, however often it
     * is called).
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class Ticket {
        /** the ticket of a call that belongs to no account */
        static final Ticket NONE = new Ticket(null, false);

        private final Stats stats;
        private final boolean dropped;
        private final AtomicBoolean released = new AtomicBoolean();

        private Ticket(Stats stats, boolean dropped) {
            this.stats = stats;
            this.dropped = dropped;
        }

        /** @return whether the call arrived while the queue was full: answered like success, never executed */
        boolean dropped() {
            return dropped;
        }

        /** The call is no longer in flight (its answer is being written, or it was dropped without one). */
        void release() {
            if (stats != null && released.compareAndSet(false, true)) {
                stats.inFlight.decrementAndGet();
            }
        }
    }

    /**
     * The counters of one account.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private static final class Stats {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
    }

    private final int limit;
    private final Map<String, Stats> stats = new ConcurrentHashMap<>();

    QueueAccounting(int limit) {
        this.limit = limit;
    }

    /**
     * Counts an arriving call of a registered account.
     *
     * @param apiKey the account's key
     * @return the call's ticket; {@link Ticket#dropped()} if {@code limit} calls were already in flight
     */
    Ticket admit(String apiKey) {
        Stats s = stats.computeIfAbsent(apiKey, k -> new Stats());
        int inFlight = s.inFlight.incrementAndGet();
        s.peak.accumulateAndGet(inFlight, Math::max);
        boolean dropped = inFlight > limit;
        if (dropped) {
            s.dropped.incrementAndGet();
        }
        return new Ticket(s, dropped);
    }

    int peak(String apiKey) {
        Stats s = stats.get(apiKey);
        return s == null ? 0 : s.peak.get();
    }

    int inFlight(String apiKey) {
        Stats s = stats.get(apiKey);
        return s == null ? 0 : s.inFlight.get();
    }

    int dropped(String apiKey) {
        Stats s = stats.get(apiKey);
        return s == null ? 0 : s.dropped.get();
    }

    /** Clears the dropped counts; a peak restarts at the number of calls in flight now. */
    void resetCounts() {
        for (Stats s : stats.values()) {
            s.dropped.set(0);
            s.peak.set(s.inFlight.get());
        }
    }
}
