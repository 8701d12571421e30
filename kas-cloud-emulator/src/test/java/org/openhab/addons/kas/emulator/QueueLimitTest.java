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

import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * KAS's queue limit (30 calls in flight per account, the rest answered like success but dropped) and that waiting
 * answers do not tie up platform threads. Calls are kept in flight with {@link Fault#hold()} instead of long delays.
 *
 * @author KAS binding contributors - Initial contribution
 */
class QueueLimitTest extends EmulatorTestBase {

    /** Sends all requests at once. */
    private List<CompletableFuture<Reply>> sendAll(List<HttpRequest> requests) {
        return requests.stream().map(this::sendAsync).toList();
    }

    private static List<Reply> answers(List<CompletableFuture<Reply>> futures) throws Exception {
        List<Reply> answers = new ArrayList<>();
        for (CompletableFuture<Reply> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private List<HttpRequest> unlocks(int n, String lock, String key) {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(unlockRequest(lock, key));
        }
        return requests;
    }

    /** Sends this many unlocks of {@link #LOCK} at once and waits until the emulator has received them all. */
    private List<CompletableFuture<Reply>> sendUnlocksAndAwaitThem(int n) throws InterruptedException {
        List<CompletableFuture<Reply>> futures = sendAll(unlocks(n, LOCK, KEY));
        assertTrue(emulator.awaitRequests(n, Duration.ofSeconds(10)));
        return futures;
    }

    private static boolean allUnlocking(List<Reply> answers) {
        return answers.stream().allMatch(a -> a.status() == 200 && UNLOCKING.equals(a.text()));
    }

    @Test
    void callsOverTheLimitAreAnsweredButDropped() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        List<CompletableFuture<Reply>> futures = sendUnlocksAndAwaitThem(35);
        assertEquals(35, emulator.inFlight(KEY));
        assertEquals(5, emulator.droppedCalls(KEY));
        assertEquals(35, hold.held());
        assertEquals(35, hold.release());
        List<Reply> answers = answers(futures);

        assertTrue(allUnlocking(answers), answers::toString);
        assertEquals(5, emulator.droppedCalls(KEY));
        assertEquals(35, emulator.peakConcurrency(KEY));
        assertEquals(KasCloudEmulator.QUEUE_LIMIT, emulator.executedUnlocks().size());
        assertEquals(0, emulator.inFlight(KEY));
        assertEquals(35, emulator.requests().size());
        assertTrue(emulator.requests().stream().allMatch(e -> e.status() == 200));
    }

    @Test
    void exactlyTheLimitIsFine() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        List<CompletableFuture<Reply>> futures = sendUnlocksAndAwaitThem(30);
        assertEquals(30, hold.release());
        List<Reply> answers = answers(futures);
        assertEquals(30, answers.size());
        assertTrue(allUnlocking(answers), answers::toString);
        assertEquals(0, emulator.droppedCalls(KEY));
        assertEquals(30, emulator.peakConcurrency(KEY));
        assertEquals(30, emulator.executedUnlocks().size());
    }

    @Test
    void inFlightCountsFromArrivalToAnswer() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        List<CompletableFuture<Reply>> futures = sendUnlocksAndAwaitThem(3);
        assertEquals(3, emulator.inFlight(KEY));
        assertEquals(0, emulator.inFlight(OTHER_KEY));
        assertTrue(emulator.executedUnlocks().isEmpty()); // recorded at answer time
        hold.release();
        answers(futures);
        assertEquals(0, emulator.inFlight(KEY)); // released before the answer was written
        assertEquals(3, emulator.executedUnlocks().size());
        assertEquals(3, emulator.peakConcurrency(KEY));
    }

    @Test
    void delayedCallsAreInFlightUntilAnswered() throws Exception {
        emulator.setDefaultDelay(Duration.ofMillis(200));
        List<CompletableFuture<Reply>> futures = sendUnlocksAndAwaitThem(3);
        assertEquals(3, emulator.inFlight(KEY));
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.inFlight(KEY) == 0);
        assertTrue(allUnlocking(answers(futures)));
        assertEquals(3, emulator.executedUnlocks().size());
    }

    @Test
    void pinCallsShareTheQueueAndADroppedPinLooksLikeAnUnlock() throws Exception {
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).times(30).hold());
        List<CompletableFuture<Reply>> held = sendUnlocksAndAwaitThem(30);
        assertEquals(30, emulator.inFlight(KEY));
        List<Reply> answers = answers(sendAll(List.of(pinRequest(LOCK, pinBody(0, 1, 2, KEY)),
                unlockRequest(FOREIGN_LOCK, OTHER_KEY), unlockRequest(LOCK, "unknown-key-xyz"))));
        assertEquals(200, answers.get(0).status()); // dropped
        assertEquals(UNLOCKING, answers.get(0).text());
        assertEquals(200, answers.get(1).status()); // other account: own queue, executed
        assertEquals(UNLOCKING, answers.get(1).text());
        assertEquals(400, answers.get(2).status()); // no account, no queue
        assertEquals("Invalid Token.", answers.get(2).text());
        assertEquals(1, emulator.droppedCalls(KEY));
        assertEquals(0, emulator.droppedCalls(OTHER_KEY));
        assertEquals(31, emulator.peakConcurrency(KEY));
        assertEquals(1, emulator.peakConcurrency(OTHER_KEY));
        assertEquals(0, emulator.peakConcurrency("unknown-key-xyz"));
        assertEquals(30, hold.release());
        assertTrue(allUnlocking(answers(held)));
        assertEquals(0, emulator.inFlight(KEY));
        assertEquals(31, emulator.executedUnlocks().size());

        // once answered, the queue is free again
        answers(sendAll(unlocks(1, LOCK, KEY)));
        assertEquals(1, emulator.droppedCalls(KEY));
        assertEquals(32, emulator.executedUnlocks().size());
        emulator.resetJournal();
        assertEquals(0, emulator.droppedCalls(KEY));
        assertEquals(0, emulator.peakConcurrency(KEY));
    }

    @Test
    void manyDelayedAnswersWaitAtTheSameTime() throws Exception {
        emulator.setDefaultDelay(Duration.ofMillis(300));
        long start = System.nanoTime();
        List<HttpRequest> probes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            probes.add(getRequest("/"));
        }
        List<Reply> answers = answers(sendAll(probes));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis >= 300 && millis < 5_000, "100 answers delayed by 300 ms took " + millis + " ms");
        assertTrue(answers.stream().allMatch(a -> a.status() == 200 && "KAS cloud emulator".equals(a.text())));
    }

    @Test
    void slowAnswersDoNotHoldPlatformThreads() throws Exception {
        int requests = 1000;
        emulator.setDefaultDelay(Duration.ofMinutes(1)); // longer than the test: they are cut off by close()
        int platformThreadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<RawClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                RawClient raw = new RawClient(emulator.port());
                clients.add(raw);
                raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            }
            // all of them arrived and wait for their answer at the same time, each on its own virtual thread
            assertTrue(emulator.awaitRequests(requests, Duration.ofSeconds(60)));
            assertEquals(requests, emulator.requests().stream().filter(e -> e.status() == 0).count());
            int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(platformThreads - platformThreadsBefore < 50, "platform threads while " + requests
                    + " requests wait: " + platformThreads + ", before " + platformThreadsBefore);

            emulator.close(); // closes the waiting connections at once, without an answer
            for (RawClient raw : clients) {
                assertEquals(0, raw.readToEnd().length);
            }
        } finally {
            for (RawClient raw : clients) {
                raw.close();
            }
        }
    }
}
