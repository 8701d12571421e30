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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link GateLedger} on its own: permits, the order and bound of the queue, the coalescing keys per lock,
 * the peak in flight, release and removal, closing, and the counters its {@link GateStats} report.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class GateLedgerTest {

    private static final String FRONT = "unlock:SS000510";
    private static final String BACK = "unlock:SS000511";

    /** Two permits, three places in the queue. */
    private final GateLedger ledger = new GateLedger(2, 3);

    private static GateEntry plain(String description) {
        return RequestGateFixtures.entry(description, null, null);
    }

    private static GateEntry keyed(String key) {
        return RequestGateFixtures.entry("request " + key, key, null);
    }

    private static GateStats stats(int inFlight, int queued, int peakInFlight) {
        return new GateStats(inFlight, queued, peakInFlight, 0, 0, 0, 0, 0, 0, false);
    }

    @Test
    void newLedgerIsEmptyAndOpenWithAFreePermit() {
        assertEquals(2, ledger.maxConcurrent);
        assertEquals(3, ledger.maxQueued);
        assertNotSame(ledger.lock, ledger.sendLock);
        assertTrue(ledger.canStartNow());
        assertFalse(ledger.hasFreePermit(), "nobody waits for the free permit");
        assertFalse(ledger.isQueueFull());
        assertEquals(0, ledger.waiting());
        assertEquals(0, ledger.completedCount);
        assertEquals(stats(0, 0, 0), ledger.stats());
    }

    @Test
    void holdPermitTakesPermitsUpToMaxConcurrent() {
        GateEntry first = plain("first");
        ledger.holdPermit(first);
        assertEquals(GateEntry.State.STARTING, first.state);
        assertTrue(ledger.canStartNow());

        ledger.holdPermit(plain("second"));
        assertFalse(ledger.canStartNow(), "both permits are taken");
        assertEquals(stats(2, 0, 2), ledger.stats());
    }

    @Test
    void nobodyStartsAtOnceWhileAnotherWaitsEvenWithAFreePermit() {
        ledger.enqueue(plain("waiting"));
        assertFalse(ledger.canStartNow(), "a newcomer must not overtake the waiting entry");
        assertTrue(ledger.hasFreePermit(), "the waiting entry may take the free permit");
    }

    @Test
    void hasFreePermitNeedsAPermitAWaitingEntryAndAnOpenLedger() {
        ledger.holdPermit(plain("a"));
        ledger.holdPermit(plain("b"));
        ledger.enqueue(plain("c"));
        assertFalse(ledger.hasFreePermit(), "all permits are taken");

        GateLedger open = new GateLedger(1, 1);
        open.enqueue(plain("waiting"));
        assertTrue(open.hasFreePermit());
        open.closed = true;
        assertFalse(open.hasFreePermit(), "a closed ledger hands out no permit");
    }

    @Test
    void queueIsFirstInFirstOut() {
        GateEntry a = plain("a");
        GateEntry b = plain("b");
        GateEntry c = plain("c");
        ledger.enqueue(a);
        ledger.enqueue(b);
        ledger.enqueue(c);
        assertEquals(3, ledger.waiting());

        assertSame(a, ledger.dequeue());
        assertSame(b, ledger.dequeue());
        assertEquals(1, ledger.waiting());
        assertSame(c, ledger.dequeue());
        assertEquals(0, ledger.waiting());
        assertEquals(GateEntry.State.QUEUED, a.state, "dequeue alone does not start an entry");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 3 })
    void queueIsFullAtMaxQueued(int maxQueued) {
        GateLedger bounded = new GateLedger(1, maxQueued);
        for (int i = 0; i < maxQueued; i++) {
            assertFalse(bounded.isQueueFull(), "full after " + i + " of " + maxQueued);
            bounded.enqueue(plain("waiting " + i));
        }
        assertTrue(bounded.isQueueFull());
        assertEquals(maxQueued, bounded.waiting());
    }

    @Test
    void pendingFindsTheEntryOfAKeyWhetherWaitingOrHoldingAPermit() {
        GateEntry front = keyed(FRONT);
        GateEntry back = keyed(BACK);
        ledger.holdPermit(front);
        ledger.enqueue(back);
        ledger.enqueue(plain("without key"));

        assertSame(front, ledger.pending(FRONT));
        assertSame(back, ledger.pending(BACK));
        assertNull(ledger.pending("unlock:SS000512"));
        assertNull(ledger.pending(null), "no key is never merged");
    }

    @Test
    void promotedEntryKeepsItsKeyAndTakesAPermit() {
        GateEntry front = keyed(FRONT);
        ledger.enqueue(front);
        GateEntry dequeued = ledger.dequeue();
        ledger.promote(dequeued);

        assertSame(front, dequeued);
        assertEquals(GateEntry.State.STARTING, front.state);
        assertSame(front, ledger.pending(FRONT), "the key stays while the entry is in flight");
        assertEquals(stats(1, 0, 1), ledger.stats());
    }

    @Test
    void releaseFreesThePermitAndTheKeyAndCountsACompletion() {
        GateEntry front = keyed(FRONT);
        ledger.holdPermit(front);
        ledger.holdPermit(plain("other"));
        ledger.release(front);

        assertEquals(GateEntry.State.DONE, front.state);
        assertNull(ledger.pending(FRONT));
        assertTrue(ledger.canStartNow());
        assertEquals(1, ledger.completedCount);
        assertEquals(stats(1, 0, 2), ledger.stats());
    }

    @Test
    void removeWaitingTakesTheEntryOutOfTheQueueAndForgetsItsKeyOnly() {
        GateEntry a = plain("a");
        GateEntry front = keyed(FRONT);
        GateEntry c = plain("c");
        ledger.enqueue(a);
        ledger.enqueue(front);
        ledger.enqueue(c);
        ledger.removeWaiting(front);

        assertNull(ledger.pending(FRONT));
        assertEquals(2, ledger.waiting());
        assertSame(a, ledger.dequeue());
        assertSame(c, ledger.dequeue());
        assertEquals(GateEntry.State.QUEUED, front.state, "the caller ends the entry");
        assertEquals(0, ledger.completedCount, "the caller counts what became of it");
    }

    @Test
    void keyIsOnlyForgottenByTheEntryItBelongsTo() {
        GateEntry older = keyed(FRONT);
        GateEntry newer = keyed(FRONT);
        ledger.holdPermit(older);
        ledger.enqueue(newer); // the key now belongs to the newer entry

        ledger.removeKey(older);
        assertSame(newer, ledger.pending(FRONT));
        ledger.release(older);
        assertSame(newer, ledger.pending(FRONT), "releasing the older entry keeps the newer one's key");
        ledger.removeKey(newer);
        assertNull(ledger.pending(FRONT));
    }

    @Test
    void peakInFlightIsTheHighestNumberOfPermitsEverHeld() {
        GateLedger wide = new GateLedger(3, 10);
        GateEntry a = plain("a");
        GateEntry b = plain("b");
        wide.holdPermit(a);
        wide.holdPermit(b);
        wide.enqueue(plain("c"));
        wide.promote(wide.dequeue());
        assertEquals(3, wide.peakInFlight, "a promoted entry counts as well");

        wide.release(a);
        wide.release(b);
        wide.holdPermit(plain("d"));
        assertEquals(stats(2, 0, 3), wide.stats());
    }

    @Test
    void closeIntoHandsOverEveryEntryEmptiesTheLedgerAndCountsThemCancelled() {
        GateEntry holdingFront = keyed(FRONT);
        GateEntry holdingPlain = plain("holding");
        GateEntry waitingBack = keyed(BACK);
        GateEntry waitingPlain = plain("waiting");
        ledger.holdPermit(holdingFront);
        ledger.holdPermit(holdingPlain);
        ledger.enqueue(waitingBack);
        ledger.enqueue(waitingPlain);

        List<GateEntry> waiting = new ArrayList<>();
        List<GateEntry> holding = new ArrayList<>();
        ledger.closeInto(waiting, holding);

        assertEquals(List.of(waitingBack, waitingPlain), waiting);
        assertEquals(List.of(holdingFront, holdingPlain), holding);
        assertTrue(ledger.closed);
        assertNull(ledger.pending(FRONT));
        assertNull(ledger.pending(BACK));
        assertEquals(0, ledger.waiting());
        assertEquals(4, ledger.completedCount);
        assertEquals(new GateStats(0, 0, 2, 0, 0, 0, 0, 0, 4, true), ledger.stats());
    }

    @Test
    void statsReportEveryCounterInItsPlace() {
        ledger.holdPermit(plain("running"));
        ledger.enqueue(plain("waiting 1"));
        ledger.enqueue(plain("waiting 2"));
        ledger.startedCount = 11;
        ledger.retriedCount = 12;
        ledger.mergedCount = 13;
        ledger.expiredCount = 14;
        ledger.rejectedCount = 15;
        ledger.cancelledCount = 16;

        assertEquals(new GateStats(1, 2, 1, 11, 12, 13, 14, 15, 16, false), ledger.stats());
    }
}
