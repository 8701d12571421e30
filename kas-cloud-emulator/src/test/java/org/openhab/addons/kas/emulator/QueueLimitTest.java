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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.junit.jupiter.api.Test;

/**
 * KAS's queue limit (30 calls in flight per account, the rest answered like success but dropped) and that slow
 * answers do not tie up server threads.
 *
 * @author KAS binding contributors - Initial contribution
 */
class QueueLimitTest extends EmulatorTestBase {

    private static final Duration SLOW = Duration.ofSeconds(4);

    /** Sends all requests at once and waits for all answers. */
    private List<Answer> sendAll(List<Request> requests) throws Exception {
        List<CompletableFuture<Answer>> futures = new ArrayList<>();
        for (Request request : requests) {
            CompletableFuture<Answer> future = new CompletableFuture<>();
            BufferingResponseListener listener = new BufferingResponseListener() {
                @Override
                public void onComplete(Result result) {
                    if (result.isFailed()) {
                        future.completeExceptionally(result.getFailure());
                    } else {
                        future.complete(new Answer(result.getResponse().getStatus(), getContentAsString()));
                    }
                }
            };
            request.send(listener);
            futures.add(future);
        }
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private record Answer(int status, String body) {
    }

    private List<Request> unlocks(int n, String lock, String key) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(unlockRequest(lock, key));
        }
        return requests;
    }

    @Test
    void callsOverTheLimitAreAnsweredButDropped() throws Exception {
        emulator.setDefaultDelay(SLOW);
        List<Answer> answers = sendAll(unlocks(35, LOCK, KEY));

        assertTrue(answers.stream().allMatch(a -> a.status() == 200 && UNLOCKING.equals(a.body())), answers::toString);
        assertEquals(5, emulator.droppedCalls(KEY));
        assertEquals(35, emulator.peakConcurrency(KEY));
        assertEquals(KasCloudEmulator.QUEUE_LIMIT, emulator.executedUnlocks().size());
        assertEquals(0, emulator.inFlight(KEY));
        assertEquals(35, emulator.requests().size());
        assertTrue(emulator.requests().stream().allMatch(e -> e.status() == 200));
    }

    @Test
    void exactlyTheLimitIsFine() throws Exception {
        emulator.setDefaultDelay(SLOW);
        List<Answer> answers = sendAll(unlocks(30, LOCK, KEY));
        assertEquals(30, answers.size());
        assertEquals(0, emulator.droppedCalls(KEY));
        assertEquals(30, emulator.peakConcurrency(KEY));
        assertEquals(30, emulator.executedUnlocks().size());
    }

    @Test
    void inFlightCountsFromArrivalToAnswer() throws Exception {
        emulator.setDefaultDelay(SLOW);
        List<Request> requests = unlocks(3, LOCK, KEY);
        for (Request request : requests) {
            request.send(result -> {
            });
        }
        assertTrue(emulator.awaitRequests(3, Duration.ofSeconds(10)));
        assertEquals(3, emulator.inFlight(KEY));
        assertEquals(0, emulator.inFlight(OTHER_KEY));
        assertTrue(emulator.executedUnlocks().isEmpty()); // recorded at answer time
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.inFlight(KEY) == 0);
        assertEquals(3, emulator.executedUnlocks().size());
        assertEquals(3, emulator.peakConcurrency(KEY));
    }

    @Test
    void pinCallsShareTheQueueAndADroppedPinLooksLikeAnUnlock() throws Exception {
        emulator.setDefaultDelay(SLOW);
        List<Request> requests = unlocks(30, LOCK, KEY);
        requests.forEach(r -> r.send(result -> {
        }));
        assertTrue(emulator.awaitRequests(30, Duration.ofSeconds(10)));
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.inFlight(KEY) == 30);
        List<Answer> answers = sendAll(List.of(pinRequest(LOCK, pinBody(0, 1, 2, KEY)),
                unlockRequest(FOREIGN_LOCK, OTHER_KEY), unlockRequest(LOCK, "unknown-key-xyz")));
        assertEquals(new Answer(200, UNLOCKING), answers.get(0)); // dropped
        assertEquals(new Answer(200, UNLOCKING), answers.get(1)); // other account: own queue, executed
        assertEquals(new Answer(400, "Invalid Token."), answers.get(2)); // no account, no queue
        assertEquals(1, emulator.droppedCalls(KEY));
        assertEquals(0, emulator.droppedCalls(OTHER_KEY));
        assertEquals(31, emulator.peakConcurrency(KEY));
        assertEquals(1, emulator.peakConcurrency(OTHER_KEY));
        assertEquals(0, emulator.peakConcurrency("unknown-key-xyz"));
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.inFlight(KEY) == 0);
        assertEquals(31, emulator.executedUnlocks().size());

        // once answered, the queue is free again
        emulator.setDefaultDelay(Duration.ZERO);
        sendAll(unlocks(1, LOCK, KEY));
        assertEquals(1, emulator.droppedCalls(KEY));
        emulator.resetJournal();
        assertEquals(0, emulator.droppedCalls(KEY));
        assertEquals(0, emulator.peakConcurrency(KEY));
    }

    @Test
    void slowAnswersDoNotHoldServerThreads() throws Exception {
        int requests = 1000; // far more than the server's 400 threads
        emulator.setDefaultDelay(Duration.ofMinutes(1)); // longer than the test: they are cut off by close()
        List<CompletableFuture<Result>> results = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            CompletableFuture<Result> result = new CompletableFuture<>();
            client.newRequest(emulator.baseUrl() + "/").timeout(2, TimeUnit.MINUTES).send(result::complete);
            results.add(result);
        }
        // all of them arrived and wait for their answer at the same time: no thread is held per waiting request
        assertTrue(emulator.awaitRequests(requests, Duration.ofSeconds(60)));
        assertEquals(requests, emulator.requests().stream().filter(e -> e.status() == 0).count());
        long serverThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("kas-cloud-emulator")).count();
        assertTrue(serverThreads < 400, "server threads while " + requests + " requests wait: " + serverThreads);

        emulator.close(); // closes the waiting connections at once
        for (CompletableFuture<Result> result : results) {
            assertTrue(result.get(30, TimeUnit.SECONDS).isFailed());
        }
    }
}
