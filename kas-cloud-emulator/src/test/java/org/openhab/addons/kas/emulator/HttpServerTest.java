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

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator's HTTP/1.1 server on the wire: persistent connections, {@code Connection: close}, HTTP/1.0, pipelining,
 * request bodies by length and chunked, {@code 100-continue}, and how it refuses what breaks the protocol.
 *
 * @author KAS binding contributors - Initial contribution
 */
class HttpServerTest extends EmulatorTestBase {

    private String unlockPath() {
        return "/api/lockCommand/remoteUnlock/" + LOCK + "/" + KEY;
    }

    private static String pinPost(String body, String extraFields) {
        return "POST /api/lockCommand/pinCode/" + LOCK
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraFields
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            RawClient.Response root = raw.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read();
            assertEquals(200, root.status());
            assertEquals("KAS cloud emulator", root.text());
            assertNull(root.headers().get("connection"), root.head());
            RawClient.Response unlock = raw.send("GET " + unlockPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").read();
            assertEquals(UNLOCKING, unlock.text());
            RawClient.Response pin = raw.send(pinPost(pinBody(0, 5, 1000, KEY), "")).read();
            assertEquals(KasCloudEmulator.pinFor(LOCK, 0, 5, 1000), pin.text());
            assertEquals(404, raw.send("GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
        }
        assertEquals(4, emulator.requests().size());
        assertEquals(1, emulator.executedUnlocks().size());
    }

    @Test
    void theJdkClientReusesItsConnection() throws Exception {
        for (int i = 0; i < 5; i++) {
            KasCloudEmulatorTest.assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        }
        assertEquals(5, emulator.executedUnlocks().size());
    }

    @Test
    void connectionCloseEndsTheConnectionAfterTheAnswer() throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            RawClient.Response answer = raw
                    .send("GET " + unlockPath() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").read();
            assertEquals(UNLOCKING, answer.text());
            assertEquals("close", answer.headers().get("connection"));
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            RawClient.Response answer = raw.send("GET / HTTP/1.0\r\n\r\n").read();
            assertTrue(answer.head().startsWith("HTTP/1.1 200 OK\r\n"), answer.head());
            assertEquals("close", answer.headers().get("connection"));
            assertTrue(raw.closedByServer());
        }
        try (RawClient raw = new RawClient(emulator.port())) {
            RawClient.Response first = raw.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read();
            assertEquals("keep-alive", first.headers().get("connection"));
            assertEquals(200, raw.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").read().status());
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            raw.send("GET /first HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"
                    + pinPost(pinBody(1, 2, 3, KEY), ""));
            assertEquals(404, raw.read().status());
            assertEquals("KAS cloud emulator", raw.read().text());
            assertEquals(KasCloudEmulator.pinFor(LOCK, 1, 2, 3), raw.read().text());
        }
    }

    @Test
    void chunkedRequestBody() throws Exception {
        String json = pinBody(1, 30, 1_700_000_000L, KEY);
        String first = json.substring(0, 10);
        String second = json.substring(10);
        String chunked = Integer.toHexString(first.length()) + "\r\n" + first + "\r\n"
                + Integer.toHexString(second.length()) + ";ext=1\r\n" + second + "\r\n0\r\nX-Trailer: t\r\n\r\n";
        try (RawClient raw = new RawClient(emulator.port())) {
            RawClient.Response answer = raw.send("POST /api/lockCommand/pinCode/" + LOCK
                    + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunked).read();
            assertEquals(200, answer.status());
            assertEquals(KasCloudEmulator.pinFor(LOCK, 1, 30, 1_700_000_000L), answer.text());
            assertEquals("8", answer.headers().get("content-length"));
            // the connection is still in step
            assertEquals(200, raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().status());
        }
        assertEquals(json.replace(KEY, "***"), emulator.requests().get(0).body());
    }

    @Test
    void expectContinueGetsAnInterimAnswerBeforeTheBody() throws Exception {
        String body = pinBody(0, 1, 2, KEY);
        try (RawClient raw = new RawClient(emulator.port())) {
            raw.send("POST /api/lockCommand/pinCode/" + LOCK + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n");
            assertEquals("HTTP/1.1 100 Continue", raw.readHead());
            assertEquals(KasCloudEmulator.pinFor(LOCK, 0, 1, 2), raw.send(body).read().text());
        }
    }

    @Test
    void aBodyIsReadAcrossSeveralWrites() throws Exception {
        String body = pinBody(0, 1, 2, KEY);
        try (RawClient raw = new RawClient(emulator.port())) {
            raw.send("POST /api/lockCommand/pinCode/" + LOCK + " HTTP/1.1\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body.substring(0, 5));
            Thread.sleep(50);
            raw.send(body.substring(5));
            assertEquals(KasCloudEmulator.pinFor(LOCK, 0, 1, 2), raw.read().text());
        }
    }

    @Test
    void bodiesBeyondTheLimitAreCut() throws Exception {
        String big = "{\"apiKey\":\"" + KEY + "\",\"pad\":\"" + "x".repeat(100_000) + "\"}";
        try (RawClient raw = new RawClient(emulator.port())) {
            RawClient.Response answer = raw.send(pinPost(big, "")).read();
            assertEquals(400, answer.status());
            assertEquals("Invalid parameters.", answer.text());
            assertEquals(200, raw.send("GET / HTTP/1.1\r\n\r\n").read().status());
        }
        String journaled = emulator.requests().get(0).body();
        assertTrue(journaled.startsWith("{\"apiKey\":\"***\",\"pad\":\"xxx"), journaled.substring(0, 40));
        assertEquals(RequestReader.MAX_BODY_BYTES - KEY.length() + 3, journaled.length());
    }

    @Test
    void headIsNotFoundAndHasNoBody() throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            RawClient.Response head = raw.send("HEAD " + unlockPath() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .readWithoutBody();
            assertTrue(head.head().startsWith("HTTP/1.1 404 Not Found"), head.head());
            assertEquals("9", head.headers().get("content-length"));
            // no body came: the next answer starts right away
            assertEquals("KAS cloud emulator", raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().text());
        }
        JournalEntry entry = emulator.requests().get(0);
        assertEquals("HEAD", entry.method());
        assertEquals(Endpoint.OTHER, entry.endpoint());
        assertEquals(404, entry.status());
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void hostIsOptionalAndTargetsMayBeAbsoluteOrHaveAQuery() throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            assertEquals(UNLOCKING,
                    raw.send("GET http://cloud.kas.com.au" + unlockPath() + " HTTP/1.1\r\n\r\n").read().text());
            assertEquals("KAS cloud emulator", raw.send("\r\nGET /?probe=1#top HTTP/1.1\r\n\r\n").read().text());
            assertEquals(200, raw.send("GET http://127.0.0.1 HTTP/1.1\r\n\r\n").read().status());
        }
        assertEquals("/api/lockCommand/remoteUnlock/SS000510/***", emulator.requests().get(0).maskedPath());
        assertEquals("/", emulator.requests().get(1).maskedPath());
    }

    @ParameterizedTest
    @ValueSource(strings = { "GARBAGE", "GET /", "GET / HTTP/1.1 extra", "GET  / HTTP/1.1", "G@T / HTTP/1.1",
            "GET / HTTX/1.1", "GET / HTTP/1", "GET /\u0001 HTTP/1.1", "\u0016\u0003\u0001\u0002\u0000\u0001" })
    void malformedRequestLinesAre400AndClose(String requestLine) throws Exception {
        assertRefused(requestLine + "\r\nHost: x\r\n\r\n", 400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "Bad Header|400", "' folded: value'|400", "Name : value|400", ": no name|400",
            "Content-Length: abc|400", "Content-Length: 1, 2|400", "Content-Length: -1|400",
            "Transfer-Encoding: gzip|400", "Transfer-Encoding: gzip, chunked|501",
            "Transfer-Encoding: chunked<CRLF>Content-Length: 3|400", "X-Stray: a<CR>b|400" })
    void malformedHeaderFieldsAreRefused(String field, int status) throws Exception {
        String fields = field.replace("<CRLF>", "\r\n").replace("<CR>", "\r");
        assertRefused("POST /api/lockCommand/pinCode/" + LOCK + " HTTP/1.1\r\nHost: x\r\n" + fields + "\r\n\r\n",
                status);
    }

    @Test
    void malformedChunksAre400() throws Exception {
        assertRefused("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400);
        assertRefused("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n", 400);
    }

    @Test
    void otherHttpVersionsAre505() throws Exception {
        assertRefused("GET / HTTP/2.0\r\n\r\n", 505);
    }

    @Test
    void oversizedHeadersAre431() throws Exception {
        String big = "X-Big: " + "a".repeat(RequestReader.MAX_HEAD_BYTES) + "\r\n";
        assertRefused("GET / HTTP/1.1\r\nHost: x\r\n" + big + "\r\n", 431);
        assertRefused("GET /" + "a".repeat(RequestReader.MAX_HEAD_BYTES) + " HTTP/1.1\r\n\r\n", 431);
        // just under the limit is fine
        String fits = "X-Big: " + "a".repeat(RequestReader.MAX_HEAD_BYTES - 100) + "\r\n";
        try (RawClient raw = new RawClient(emulator.port())) {
            assertEquals(200, raw.send("GET / HTTP/1.1\r\n" + fits + "\r\n").read().status());
        }
    }

    @Test
    void aClientLeavingMidRequestDoesNoHarm() throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            raw.send("POST /api/lockCommand/pinCode/" + LOCK + " HTTP/1.1\r\nContent-Length: 50\r\n\r\n{\"mo");
        }
        try (RawClient raw = new RawClient(emulator.port())) {
            raw.send("GET / HTT");
        }
        KasCloudEmulatorTest.assertAnswer(get("/"), 200, "KAS cloud emulator");
        assertFalse(emulator.awaitRequests(2, Duration.ofMillis(100)));
        assertEquals(1, emulator.requests().size());
    }

    /** The request is answered with that status and a short text, the connection closed, nothing journaled. */
    private void assertRefused(String request, int status) throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            RawClient.Response answer = raw.send(request.getBytes(StandardCharsets.ISO_8859_1)).read();
            assertEquals(status, answer.status(), answer::head);
            assertEquals("close", answer.headers().get("connection"));
            assertEquals(TEXT_UTF8, answer.headers().get("content-type"));
            assertTrue(answer.text().startsWith(status + " "), answer.text());
            assertFalse(answer.text().contains(KEY));
            assertTrue(raw.closedByServer());
        }
        assertTrue(emulator.requests().isEmpty());
    }
}
