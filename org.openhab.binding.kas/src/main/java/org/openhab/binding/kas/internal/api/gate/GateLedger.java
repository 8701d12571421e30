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

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The bookkeeping of a {@link RequestGate}: the waiting queue, the entries holding a permit, the coalescing keys and
 * the counters, all guarded by {@link #lock}. Every method except the constructor must be called with the lock held;
 * none of them completes a future, invokes a call or touches a timer.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class GateLedger {

    /** Guards everything here and the mutable fields of every {@link GateEntry}. */
    final Object lock = new Object();
    /**
     * Held while a call is handed to the client (taken before {@link #lock}, never the other way round): closing
     * passes it once, so that no call of a closed gate goes on its way after {@code close()} returned.
     */
    final Object sendLock = new Object();
    final int maxConcurrent;
    final int maxQueued;

    private final ArrayDeque<GateEntry> queue = new ArrayDeque<>();
    private final Set<GateEntry> running = new LinkedHashSet<>();
    private final Map<String, GateEntry> byKey = new HashMap<>();
    boolean closed;
    int peakInFlight;
    long startedCount;
    long retriedCount;
    long mergedCount;
    long expiredCount;
    long rejectedCount;
    long cancelledCount;
    long completedCount;

    GateLedger(int maxConcurrent, int maxQueued) {
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
    }

    /** @return the entry queued or in flight under this coalescing key, if any */
    @Nullable
    GateEntry pending(@Nullable String key) {
        return key == null ? null : byKey.get(key);
    }

    /** @return whether a new entry may take a permit at once (a permit is free and nobody waits) */
    boolean canStartNow() {
        return running.size() < maxConcurrent && queue.isEmpty();
    }

    /** @return whether a new entry may take a permit now that one was freed */
    boolean hasFreePermit() {
        return !closed && running.size() < maxConcurrent && !queue.isEmpty();
    }

    boolean isQueueFull() {
        return queue.size() >= maxQueued;
    }

    int waiting() {
        return queue.size();
    }

    /** Registers a new entry as holding a permit, about to be started. */
    void holdPermit(GateEntry entry) {
        takePermit(entry);
        putKey(entry);
    }

    /** Registers a new entry as waiting. */
    void enqueue(GateEntry entry) {
        queue.addLast(entry);
        putKey(entry);
    }

    /** @return the first waiting entry, taken out of the queue */
    GateEntry dequeue() {
        return queue.removeFirst();
    }

    /** Moves a dequeued entry into a permit. */
    void promote(GateEntry entry) {
        takePermit(entry);
    }

    private void takePermit(GateEntry entry) {
        entry.state = GateEntry.State.STARTING;
        running.add(entry);
        peakInFlight = Math.max(peakInFlight, running.size());
    }

    /** Takes a waiting entry out of the queue and forgets its key. */
    void removeWaiting(GateEntry entry) {
        queue.remove(entry);
        removeKey(entry);
    }

    /** Ends an entry that holds a permit: frees the permit and the key. */
    void release(GateEntry entry) {
        entry.state = GateEntry.State.DONE;
        running.remove(entry);
        removeKey(entry);
        completedCount++;
    }

    /**
     * Closes the ledger and empties it.
     *
     * @param waiting receives the entries that were waiting
     * @param holding receives the entries that held a permit
     */
    void closeInto(List<GateEntry> waiting, List<GateEntry> holding) {
        closed = true;
        waiting.addAll(queue);
        holding.addAll(running);
        queue.clear();
        running.clear();
        byKey.clear();
        int ended = waiting.size() + holding.size();
        cancelledCount += ended;
        completedCount += ended;
    }

    /** Forgets the key of an entry, if the key still belongs to it. */
    void removeKey(GateEntry entry) {
        String key = entry.submission.coalesceKey();
        if (key != null) {
            byKey.remove(key, entry);
        }
    }

    GateStats stats() {
        return new GateStats(running.size(), queue.size(), peakInFlight, startedCount, retriedCount, mergedCount,
                expiredCount, rejectedCount, cancelledCount, closed);
    }

    private void putKey(GateEntry entry) {
        String key = entry.submission.coalesceKey();
        if (key != null) {
            byKey.put(key, entry);
        }
    }
}
