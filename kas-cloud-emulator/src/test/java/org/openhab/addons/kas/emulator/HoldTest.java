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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

/**
 * {@link Fault#hold()}, {@link Fault#release()} and {@link Fault#held()}: requests wait until the test says so. The
 * emulator's logging is captured here too and must not contain a key.
 *
 * @author KAS binding contributors - Initial contribution
 */
class HoldTest extends LogCheckedEmulatorTestBase {

    @Test
    void heldRequestsWaitForReleaseAndThenGetTheNormalAnswer() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        CompletableFuture<Reply> first = sendAsync(unlockRequest(LOCK, KEY));
        CompletableFuture<Reply> second = sendAsync(unlockRequest(LOCK, KEY));
        assertTrue(emulator.awaitRequests(2, Duration.ofSeconds(5)));
        assertEquals(2, hold.held());
        assertEquals(2, hold.hits());
        assertEquals(2, emulator.inFlight(KEY));
        assertThrows(TimeoutException.class, () -> first.get(100, TimeUnit.MILLISECONDS));
        assertTrue(emulator.executedUnlocks().isEmpty());
        assertEquals(List.of(0, 0), emulator.requests().stream().map(JournalEntry::status).toList());
        // other endpoints are not held
        KasCloudEmulatorTest.assertAnswer(get("/"), 200, "KAS cloud emulator");

        Instant released = Instant.now();
        assertEquals(2, hold.release());
        KasCloudEmulatorTest.assertAnswer(first.get(5, TimeUnit.SECONDS), 200, UNLOCKING);
        KasCloudEmulatorTest.assertAnswer(second.get(5, TimeUnit.SECONDS), 200, UNLOCKING);
        assertEquals(0, hold.held());
        assertEquals(0, emulator.inFlight(KEY));
        assertEquals(2, emulator.executedUnlocks().size());
        assertFalse(emulator.executedUnlocks().get(0).executedAt().isBefore(released));
        assertEquals(0, hold.release());
    }

    @Test
    void theBusinessLogicRunsAtRelease() throws Exception {
        Fault hold = emulator.addFault(Fault.any().forLock(LOCK).hold());
        CompletableFuture<Reply> unlock = sendAsync(unlockRequest(LOCK, KEY));
        CompletableFuture<Reply> pin = sendAsync(pinRequest(LOCK, pinBody(0, 1, 2, KEY)));
        assertTrue(emulator.awaitRequests(2, Duration.ofSeconds(5)));
        emulator.setGatewayOnline(LOCK, false);
        emulator.setAdmin(LOCK, false);
        assertEquals(2, hold.release());
        KasCloudEmulatorTest.assertAnswer(unlock.get(5, TimeUnit.SECONDS), 400, "You are not the admin.");
        KasCloudEmulatorTest.assertAnswer(pin.get(5, TimeUnit.SECONDS), 400, "You are not the admin.");
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void laterRequestsAreHeldAgainUntilTheBudgetIsUsed() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).times(2).hold());
        CompletableFuture<Reply> first = sendAsync(unlockRequest(LOCK, KEY));
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        assertEquals(1, hold.release());
        assertEquals(200, first.get(5, TimeUnit.SECONDS).status());

        CompletableFuture<Reply> second = sendAsync(unlockRequest(LOCK, KEY));
        assertTrue(emulator.awaitRequests(2, Duration.ofSeconds(5)));
        assertEquals(1, hold.held());
        assertThrows(TimeoutException.class, () -> second.get(100, TimeUnit.MILLISECONDS));
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING); // budget used: not held
        assertEquals(1, hold.release());
        assertEquals(200, second.get(5, TimeUnit.SECONDS).status());
        assertEquals(3, emulator.executedUnlocks().size());
    }

    @Test
    void aDelayStillAppliesAfterAnEarlyRelease() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).delay(Duration.ofMillis(300)).hold());
        long start = System.nanoTime();
        CompletableFuture<Reply> reply = sendAsync(unlockRequest(LOCK, KEY));
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        assertEquals(1, hold.release());
        assertEquals(0, hold.held());
        KasCloudEmulatorTest.assertAnswer(reply.get(5, TimeUnit.SECONDS), 200, UNLOCKING);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void abortHeldRequestsDropsThemWithoutAnswer() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.PIN_CODE).hold());
        CompletableFuture<Reply> reply = sendAsync(pinRequest(LOCK, pinBody(0, 1, 2, KEY)));
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        assertEquals(1, emulator.abortHeldRequests());
        assertEquals(0, hold.held());
        assertEquals(0, emulator.inFlight(KEY));
        assertEndedWithoutAnswer(reply);
        assertEquals(0, hold.release());
        assertEquals(0, emulator.requests().get(0).status());
    }

    @Test
    void closeDropsHeldRequests() throws Exception {
        Fault hold = emulator.addFault(Fault.any().hold());
        CompletableFuture<Reply> reply = sendAsync(getRequest("/"));
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        long start = System.nanoTime();
        emulator.close();
        assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertEquals(0, hold.held());
    }

    @Test
    void aClientThatGivesUpDoesNotEndTheHold() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        try (RawClient raw = rawUnlock()) {
            assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        }
        Thread.sleep(100);
        assertEquals(1, hold.held());
        assertEquals(1, emulator.inFlight(KEY));
        assertEquals(1, hold.release());
        // like a slow cloud: the unlock is executed although nobody reads the answer any more
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.inFlight(KEY) == 0);
        assertEquals(1, emulator.executedUnlocks().size());
    }
}
