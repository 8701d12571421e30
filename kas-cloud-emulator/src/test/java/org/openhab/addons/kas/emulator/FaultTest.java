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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Result;
import org.junit.jupiter.api.Test;

/**
 * Every fault type and the fault rules (filter, budget, first match wins, hits).
 *
 * @author KAS binding contributors - Initial contribution
 */
class FaultTest extends EmulatorTestBase {

    @Test
    void respondOverridesTheAnswerAndSkipsTheUnlock() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).respond(500, "text/plain", "Unknown Error"));
        ContentResponse response = unlock(LOCK, KEY);
        assertEquals(500, response.getStatus());
        assertEquals("Unknown Error", response.getContentAsString());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("text/plain"));
        assertEquals(1, fault.hits());
        assertTrue(emulator.executedUnlocks().isEmpty());
        assertEquals(500, emulator.requests().get(0).status());

        emulator.clearFaults();
        emulator.addFault(Fault.any().respond(418, null, "teapot"));
        ContentResponse teapot = get("/");
        assertEquals(418, teapot.getStatus());
        assertEquals("teapot", teapot.getContentAsString());
        assertNull(teapot.getHeaders().get("Content-Type"));
    }

    @Test
    void unknownError() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.PIN_CODE).unknownError());
        KasCloudEmulatorTest.assertAnswer(pin(LOCK, pinBody(0, 1, 2, KEY)), 500, "Unknown Error");
        assertEquals(1, fault.hits());
    }

    @Test
    void budgetFilterAndFirstMatchWins() throws Exception {
        Fault pinOnly = emulator.addFault(Fault.on(Endpoint.PIN_CODE).respond(500, "text/plain", "pin"));
        Fault otherLock = emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(OFFLINE_LOCK).htmlErrorPage(503));
        Fault twice = emulator.addFault(Fault.any().times(2).respond(500, "text/plain", "first"));
        Fault always = emulator.addFault(Fault.on(Endpoint.UNLOCK).respond(502, "text/plain", "second"));

        assertEquals("first", unlock(LOCK, KEY).getContentAsString());
        assertEquals("first", get("/").getContentAsString());
        assertEquals("second", unlock(LOCK, KEY).getContentAsString());
        assertEquals("second", unlock(LOCK, KEY).getContentAsString());
        assertEquals(503, unlock(OFFLINE_LOCK, KEY).getStatus());
        assertEquals("pin", pin(LOCK, pinBody(0, 1, 2, KEY)).getContentAsString());
        assertEquals(200, get("/").getStatus()); // budget of "twice" used up, "always" is for UNLOCK only

        assertEquals(1, pinOnly.hits());
        assertEquals(1, otherLock.hits());
        assertEquals(2, twice.hits());
        assertEquals(2, always.hits());

        emulator.clearFaults();
        assertEquals(UNLOCKING, unlock(LOCK, KEY).getContentAsString());
        assertEquals(1, emulator.executedUnlocks().size());
        assertEquals(2, always.hits());
    }

    @Test
    void forLockNeverMatchesRequestsWithoutLock() throws Exception {
        Fault fault = emulator.addFault(Fault.any().forLock(LOCK).respond(500, "text/plain", "x"));
        assertEquals(200, get("/").getStatus());
        assertEquals(404, get("/nothing").getStatus());
        assertEquals(500, pin(LOCK, pinBody(0, 1, 2, KEY)).getStatus());
        assertEquals(1, fault.hits());
    }

    @Test
    void timesZeroNeverMatches() throws Exception {
        Fault fault = emulator.addFault(Fault.any().times(0).respond(500, "text/plain", "x"));
        assertEquals(200, get("/").getStatus());
        assertEquals(0, fault.hits());
    }

    @Test
    void htmlErrorPages() throws Exception {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).htmlErrorPage(502));
        emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).htmlErrorPage(503));
        for (int status : new int[] { 502, 503 }) {
            ContentResponse response = unlock(LOCK, KEY);
            assertEquals(status, response.getStatus());
            assertContentType("text/html;charset=utf-8", response);
            assertTrue(response.getContentAsString().contains("<html>"));
            assertTrue(response.getContentAsString().contains(String.valueOf(status)));
        }
    }

    @Test
    void gatewayTimeoutOnAnyEndpoint() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.PIN_CODE).gatewayTimeout());
        KasCloudEmulatorTest.assertGatewayTimeout(pin(LOCK, pinBody(0, 1, 2, KEY)));
        emulator.clearFaults();
        emulator.addFault(Fault.on(Endpoint.UNLOCK).gatewayTimeout());
        KasCloudEmulatorTest.assertGatewayTimeout(unlock(LOCK, KEY));
        assertTrue(emulator.executedUnlocks().isEmpty());
        assertEquals(1, fault.hits());
    }

    @Test
    void delayThenNormalAnswer() throws Exception {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).delay(Duration.ofMillis(400)));
        long start = System.nanoTime();
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(400));
        ExecutedUnlock executed = emulator.executedUnlocks().get(0);
        assertTrue(Duration.between(executed.requestReceivedAt(), executed.executedAt()).toMillis() >= 390);
        // delay adds to the default delay
        emulator.setDefaultDelay(Duration.ofMillis(200));
        start = System.nanoTime();
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(600));
    }

    @Test
    void delayThenFaultAction() throws Exception {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).delay(Duration.ofMillis(300)).malformedPin("12ab"));
        long start = System.nanoTime();
        KasCloudEmulatorTest.assertAnswer(pin(LOCK, pinBody(0, 1, 2, KEY)), 200, "12ab");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void closeMidResponseFailsAJettyClient() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).closeMidResponse());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> unlock(LOCK, KEY));
        assertInstanceOf(IOException.class, rootCause(failure), failure::toString);
        assertEquals(1, fault.hits());
        assertEquals(200, emulator.requests().get(0).status());
        assertTrue(emulator.executedUnlocks().isEmpty());
        assertEquals(0, emulator.inFlight(KEY));

        // the response head did arrive: status and a Content-Length larger than the body that came
        CompletableFuture<Result> result = new CompletableFuture<>();
        unlockRequest(LOCK, KEY).send(result::complete);
        Result completed = result.get(10, TimeUnit.SECONDS);
        assertTrue(completed.isFailed());
        assertNotNull(completed.getResponse());
        assertEquals(200, completed.getResponse().getStatus());
        assertEquals(String.valueOf(UNLOCKING.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                completed.getResponse().getHeaders().get("Content-Length"));
    }

    @Test
    void closeMidResponseAfterADelayFailsTheJdkClient() throws Exception {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).delay(Duration.ofMillis(200)).closeMidResponse());
        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(pinUrl(LOCK)))
                .POST(HttpRequest.BodyPublishers.ofString(pinBody(0, 1, 2, KEY))).timeout(Duration.ofSeconds(10))
                .build();
        assertThrows(IOException.class, () -> jdk.send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(0, emulator.inFlight(KEY));
    }

    @Test
    void resetConnectionBeforeAnyByte() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).resetConnection());
        CompletableFuture<Result> result = new CompletableFuture<>();
        unlockRequest(LOCK, KEY).send(result::complete);
        Result completed = result.get(10, TimeUnit.SECONDS);
        assertTrue(completed.isFailed());
        assertInstanceOf(IOException.class, rootCause(completed.getFailure()), completed.getFailure()::toString);
        assertEquals(0, completed.getResponse().getStatus()); // no status line was received
        assertEquals(1, fault.hits());
        assertEquals(0, emulator.requests().get(0).status());
        assertEquals(0, emulator.inFlight(KEY));
        assertTrue(emulator.executedUnlocks().isEmpty());
        // the next call is normal again
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
    }

    @Test
    void resetConnectionAfterADelay() throws Exception {
        emulator.addFault(Fault.any().delay(Duration.ofMillis(200)).resetConnection());
        assertThrows(ExecutionException.class, () -> get("/"));
        assertEquals(0, emulator.requests().get(0).status());
    }

    @Test
    void oversizedBodies() throws Exception {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).oversizedBody(100_000));
        emulator.addFault(Fault.on(Endpoint.UNLOCK).oversizedBody(20_001));
        ContentResponse pin = pin(LOCK, pinBody(0, 1, 2, KEY));
        assertEquals(200, pin.getStatus());
        assertEquals(100_000, pin.getContent().length);
        assertTrue(pin.getContentAsString().chars().allMatch(Character::isDigit));
        ContentResponse unlock = unlock(LOCK, KEY);
        assertEquals(200, unlock.getStatus());
        assertEquals(20_001, unlock.getContent().length);
        assertTrue(unlock.getContentAsString().startsWith("Door is unlocking"));
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void malformedPin() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.PIN_CODE).malformedPin("1234567"));
        KasCloudEmulatorTest.assertAnswer(pin(LOCK, pinBody(0, 1, 2, KEY)), 200, "1234567");
        assertEquals(1, fault.hits());
    }

    @Test
    void silentHoldsUntilTheClientGivesUp() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).silent());
        assertThrows(TimeoutException.class, () -> unlockRequest(LOCK, KEY).timeout(500, TimeUnit.MILLISECONDS).send());
        assertEquals(1, fault.hits());
        assertEquals(0, emulator.requests().get(0).status());
        assertTrue(emulator.executedUnlocks().isEmpty());
        // the client closed its connection when it gave up: the held request ends, its slot is free again
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.inFlight(KEY) == 0);
        assertEquals(0, emulator.abortHeldRequests());
        emulator.clearFaults();
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
    }

    @Test
    void abortHeldRequestsReleasesWaitingClients() throws Exception {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).silent());
        CompletableFuture<Result> result = new CompletableFuture<>();
        pinRequest(LOCK, pinBody(0, 1, 2, KEY)).timeout(20, TimeUnit.SECONDS).send(result::complete);
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        assertThrows(TimeoutException.class, () -> result.get(300, TimeUnit.MILLISECONDS));
        assertEquals(1, emulator.inFlight(KEY));
        assertEquals(1, emulator.abortHeldRequests());
        assertEquals(0, emulator.inFlight(KEY));
        Result completed = result.get(5, TimeUnit.SECONDS);
        assertTrue(completed.isFailed());
        assertFalse(rootCause(completed.getFailure()) instanceof TimeoutException);
        assertEquals(0, emulator.abortHeldRequests());
    }

    @Test
    void silentRequestsEndWhenTheEmulatorCloses() throws Exception {
        emulator.addFault(Fault.any().silent());
        CompletableFuture<Result> result = new CompletableFuture<>();
        client.newRequest(emulator.baseUrl() + "/").timeout(20, TimeUnit.SECONDS).send(result::complete);
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        assertThrows(TimeoutException.class, () -> result.get(300, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        emulator.close();
        Result completed = result.get(5, TimeUnit.SECONDS);
        assertTrue(completed.isFailed());
        assertFalse(rootCause(completed.getFailure()) instanceof TimeoutException);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Fault.any().times(-1));
        assertThrows(IllegalArgumentException.class, () -> Fault.any().delay(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Fault.any().oversizedBody(-1));
        assertThrows(IllegalArgumentException.class, () -> Fault.any().respond(42, null, ""));
        assertThrows(NullPointerException.class, () -> Fault.on(null));
        assertEquals(0, Fault.any().hits());
    }

    private static Throwable rootCause(Throwable throwable) {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
