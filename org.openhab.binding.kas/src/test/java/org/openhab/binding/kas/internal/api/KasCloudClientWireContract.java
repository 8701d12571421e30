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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.binding.kas.internal.api.RawHttpServer.RawRequest;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Tests of {@link KasCloudClient} through a real HTTP transport (each Jetty line runs them with its transport fixture,
 * see {@link TransportContractBase}) against a raw socket server: the exact request on the wire (method, path,
 * headers, JSON body) and answers that the emulator does not produce (charsets, chunked bodies, redirects, garbage).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class KasCloudClientWireContract extends TransportContractBase {

    private static final FactoryNumber LOCK = FactoryNumber.parse("SS000510");
    private static final byte[] UNLOCKING = RawHttpServer.answer(200, "text/plain; charset=utf-8",
            "Door is unlocking\u2026".getBytes(StandardCharsets.UTF_8));

    private @NonNullByDefault({}) RawHttpServer server;
    private @NonNullByDefault({}) KasCloudClient client;
    private final ApiKey key = ApiKey.parse(KEY);

    private HttpTransport transport() {
        return fixture().transport();
    }

    @BeforeEach
    void setUp() throws Exception {
        server = new RawHttpServer(UNLOCKING);
        client = new KasCloudClient(transport(), CloudBaseUrl.parse(server.baseUrl()), Duration.ofSeconds(5));
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        logs.assertNotContained(KEY);
    }

    // ---- what is sent

    @Test
    void unlockRequestOnTheWire() throws Exception {
        assertEquals(KasOutcome.ACCEPTED, await(client.remoteUnlock(LOCK, key)).outcome());
        RawRequest request = server.take();
        assertEquals("GET /api/lockCommand/remoteUnlock/SS000510/" + KEY + " HTTP/1.1", request.requestLine());
        assertEquals("application/json", request.headers().get("content-type"));
        String accept = request.headers().get("accept");
        assertNotNull(accept);
        assertTrue(accept != null && accept.startsWith("text/plain"), accept);
        assertEquals("", request.body());
    }

    @Test
    void pinCodeRequestOnTheWire() throws Exception {
        server.setAnswer(RawHttpServer.answer(200, "text/plain", "01234567".getBytes(StandardCharsets.US_ASCII)));
        KasResult result = await(client.createPinCode(LOCK, key, PinCodeRequest.of(0, 24, 1767225600)));
        assertEquals(KasOutcome.ACCEPTED, result.outcome());
        assertEquals("01234567", result.code());
        RawRequest request = server.take();
        assertEquals("POST /api/lockCommand/pinCode/SS000510 HTTP/1.1", request.requestLine());
        assertEquals("application/json", request.headers().get("content-type"));
        assertEquals("{\"mode\":0,\"duration\":24,\"startTime\":1767225600,\"apiKey\":\"" + KEY + "\"}",
                request.body());
        JsonObject json = JsonParser.parseString(request.body()).getAsJsonObject();
        assertEquals(Set.of("mode", "duration", "startTime", "apiKey"), json.keySet());
        assertEquals(KEY, json.get("apiKey").getAsString());
    }

    @Test
    void largestStartTimeIsAnInteger() throws Exception {
        server.setAnswer(RawHttpServer.answer(200, "text/plain", "12345678".getBytes(StandardCharsets.US_ASCII)));
        await(client.createPinCode(LOCK, key, PinCodeRequest.of(1, 61, Integer.MAX_VALUE)));
        assertTrue(server.take().body().contains("\"mode\":1,\"duration\":61,\"startTime\":2147483647,"));
    }

    @Test
    void pathPrefixOfTheBaseUrlIsKept() throws Exception {
        KasCloudClient prefixed = new KasCloudClient(transport(), CloudBaseUrl.parse(server.baseUrl() + "/kas/"),
                Duration.ofSeconds(5));
        await(prefixed.remoteUnlock(LOCK, key));
        assertEquals("GET /kas/api/lockCommand/remoteUnlock/SS000510/" + KEY + " HTTP/1.1",
                server.take().requestLine());
    }

    @Test
    void probeSendsNoKeyAndNoContentType() throws Exception {
        server.setAnswer(RawHttpServer.answer(404, "text/plain", "Not Found".getBytes(StandardCharsets.US_ASCII)));
        KasResult result = await(client.probe());
        assertEquals(KasOutcome.ACCEPTED, result.outcome());
        assertEquals(404, result.httpStatus());
        RawRequest request = server.take();
        assertEquals("GET / HTTP/1.1", request.requestLine());
        assertNull(request.headers().get("content-type"));
        assertFalse(request.headers().toString().contains(KEY));
    }

    // ---- decoding

    @Test
    void bodyWithoutCharsetIsUtf8() {
        server.setAnswer(
                RawHttpServer.answer(200, "text/plain", "Door is unlocking\u2026".getBytes(StandardCharsets.UTF_8)));
        KasResult result = await(client.remoteUnlock(LOCK, key));
        assertEquals(KasOutcome.ACCEPTED, result.outcome());
        assertFalse(result.message().contains("unusual"), result.message());
    }

    @Test
    void charsetOfTheContentTypeIsUsed() {
        server.setAnswer(RawHttpServer.answer(400, "text/plain; charset=ISO-8859-1",
                "Schl\u00fcssel ung\u00fcltig".getBytes(StandardCharsets.ISO_8859_1)));
        KasResult result = await(client.remoteUnlock(LOCK, key));
        assertEquals(KasOutcome.REJECTED, result.outcome());
        assertTrue(result.message().endsWith("Schl\u00fcssel ung\u00fcltig"), result.message());
    }

    @Test
    void unknownCharsetFallsBackToUtf8() {
        server.setAnswer(RawHttpServer.answer(400, "text/plain; charset=x-unknown-charset",
                "Invalid Token.".getBytes(StandardCharsets.UTF_8)));
        assertEquals(KasOutcome.INVALID_TOKEN, await(client.remoteUnlock(LOCK, key)).outcome());
    }

    // ---- bounded reading

    @Test
    void chunkedOversizedBodyIsCutOff() {
        server.setAnswer(RawHttpServer.chunkedAnswer(200, "text/plain", 200_000));
        KasResult result = await(client.remoteUnlock(LOCK, key));
        assertEquals(KasOutcome.UNEXPECTED_RESPONSE, result.outcome());
        assertTrue(result.message().contains("response larger than 16 KiB"), result.message());
    }

    @Test
    void chunkedBodyOfExactly16KiBIsRead() {
        server.setAnswer(RawHttpServer.chunkedAnswer(400, "text/plain", 16 * 1024));
        KasResult result = await(client.remoteUnlock(LOCK, key));
        assertEquals(KasOutcome.REJECTED, result.outcome());
        assertFalse(result.message().contains("larger"), result.message());
    }

    @Test
    void announcedOversizedBodyIsNotRead() {
        server.setAnswer(
                ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000000000\r\n\r\n" + "12345678")
                        .getBytes(StandardCharsets.US_ASCII));
        KasResult result = await(client.createPinCode(LOCK, key, PinCodeRequest.of(0, 1, 0)));
        assertEquals(KasOutcome.UNEXPECTED_RESPONSE, result.outcome());
        assertNull(result.code());
        assertTrue(result.message().contains("response larger than 16 KiB"), result.message());
    }

    @Test
    void oversizedErrorPageIsClassifiedByStatus() {
        server.setAnswer(RawHttpServer.chunkedAnswer(503, "text/html", 100_000));
        KasResult result = await(client.remoteUnlock(LOCK, key));
        assertEquals(KasOutcome.SERVICE_UNAVAILABLE, result.outcome());
        assertEquals(503, result.httpStatus());
        assertTrue(result.message().contains("response larger than 16 KiB"), result.message());
    }

    // ---- odd answers

    @Test
    void redirectIsNotFollowed() throws Exception {
        server.setAnswer(
                RawHttpServer.answer(302, "text/plain", new byte[0], "Location: " + server.baseUrl() + "/elsewhere"));
        KasResult result = await(client.remoteUnlock(LOCK, key));
        assertEquals(KasOutcome.UNEXPECTED_RESPONSE, result.outcome());
        assertEquals(302, result.httpStatus());
        assertTrue(result.message().contains("redirect"), result.message());
        server.take();
        // the result is the redirect itself: a followed redirect would have ended with the second answer
        assertEquals(0, server.pending(), "the redirect must not be followed");
    }

    @Test
    void garbageAnswerIsAResult() {
        server.setAnswer("SSH-2.0-OpenSSH_9.6\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        KasResult result = await(client.remoteUnlock(LOCK, key));
        assertEquals(KasOutcome.UNEXPECTED_RESPONSE, result.outcome(), result.toString());
        assertEquals(0, result.httpStatus(), "no status line was received");
        assertTrue(result.message().contains("invalid HTTP answer"), result.message());
    }

    @Test
    void emptyAnswerIsACommunicationError() {
        server.setAnswer(new byte[0]);
        KasResult result = await(client.remoteUnlock(LOCK, key));
        assertEquals(KasOutcome.COMMUNICATION_ERROR, result.outcome(), result.toString());
        assertTrue(result.message().contains("closed"), result.message());
    }
}
