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
package org.openhab.binding.kas.internal.api;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.JournalEntry;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.core.standin.testing.LogCapture;

import ch.qos.logback.classic.Level;

/**
 * Contract tests of {@link KasCloudClient} against the KAS cloud emulator over loopback, through a real HTTP transport
 * (each Jetty line runs them with its transport fixture, see {@link TransportContractBase}): every outcome, what is
 * sent, cancellation, and that the API key never reaches a log line.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class KasCloudClientContract extends TransportContractBase {

    static final String OTHER_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvdGhlci1hY2NvdW50In0.b3RoZXItc2lnbmF0dXJl";
    static final String UNKNOWN_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1bmtub3duIn0.dW5rbm93bi1zaWduYXR1cmU";

    static final FactoryNumber ONLINE = FactoryNumber.parse("SS000510");
    static final FactoryNumber OFFLINE = FactoryNumber.parse("UL000777");
    static final FactoryNumber NOT_ADMIN = FactoryNumber.parse("SS000999");
    static final FactoryNumber FOREIGN = FactoryNumber.parse("SS000888");
    static final FactoryNumber UNKNOWN = FactoryNumber.parse("SS123456");

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    private @NonNullByDefault({}) KasCloudEmulator emulator;
    private @NonNullByDefault({}) KasCloudClient client;

    private final ApiKey key = ApiKey.parse(KEY);

    @BeforeEach
    void setUp() {
        emulator = KasCloudEmulator.start();
        emulator.addAccount(KEY);
        emulator.addAccount(OTHER_KEY);
        emulator.addLock(ONLINE.value(), KEY, true, true);
        emulator.addLock(OFFLINE.value(), KEY, true, false);
        emulator.addLock(NOT_ADMIN.value(), KEY, false, true);
        emulator.addLock(FOREIGN.value(), OTHER_KEY, true, true);
        client = clientFor(emulator.baseUrl(), TIMEOUT);
    }

    @AfterEach
    void tearDown() {
        emulator.close();
        for (String secret : List.of(KEY, OTHER_KEY, UNKNOWN_KEY, "c2VjcmV0LXNpZ25hdHVyZV8tX3Rlc3Q")) {
            logs.assertNotContained(secret);
        }
        for (LogCapture.Event event : logs.events("org.openhab.binding.kas")) {
            assertNull(event.throwable(), "no stack trace expected: " + event);
            assertTrue(event.level().toInt() <= Level.DEBUG.toInt(), "only DEBUG and TRACE expected: " + event);
        }
    }

    private KasCloudClient clientFor(String baseUrl, Duration timeout) {
        return new KasCloudClient(fixture().transport(), CloudBaseUrl.parse(baseUrl), timeout);
    }

    private static void assertOutcome(KasOutcome expected, KasResult result) {
        assertEquals(expected, result.outcome(), result.toString());
    }

    private JournalEntry onlyRequest() {
        List<JournalEntry> requests = emulator.requests();
        assertEquals(1, requests.size(), requests.toString());
        return requests.get(0);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // ---- the maximum age, asked when the request can be written

    @Test
    void anUnlockNoLongerWantedWhenItCouldBeWrittenIsNotSent() {
        KasResult result = await(client.remoteUnlock(ONLINE, key, () -> false));

        assertOutcome(KasOutcome.EXPIRED, result);
        assertTrue(result.message().contains("not sent"), result.message());
        assertFalse(result.message().contains("may or may not"), result.message());
        assertEquals(List.of(), emulator.requests(), "nothing reached the cloud");
    }

    @Test
    void anUnlockWaitingInTheHttpClientForAConnectionIsAskedWhenItCanBeWritten() {
        KasCloudClient oneConnection = new KasCloudClient(fixture().singleConnectionTransport(),
                CloudBaseUrl.parse(emulator.baseUrl()), TIMEOUT);
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).hold());
        CompletableFuture<KasResult> first = oneConnection.remoteUnlock(ONLINE, key);
        awaitHeld(hold);
        AtomicBoolean wanted = new AtomicBoolean(true);
        AtomicInteger asked = new AtomicInteger();
        CompletableFuture<KasResult> second = oneConnection.remoteUnlock(ONLINE, key, () -> {
            asked.incrementAndGet();
            return wanted.get();
        });

        // it waits for the only connection: not asked yet; meanwhile its maximum age passes
        assertEquals(0, asked.get());
        wanted.set(false);
        assertEquals(1, hold.release());

        assertOutcome(KasOutcome.ACCEPTED, await(first));
        assertOutcome(KasOutcome.EXPIRED, await(second));
        assertEquals(1, asked.get(), "asked once, when the connection was free");
        assertEquals(1, emulator.requests().size(), "only the first unlock reached the cloud");
    }

    /** Waits until the emulator holds one call of the fault (the client's call is on the wire). */
    private static void awaitHeld(Fault hold) {
        long end = System.nanoTime() + TIMEOUT.toNanos();
        while (hold.held() < 1) {
            assertTrue(System.nanoTime() < end, "the emulator holds the call");
            Thread.onSpinWait();
        }
    }

    // ---- success

    @Test
    void unlockAccepted() {
        KasResult result = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.ACCEPTED, result);
        assertEquals(200, result.httpStatus());
        assertEquals(ConnectionFailure.NONE, result.connectionFailure());
        assertNull(result.code());
        assertTrue(result.message().startsWith("Unlock command accepted"), result.message());
        JournalEntry request = onlyRequest();
        assertEquals("GET", request.method());
        assertEquals("/api/lockCommand/remoteUnlock/SS000510/***", request.maskedPath());
        assertEquals(Endpoint.UNLOCK, request.endpoint());
        assertEquals("SS000510", request.factoryNumber());
        assertEquals(200, request.status());
        assertEquals(1, emulator.executedUnlocks().size());
    }

    @Test
    void unlockLogsOneMaskedLinePerRequestAndOutcome() {
        await(client.remoteUnlock(ONLINE, key));
        List<LogCapture.Event> debug = logs.events(KasCloudClient.class.getName()).stream()
                .filter(e -> e.level() == Level.DEBUG).toList();
        assertEquals(2, debug.size(), debug.toString());
        String masked = emulator.baseUrl() + "/api/lockCommand/remoteUnlock/SS000510/***";
        assertTrue(debug.get(0).message().contains("GET " + masked), debug.get(0).message());
        assertTrue(debug.get(1).message().contains("-> ACCEPTED (HTTP 200"), debug.get(1).message());
        assertTrue(logs.anyMatch(e -> e.level() == Level.TRACE && e.message().contains("Door is unlocking")));
    }

    @Test
    void pinCodeWithLeadingZeroKeptAsText() {
        long startTime = 1767225600L;
        while (!KasCloudEmulator.pinFor(ONLINE.value(), 0, 24, startTime).startsWith("0")) {
            startTime++;
            assertTrue(startTime < 1767225600L + 100_000, "no PIN with leading zero found");
        }
        String expected = KasCloudEmulator.pinFor(ONLINE.value(), 0, 24, startTime);
        KasResult result = await(client.createPinCode(ONLINE, key, PinCodeRequest.of(0, 24, startTime)));
        assertOutcome(KasOutcome.ACCEPTED, result);
        assertEquals(expected, result.code());
        assertTrue(expected.startsWith("0"));
        assertEquals(8, expected.length());
        assertFalse(result.message().contains(expected));
        assertFalse(logs.contains(expected), "the PIN code must not be logged");

        JournalEntry request = onlyRequest();
        assertEquals("POST", request.method());
        assertEquals("/api/lockCommand/pinCode/SS000510", request.maskedPath());
        assertEquals(Endpoint.PIN_CODE, request.endpoint());
        assertEquals("{\"mode\":0,\"duration\":24,\"startTime\":" + startTime + ",\"apiKey\":\"***\"}", request.body());
    }

    @Test
    void pinCodeWorksWithGatewayOffline() {
        KasResult result = await(client.createPinCode(OFFLINE, key, PinCodeRequest.of(1, 61, Integer.MAX_VALUE)));
        assertOutcome(KasOutcome.ACCEPTED, result);
        assertEquals(KasCloudEmulator.pinFor(OFFLINE.value(), 1, 61, Integer.MAX_VALUE), result.code());
    }

    @Test
    void probeIsKeylessAndReportsReachable() {
        KasResult result = await(client.probe());
        assertOutcome(KasOutcome.ACCEPTED, result);
        assertEquals(200, result.httpStatus());
        assertTrue(result.message().contains("reachable (HTTP 200)"), result.message());
        JournalEntry request = onlyRequest();
        assertEquals("GET", request.method());
        assertEquals("/", request.maskedPath());
        assertEquals(Endpoint.ROOT, request.endpoint());
    }

    @Test
    void probeCountsAnyStatusAsReachable() {
        emulator.addFault(Fault.any().htmlErrorPage(503));
        KasResult result = await(client.probe());
        assertOutcome(KasOutcome.ACCEPTED, result);
        assertEquals(503, result.httpStatus());
        assertTrue(result.message().contains("HTTP 503"), result.message());
    }

    // ---- 400

    @Test
    void notAdmin() {
        assertOutcome(KasOutcome.NOT_ADMIN, await(client.remoteUnlock(NOT_ADMIN, key)));
        assertOutcome(KasOutcome.NOT_ADMIN, await(client.createPinCode(NOT_ADMIN, key, PinCodeRequest.of(0, 1, 0))));
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void invalidToken() {
        ApiKey unknown = ApiKey.parse(UNKNOWN_KEY);
        KasResult result = await(client.remoteUnlock(ONLINE, unknown));
        assertOutcome(KasOutcome.INVALID_TOKEN, result);
        assertEquals(400, result.httpStatus());
        assertOutcome(KasOutcome.INVALID_TOKEN,
                await(client.createPinCode(ONLINE, unknown, PinCodeRequest.of(0, 1, 0))));
    }

    @Test
    void invalidTokenAfterKeyRotation() {
        assertOutcome(KasOutcome.ACCEPTED, await(client.remoteUnlock(ONLINE, key)));
        emulator.removeAccount(KEY);
        assertOutcome(KasOutcome.INVALID_TOKEN, await(client.remoteUnlock(ONLINE, key)));
    }

    @Test
    void lockNotFound() {
        assertOutcome(KasOutcome.LOCK_NOT_FOUND, await(client.remoteUnlock(UNKNOWN, key)));
        assertOutcome(KasOutcome.LOCK_NOT_FOUND, await(client.remoteUnlock(FOREIGN, key)));
        assertOutcome(KasOutcome.LOCK_NOT_FOUND, await(client.createPinCode(UNKNOWN, key, PinCodeRequest.of(0, 1, 0))));
    }

    @Test
    void otherBadRequestIsRejected() {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).respond(400, "text/plain", "Lock is busy.\nTry later."));
        KasResult result = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.REJECTED, result);
        assertEquals("The KAS cloud rejected the request (HTTP 400): Lock is busy.", result.message());
    }

    @Test
    void rejectedBodyEchoingTheKeyIsMasked() {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).respond(400, "text/plain", "Bad key " + KEY + " given"));
        KasResult result = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.REJECTED, result);
        assertFalse(result.message().contains(KEY), result.message());
        assertTrue(result.message().contains("Bad key *** given"), result.message());
    }

    // ---- 5xx, 429

    @Test
    void serverError() {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).respond(500, "text/plain", "Unknown Error"));
        KasResult result = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.SERVER_ERROR, result);
        assertEquals(500, result.httpStatus());
    }

    @Test
    void gatewayOfflineGives504() {
        KasResult result = await(client.remoteUnlock(OFFLINE, key));
        assertOutcome(KasOutcome.GATEWAY_TIMEOUT, result);
        assertEquals(504, result.httpStatus());
        assertTrue(result.message().contains("KAS reference: "), result.message());
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void gatewayTimeoutFault() {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).gatewayTimeout());
        assertOutcome(KasOutcome.GATEWAY_TIMEOUT, await(client.remoteUnlock(ONLINE, key)));
    }

    @ParameterizedTest
    @ValueSource(ints = { 502, 503 })
    void htmlErrorPageIsServiceUnavailable(int status) {
        emulator.addFault(Fault.any().htmlErrorPage(status));
        KasResult result = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.SERVICE_UNAVAILABLE, result);
        assertEquals(status, result.httpStatus());
        assertFalse(result.message().contains("<"), result.message());
        assertOutcome(KasOutcome.SERVICE_UNAVAILABLE,
                await(client.createPinCode(ONLINE, key, PinCodeRequest.of(0, 1, 0))));
    }

    @Test
    void tooManyRequests() {
        emulator.addFault(Fault.any().respond(429, "text/plain", "Too Many Requests"));
        assertOutcome(KasOutcome.SERVICE_UNAVAILABLE, await(client.remoteUnlock(ONLINE, key)));
    }

    @Test
    void unknownStatusIsUnexpected() {
        emulator.addFault(Fault.any().respond(418, "text/plain", "I'm a teapot"));
        KasResult result = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.UNEXPECTED_RESPONSE, result);
        assertEquals(418, result.httpStatus());
    }

    // ---- malformed answers

    @ParameterizedTest
    @ValueSource(strings = { "", "abc", "1234-5678", "<html><body>Login</body></html>", "{\"code\":12345678}" })
    void malformedPinIsUnexpected(String body) {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).malformedPin(body));
        KasResult result = await(client.createPinCode(ONLINE, key, PinCodeRequest.of(0, 24, 1767225600)));
        assertOutcome(KasOutcome.UNEXPECTED_RESPONSE, result);
        assertNull(result.code());
    }

    @Test
    void oversizedBodyIsUnexpected() {
        emulator.addFault(Fault.any().oversizedBody(1024 * 1024));
        KasResult unlock = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.UNEXPECTED_RESPONSE, unlock);
        assertTrue(unlock.message().contains("response larger than 16 KiB"), unlock.message());
        KasResult pin = await(client.createPinCode(ONLINE, key, PinCodeRequest.of(0, 24, 1767225600)));
        assertOutcome(KasOutcome.UNEXPECTED_RESPONSE, pin);
        assertNull(pin.code());
    }

    @Test
    void bodyOfExactly16KiBIsRead() {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).oversizedBody(16 * 1024));
        KasResult result = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.ACCEPTED, result);
        assertTrue(result.message().contains("unusual answer"), result.message());
    }

    // ---- transport failures

    @Test
    void silentServerTimesOut() {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).silent());
        KasCloudClient impatient = clientFor(emulator.baseUrl(), SHORT_TIMEOUT);
        long start = System.nanoTime();
        KasResult result = await(impatient.remoteUnlock(ONLINE, key));
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertOutcome(KasOutcome.TIMEOUT, result);
        assertEquals(ConnectionFailure.TIMEOUT, result.connectionFailure());
        assertEquals(0, result.httpStatus());
        assertTrue(result.message().contains("within 400 ms"), result.message());
        assertTrue(result.message().contains("may or may not have been executed"), result.message());
        assertTrue(elapsedMillis >= 350 && elapsedMillis < 10_000, "elapsed " + elapsedMillis);
    }

    @Test
    void slowServerTimesOut() {
        // a slow cloud: the answer is held until the emulator closes, long after the time-out
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).hold());
        KasCloudClient impatient = clientFor(emulator.baseUrl(), SHORT_TIMEOUT);
        assertOutcome(KasOutcome.TIMEOUT, await(impatient.createPinCode(ONLINE, key, PinCodeRequest.of(0, 1, 0))));
    }

    @Test
    void probeTimesOut() {
        emulator.addFault(Fault.any().silent());
        KasResult result = await(clientFor(emulator.baseUrl(), SHORT_TIMEOUT).probe());
        assertOutcome(KasOutcome.TIMEOUT, result);
        assertEquals(ConnectionFailure.TIMEOUT, result.connectionFailure());
    }

    @Test
    void connectionRefused() throws IOException {
        KasCloudClient refused = clientFor("http://127.0.0.1:" + closedPort(), TIMEOUT);
        KasResult result = await(refused.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.COMMUNICATION_ERROR, result);
        assertEquals(0, result.httpStatus());
        assertTrue(result.message().contains("refused"), result.message());
        assertEquals(ConnectionFailure.REFUSED, result.connectionFailure());
        KasResult probe = await(refused.probe());
        assertOutcome(KasOutcome.COMMUNICATION_ERROR, probe);
        assertEquals(ConnectionFailure.REFUSED, probe.connectionFailure());
    }

    @Test
    void connectionReset() {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).resetConnection());
        KasResult result = await(client.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.COMMUNICATION_ERROR, result);
        assertTrue(result.message().matches(".*connection was (reset|closed) by 127\\.0\\.0\\.1:\\d+ before.*"),
                result.message());
        assertEquals(ConnectionFailure.CONNECTION_LOST, result.connectionFailure());
        assertTrue(result.message().contains("may or may not have been executed"), result.message());
    }

    @Test
    void connectionClosedMidResponse() {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).closeMidResponse());
        KasResult result = await(client.createPinCode(ONLINE, key, PinCodeRequest.of(0, 1, 0)));
        assertOutcome(KasOutcome.COMMUNICATION_ERROR, result);
        assertNull(result.code());
        assertEquals(200, result.httpStatus());
        assertTrue(result.message().contains("(HTTP 200)"), result.message());
        assertEquals(ConnectionFailure.CONNECTION_LOST, result.connectionFailure());
    }

    @Test
    void unresolvableHost() {
        // resolve nothing, so that the test sends no DNS query at all; .invalid is a reserved name anyway
        KasCloudClient unresolvable = new KasCloudClient(fixture().unresolvingTransport(),
                CloudBaseUrl.parse("https://kas-nonexistent.invalid"), TIMEOUT);
        KasResult result = await(unresolvable.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.COMMUNICATION_ERROR, result);
        assertTrue(result.message().contains("'kas-nonexistent.invalid'"), result.message());
        assertTrue(result.message().contains("could not be resolved"), result.message());
        assertEquals(ConnectionFailure.UNKNOWN_HOST, result.connectionFailure());
        KasResult probe = await(unresolvable.probe());
        assertOutcome(KasOutcome.COMMUNICATION_ERROR, probe);
        assertEquals(ConnectionFailure.UNKNOWN_HOST, probe.connectionFailure());
    }

    @Test
    void stoppedHttpClientGivesAResultNotAnException() {
        KasCloudClient unusable = new KasCloudClient(fixture().stoppedTransport(),
                CloudBaseUrl.parse(emulator.baseUrl()), TIMEOUT);
        KasResult result = await(unusable.remoteUnlock(ONLINE, key));
        assertOutcome(KasOutcome.COMMUNICATION_ERROR, result);
        assertTrue(result.message().contains("HTTP client is not running"), result.message());
        assertEquals(ConnectionFailure.NOT_SENT, result.connectionFailure());
        assertTrue(emulator.requests().isEmpty());
    }

    @Test
    void theLongestKeyIsSentOrCertainlyNotSent() {
        // with its default limits, Jetty 9.4's client (openHAB 5.0 to 5.2) has a 4096-byte buffer for the request
        // line and headers, which the longest accepted key does not fit; Jetty 12's (5.3 on) takes 8192 bytes. A
        // request that does not fit fails before a byte of it is written, so the unlock was certainly not executed.
        String longest = "k".repeat(ApiKey.MAX_LENGTH);
        emulator.addAccount(longest);
        emulator.addLock("SS000511", longest, true, true);
        boolean fits = ApiKey.MAX_LENGTH + 200 < fixture().requestHeadersLimit();
        KasResult result = await(client.remoteUnlock(FactoryNumber.parse("SS000511"), ApiKey.parse(longest)));
        if (fits) {
            assertOutcome(KasOutcome.ACCEPTED, result);
            assertEquals(1, emulator.requests().size());
        } else {
            assertOutcome(KasOutcome.COMMUNICATION_ERROR, result);
            assertEquals(ConnectionFailure.NOT_SENT, result.connectionFailure());
            assertTrue(result.message().startsWith("The request could not be sent, it is too large for openHAB's HTTP "
                    + "client (API keys of more than about 3800 characters): "), result.message());
            assertFalse(result.message().contains("may or may not"), result.message());
            assertTrue(emulator.requests().isEmpty(), "nothing reached the cloud");
        }
        assertFalse(result.message().contains(longest), result.message());
        logs.assertNotContained(longest);
    }

    // ---- cancellation

    @Test
    void cancelAbortsTheRequest() throws Exception {
        emulator.addFault(Fault.on(Endpoint.UNLOCK).silent());
        CompletableFuture<KasResult> future = client.remoteUnlock(ONLINE, key);
        assertTrue(emulator.awaitRequests(1, TIMEOUT));
        assertTrue(future.cancel(true));
        KasResult result = await(future);
        assertOutcome(KasOutcome.CANCELLED, result);
        assertFalse(future.isCancelled(), "completes normally with CANCELLED");
        assertFalse(future.cancel(true), "a second cancel changes nothing");
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void cancelRightAfterTheCallGivesCancelled() {
        // held, so that the answer cannot come before the cancel, however fast the emulator is
        emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        CompletableFuture<KasResult> future = client.remoteUnlock(ONLINE, key);
        future.cancel(true);
        assertOutcome(KasOutcome.CANCELLED, await(future));
    }

    @Test
    void cancelAfterCompletionChangesNothing() {
        CompletableFuture<KasResult> future = client.remoteUnlock(ONLINE, key);
        KasResult result = await(future);
        assertFalse(future.cancel(true));
        assertSame(result, await(future));
        assertOutcome(KasOutcome.ACCEPTED, result);
    }

    @Test
    void dependentStagesSeeTheCancelledResult() throws Exception {
        emulator.addFault(Fault.on(Endpoint.PIN_CODE).silent());
        CompletableFuture<KasResult> future = client.createPinCode(ONLINE, key, PinCodeRequest.of(0, 1, 0));
        CompletableFuture<KasOutcome> outcome = future.thenApply(KasResult::outcome);
        assertTrue(emulator.awaitRequests(1, TIMEOUT));
        future.cancel(false);
        assertEquals(KasOutcome.CANCELLED, outcome.get(10, TimeUnit.SECONDS));
    }

    // ---- construction

    @Test
    void rejectsUnreasonableTimeouts() {
        CloudBaseUrl url = CloudBaseUrl.parse(emulator.baseUrl());
        assertThrows(IllegalArgumentException.class,
                () -> new KasCloudClient(fixture().transport(), url, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new KasCloudClient(fixture().transport(), url, Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new KasCloudClient(fixture().transport(), url, Duration.ofHours(1)));
        KasCloudClient ok = new KasCloudClient(fixture().transport(), url, Duration.ofSeconds(10));
        assertEquals(Duration.ofSeconds(10), ok.requestTimeout());
        assertEquals(url, ok.baseUrl());
    }
}
