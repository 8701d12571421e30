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
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/**
 * Every fault type and the fault rules (filter, budget, first match wins, hits). Everything the emulator logs during
 * these tests is captured at level ALL and must not contain a registered key.
 *
 * @author KAS binding contributors - Initial contribution
 */
class FaultTest extends LogCheckedEmulatorTestBase {

    @Override
    void checkLine(EmulatorLogCapture.Line line) {
        assertTrue(line.level().intValue() <= java.util.logging.Level.FINE.intValue(),
                () -> "logged above DEBUG: " + line);
    }

    /**
     * Sends an unlock with the test's client, which must fail with an I/O error.
     *
     * @param head set to the status line and header fields if they were received
     */
    private void assertUnlockFailsAfterTheHead(AtomicReference<HttpResponse.ResponseInfo> head) {
        CompletableFuture<HttpResponse<byte[]>> result = client.sendAsync(unlockRequest(LOCK, KEY), info -> {
            head.set(info);
            return HttpResponse.BodySubscribers.ofByteArray();
        });
        ExecutionException failure = assertThrows(ExecutionException.class, () -> result.get(10, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause(), failure::toString);
    }

    @Test
    void logsOneMaskedLinePerRequestAtDebug() throws Exception {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).unknownError());
        unlock(LOCK, KEY);
        pin(LOCK, pinBody(0, 1, 2, KEY));
        List<String> texts = logs.lines().stream().map(EmulatorLogCapture.Line::text).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("GET /api/lockCommand/remoteUnlock/SS000510/*** -> UNLOCK")),
                texts::toString);
        assertTrue(texts.stream().anyMatch(t -> t.contains("POST /api/lockCommand/pinCode/SS000510 -> PIN_CODE")),
                texts::toString);
    }

    @Test
    void respondOverridesTheAnswerAndSkipsTheUnlock() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).respond(500, "text/plain", "Unknown Error"));
        Reply response = unlock(LOCK, KEY);
        assertEquals(500, response.status());
        assertEquals("Unknown Error", response.text());
        assertEquals("text/plain", response.header("Content-Type"));
        assertEquals(1, fault.hits());
        assertTrue(emulator.executedUnlocks().isEmpty());
        assertEquals(500, emulator.requests().get(0).status());

        emulator.clearFaults();
        emulator.addFault(Fault.any().respond(418, null, "teapot"));
        Reply teapot = get("/");
        assertEquals(418, teapot.status());
        assertEquals("teapot", teapot.text());
        assertNull(teapot.header("Content-Type"));
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

        assertEquals("first", unlock(LOCK, KEY).text());
        assertEquals("first", get("/").text());
        assertEquals("second", unlock(LOCK, KEY).text());
        assertEquals("second", unlock(LOCK, KEY).text());
        assertEquals(503, unlock(OFFLINE_LOCK, KEY).status());
        assertEquals("pin", pin(LOCK, pinBody(0, 1, 2, KEY)).text());
        assertEquals(200, get("/").status()); // budget of "twice" used up, "always" is for UNLOCK only

        assertEquals(1, pinOnly.hits());
        assertEquals(1, otherLock.hits());
        assertEquals(2, twice.hits());
        assertEquals(2, always.hits());

        emulator.clearFaults();
        assertEquals(UNLOCKING, unlock(LOCK, KEY).text());
        assertEquals(1, emulator.executedUnlocks().size());
        assertEquals(2, always.hits());
    }

    @Test
    void forLockNeverMatchesRequestsWithoutLock() throws Exception {
        Fault fault = emulator.addFault(Fault.any().forLock(LOCK).respond(500, "text/plain", "x"));
        assertEquals(200, get("/").status());
        assertEquals(404, get("/nothing").status());
        assertEquals(500, pin(LOCK, pinBody(0, 1, 2, KEY)).status());
        assertEquals(1, fault.hits());
    }

    @Test
    void timesZeroNeverMatches() throws Exception {
        Fault fault = emulator.addFault(Fault.any().times(0).respond(500, "text/plain", "x"));
        assertEquals(200, get("/").status());
        assertEquals(0, fault.hits());
    }

    @Test
    void htmlErrorPages() throws Exception {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).htmlErrorPage(502));
        emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).htmlErrorPage(503));
        for (int status : new int[] { 502, 503 }) {
            Reply response = unlock(LOCK, KEY);
            assertEquals(status, response.status());
            assertContentType("text/html;charset=utf-8", response);
            assertTrue(response.text().contains("<html>"));
            assertTrue(response.text().contains(String.valueOf(status)));
        }
        assertTrue(emulator.executedUnlocks().isEmpty());
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
        emulator.addFault(Fault.on(Endpoint.UNLOCK).delay(Duration.ofMillis(200)));
        long start = System.nanoTime();
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200));
        ExecutedUnlock executed = emulator.executedUnlocks().get(0);
        assertTrue(Duration.between(executed.requestReceivedAt(), executed.executedAt()).toMillis() >= 190);
        // delay adds to the default delay
        emulator.setDefaultDelay(Duration.ofMillis(100));
        start = System.nanoTime();
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void delayThenFaultAction() throws Exception {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).delay(Duration.ofMillis(150)).malformedPin("12ab"));
        long start = System.nanoTime();
        KasCloudEmulatorTest.assertAnswer(pin(LOCK, pinBody(0, 1, 2, KEY)), 200, "12ab");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(150));
    }

    @Test
    void closeMidResponseFailsTheClient() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).closeMidResponse());
        assertThrows(IOException.class, () -> unlock(LOCK, KEY));
        assertEquals(1, fault.hits());
        assertEquals(200, emulator.requests().get(0).status());
        assertTrue(emulator.executedUnlocks().isEmpty());
        assertEquals(0, emulator.inFlight(KEY));

        // the response head did arrive: status and a Content-Length larger than the body that came
        AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
        assertUnlockFailsAfterTheHead(head);
        assertEquals(200, head.get().statusCode());
        assertEquals(String.valueOf(UNLOCKING.getBytes(StandardCharsets.UTF_8).length),
                head.get().headers().firstValue("Content-Length").orElseThrow());

        // on the wire: the whole head and exactly half of the body, then the end of the stream
        try (RawClient raw = rawUnlock()) {
            assertTrue(raw.readHead().contains("\r\nContent-Length: 20"));
            assertArrayEquals(java.util.Arrays.copyOf(UNLOCKING.getBytes(StandardCharsets.UTF_8), 10), raw.readToEnd());
        }
    }

    @Test
    void closeMidResponseAfterADelayFailsThePinCall() throws Exception {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).delay(Duration.ofMillis(100)).closeMidResponse());
        assertThrows(IOException.class, () -> pin(LOCK, pinBody(0, 1, 2, KEY)));
        assertEquals(0, emulator.inFlight(KEY));
    }

    @Test
    void resetConnectionBeforeAnyByte() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).resetConnection());
        try (RawClient raw = rawUnlock()) {
            // a real TCP reset, not an orderly end of the stream
            SocketException reset = assertThrows(SocketException.class, raw::readToEnd);
            assertTrue(reset.getMessage().toLowerCase(java.util.Locale.ROOT).contains("reset"), reset::toString);
        }
        assertEquals(1, fault.hits());
        assertEquals(0, emulator.requests().get(0).status());
        assertEquals(0, emulator.inFlight(KEY));
        assertTrue(emulator.executedUnlocks().isEmpty());
        // the next call is normal again
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
    }

    @Test
    void resetConnectionFailsAnHttpClientWithoutStatusLine() throws Exception {
        // no budget: the JDK client repeats a GET once when its connection fails before the first byte
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).resetConnection());
        AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
        assertUnlockFailsAfterTheHead(head);
        assertNull(head.get()); // no status line was received
        assertTrue(fault.hits() >= 1);
        assertEquals(0, emulator.inFlight(KEY));
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void resetConnectionAfterADelay() throws Exception {
        emulator.addFault(Fault.any().delay(Duration.ofMillis(100)).resetConnection());
        assertThrows(IOException.class, () -> get("/"));
        assertEquals(0, emulator.requests().get(0).status());
    }

    @Test
    void oversizedBodies() throws Exception {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).oversizedBody(100_000));
        emulator.addFault(Fault.on(Endpoint.UNLOCK).oversizedBody(20_001));
        Reply pin = pin(LOCK, pinBody(0, 1, 2, KEY));
        assertEquals(200, pin.status());
        assertEquals(100_000, pin.body().length);
        assertTrue(pin.text().chars().allMatch(Character::isDigit));
        assertTrue(pin.text().startsWith("01234567890123"));
        Reply unlock = unlock(LOCK, KEY);
        assertEquals(200, unlock.status());
        assertEquals(20_001, unlock.body().length);
        assertTrue(unlock.text().startsWith("Door is unlocking. Door is unlocking. "));
        assertEquals("20001", unlock.header("Content-Length"));
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
        HttpRequest impatient = HttpRequest.newBuilder(URI.create(unlockUrl(LOCK, KEY))).timeout(Duration.ofMillis(300))
                .build();
        assertThrows(HttpTimeoutException.class, () -> send(impatient));
        assertEquals(1, fault.hits());
        assertEquals(0, emulator.requests().get(0).status());
        assertTrue(emulator.executedUnlocks().isEmpty());
        // the client closed its connection when it gave up: the held request ends, its slot is free again
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.inFlight(KEY) == 0);
        assertEquals(0, fault.held());
        assertEquals(0, emulator.abortHeldRequests());
        emulator.clearFaults();
        KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
    }

    @Test
    void silentRequestsAreCountedAsHeldAndNotReleased() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.UNLOCK).silent());
        try (RawClient raw = rawUnlock()) {
            assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
            assertEquals(1, fault.held());
            assertEquals(0, fault.release()); // release() is for hold()
            assertEquals(1, fault.held());
            assertEquals(1, emulator.inFlight(KEY));
        } // the client gives up
        await().atMost(Duration.ofSeconds(5)).until(() -> fault.held() == 0 && emulator.inFlight(KEY) == 0);
    }

    @Test
    void abortHeldRequestsReleasesWaitingClients() throws Exception {
        Fault fault = emulator.addFault(Fault.on(Endpoint.PIN_CODE).silent());
        CompletableFuture<Reply> result = sendAsync(pinRequest(LOCK, pinBody(0, 1, 2, KEY)));
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        assertThrows(TimeoutException.class, () -> result.get(100, TimeUnit.MILLISECONDS));
        assertEquals(1, emulator.inFlight(KEY));
        assertEquals(1, fault.held());
        assertEquals(1, emulator.abortHeldRequests());
        assertEquals(0, emulator.inFlight(KEY));
        assertEquals(0, fault.held());
        assertEndedWithoutAnswer(result);
        assertEquals(0, emulator.abortHeldRequests());
        assertEquals(0, emulator.requests().get(0).status());
    }

    @Test
    void silentRequestsEndWhenTheEmulatorCloses() throws Exception {
        emulator.addFault(Fault.any().silent());
        CompletableFuture<Reply> result = sendAsync(getRequest("/"));
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        assertThrows(TimeoutException.class, () -> result.get(100, TimeUnit.MILLISECONDS));
        long start = System.nanoTime();
        emulator.close();
        assertEndedWithoutAnswer(result);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }

    @Test
    void builderRejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> Fault.any().times(-1));
        assertThrows(IllegalArgumentException.class, () -> Fault.any().delay(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Fault.any().oversizedBody(-1));
        assertThrows(IllegalArgumentException.class, () -> Fault.any().respond(42, null, ""));
        assertThrows(IllegalArgumentException.class, () -> Fault.any().respond(200, "text/plain\r\nX: y", ""));
        assertThrows(NullPointerException.class, () -> Fault.on(null));
        assertEquals(0, Fault.any().hits());
        assertEquals(0, Fault.any().held());
        assertEquals(0, Fault.any().hold().release());
    }
}
