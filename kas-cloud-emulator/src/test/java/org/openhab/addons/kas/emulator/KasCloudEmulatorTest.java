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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The documented answers of the emulated KAS cloud, its business order, state changes, journal and life cycle, over
 * real HTTP.
 *
 * @author KAS binding contributors - Initial contribution
 */
class KasCloudEmulatorTest extends EmulatorTestBase {

    @Test
    void rootAnswersWithoutKey() throws Exception {
        Reply response = get("/");
        assertEquals(200, response.status());
        assertEquals("KAS cloud emulator", response.text());
        assertContentType(TEXT_UTF8, response);
        JournalEntry entry = emulator.requests().get(0);
        assertEquals(Endpoint.ROOT, entry.endpoint());
        assertNull(entry.factoryNumber());
        assertEquals("/", entry.maskedPath());
        assertEquals(200, entry.status());
    }

    @Test
    void unknownPathsAndMethodsAre404() throws Exception {
        assertEquals(404, get("/api/lockCommand/unknown/SS000510").status());
        assertEquals(404, get("/api/lockCommand/pinCode/SS000510").status()); // GET instead of POST
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(unlockUrl(LOCK, KEY)))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(TIMEOUT).build()).status());
        assertEquals(404, get("/api/lockCommand/remoteUnlock/SS000510/").status()); // empty key
        assertEquals(404, get("/api/lockCommand/remoteUnlock/SS000510").status()); // no key
        assertEquals(404, get("/api/lockCommand/remoteUnlock/SS000510/" + KEY + "/more").status());
        assertTrue(emulator.requests().stream().allMatch(e -> e.endpoint() == Endpoint.OTHER && e.status() == 404));
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void acceptedUnlockIsQueuedAndExecuted() throws Exception {
        Reply response = unlock(LOCK, KEY);
        assertEquals(200, response.status());
        assertEquals(UNLOCKING, response.text());
        assertContentType(TEXT_UTF8, response);
        assertArrayEquals("Door is unlocking\u2026".getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals("20", response.header("Content-Length"));

        List<ExecutedUnlock> executed = emulator.executedUnlocks();
        assertEquals(1, executed.size());
        assertEquals(LOCK, executed.get(0).factoryNumber());
        assertFalse(executed.get(0).executedAt().isBefore(executed.get(0).requestReceivedAt()));

        JournalEntry entry = emulator.requests().get(0);
        assertEquals(Endpoint.UNLOCK, entry.endpoint());
        assertEquals("GET", entry.method());
        assertEquals(LOCK, entry.factoryNumber());
        assertEquals(200, entry.status());
        assertEquals("/api/lockCommand/remoteUnlock/SS000510/***", entry.maskedPath());
        assertEquals("", entry.body());
        assertEquals(executed.get(0).requestReceivedAt(), entry.receivedAt());
    }

    @Test
    void wireFormatIsExact() throws Exception {
        String unlock = rawGet("/api/lockCommand/remoteUnlock/" + LOCK + "/" + KEY);
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain;charset=utf-8\r\nContent-Length: 20\r\n"
                + "Connection: close\r\n\r\nDoor is unlocking\u2026", unlock);
        String offline = rawGet("/api/lockCommand/remoteUnlock/" + OFFLINE_LOCK + "/" + KEY);
        assertTrue(offline.startsWith("HTTP/1.1 504 Gateway Timeout\r\n"), offline);
        assertTrue(offline.contains("\r\nContent-Type: application/json;charset=utf-8\r\n"), offline);
        assertFalse(offline.contains("Server:"), offline);
        String notFound = rawGet("/nothing");
        assertEquals("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain;charset=utf-8\r\nContent-Length: 9\r\n"
                + "Connection: close\r\n\r\nNot Found", notFound);
    }

    private String rawGet(String path) throws IOException {
        try (RawClient raw = new RawClient(emulator.port())) {
            raw.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nConnection: close\r\n\r\n");
            return new String(raw.readToEnd(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void unlockBusinessOrder() throws Exception {
        // unknown key first, whatever the lock
        assertAnswer(unlock("SS999999", "not-a-key"), 400, "Invalid Token.");
        assertAnswer(unlock(OFFLINE_LOCK, "not-a-key"), 400, "Invalid Token.");
        // then unknown lock, or a lock of another account
        assertAnswer(unlock("SS999999", KEY), 400, "Lock is not found.");
        assertAnswer(unlock(FOREIGN_LOCK, KEY), 400, "Lock is not found.");
        // then the admin right, before the gateway
        emulator.setGatewayOnline(NOT_ADMIN_LOCK, false);
        assertAnswer(unlock(NOT_ADMIN_LOCK, KEY), 400, "You are not the admin.");
        // then the gateway
        Reply offline = unlock(OFFLINE_LOCK, KEY);
        assertGatewayTimeout(offline);
        assertTrue(emulator.executedUnlocks().isEmpty());
        assertEquals(List.of(400, 400, 400, 400, 400, 504),
                emulator.requests().stream().map(JournalEntry::status).toList());
    }

    @Test
    void stateChangesApplyToLaterCalls() throws Exception {
        emulator.setAdmin(LOCK, false);
        assertAnswer(unlock(LOCK, KEY), 400, "You are not the admin.");
        emulator.setAdmin(LOCK, true);
        emulator.setGatewayOnline(LOCK, false);
        assertGatewayTimeout(unlock(LOCK, KEY));
        emulator.setGatewayOnline(LOCK, true);
        assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        emulator.removeLock(LOCK);
        assertAnswer(unlock(LOCK, KEY), 400, "Lock is not found.");
        emulator.addLock(LOCK, KEY, true, true);
        emulator.removeAccount(KEY);
        assertAnswer(unlock(LOCK, KEY), 400, "Invalid Token.");
        emulator.addAccount(KEY);
        assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        assertEquals(2, emulator.executedUnlocks().size());
        assertThrows(IllegalArgumentException.class, () -> emulator.setAdmin("SS404", true));
        assertThrows(IllegalArgumentException.class, () -> emulator.setGatewayOnline("SS404", true));
        assertThrows(IllegalArgumentException.class, () -> emulator.addAccount(""));
    }

    @Test
    void keyMayBeAnyRegisteredString() throws Exception {
        String odd = "k+e=y~with.odd_chars-and-\u00e9";
        emulator.addAccount(odd);
        emulator.addLock("SS000777", odd, true, true);
        assertAnswer(unlock("SS000777", odd), 200, UNLOCKING);
        assertFalse(emulator.requests().toString().contains(odd));
    }

    @Test
    void pinCodeAnswersTheDeterministicCode() throws Exception {
        Reply response = pin(LOCK, pinBody(1, 61, 1_700_000_000L, KEY));
        assertAnswer(response, 200, KasCloudEmulator.pinFor(LOCK, 1, 61, 1_700_000_000L));
        assertTrue(response.text().matches("\\d{8}"));
        // no gateway needed
        assertAnswer(pin(OFFLINE_LOCK, pinBody(0, 0, 0, KEY)), 200, KasCloudEmulator.pinFor(OFFLINE_LOCK, 0, 0, 0));
        assertAnswer(pin(LOCK, pinBody(0, 5, Integer.MAX_VALUE, KEY)), 200,
                KasCloudEmulator.pinFor(LOCK, 0, 5, Integer.MAX_VALUE));
        // same order of checks as unlock
        assertAnswer(pin("SS999999", pinBody(0, 1, 100, "nope")), 400, "Invalid Token.");
        assertAnswer(pin("SS999999", pinBody(0, 1, 100, KEY)), 400, "Lock is not found.");
        assertAnswer(pin(FOREIGN_LOCK, pinBody(0, 1, 100, KEY)), 400, "Lock is not found.");
        assertAnswer(pin(NOT_ADMIN_LOCK, pinBody(0, 1, 100, KEY)), 400, "You are not the admin.");
        assertTrue(emulator.executedUnlocks().isEmpty());
        JournalEntry entry = emulator.requests().get(0);
        assertEquals(Endpoint.PIN_CODE, entry.endpoint());
        assertEquals("POST", entry.method());
        assertEquals(LOCK, entry.factoryNumber());
        assertEquals("/api/lockCommand/pinCode/SS000510", entry.maskedPath());
        assertEquals("{\"mode\":1,\"duration\":61,\"startTime\":1700000000,\"apiKey\":\"***\"}", entry.body());
    }

    @Test
    void pinCodeWithLeadingZeroKeepsIt() throws Exception {
        long startTime = PinForTest.startTimeWithLeadingZero(LOCK, 0, 10);
        Reply response = pin(LOCK, pinBody(0, 10, startTime, KEY));
        assertEquals(200, response.status());
        assertTrue(response.text().startsWith("0"), response.text());
        assertEquals(8, response.text().length());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "not json", "[]", "null", "{}", "{\"duration\":1,\"startTime\":1,\"apiKey\":\"K\"}",
            "{\"mode\":2,\"duration\":1,\"startTime\":1,\"apiKey\":\"K\"}",
            "{\"mode\":-1,\"duration\":1,\"startTime\":1,\"apiKey\":\"K\"}",
            "{\"mode\":0,\"duration\":62,\"startTime\":1,\"apiKey\":\"K\"}",
            "{\"mode\":0,\"duration\":-1,\"startTime\":1,\"apiKey\":\"K\"}",
            "{\"mode\":0,\"duration\":1,\"startTime\":-1,\"apiKey\":\"K\"}",
            "{\"mode\":0,\"duration\":1,\"startTime\":2147483648,\"apiKey\":\"K\"}",
            "{\"mode\":0,\"duration\":1,\"startTime\":1e30,\"apiKey\":\"K\"}",
            "{\"mode\":\"0\",\"duration\":1,\"startTime\":1,\"apiKey\":\"K\"}",
            "{\"mode\":0.5,\"duration\":1,\"startTime\":1,\"apiKey\":\"K\"}",
            "{\"mode\":0,\"duration\":1,\"startTime\":1}", "{\"mode\":0,\"duration\":1,\"startTime\":1,\"apiKey\":7}",
            "{\"mode\":0,\"duration\":1,\"startTime\":1,\"apiKey\":\"K\"} trailing",
            "{mode:0,duration:1,startTime:1,apiKey:\"K\"}" })
    void invalidPinParameters(String body) throws Exception {
        assertAnswer(pin(LOCK, body.replace("\"K\"", "\"" + KEY + "\"")), 400, "Invalid parameters.");
        assertFalse(emulator.requests().toString().contains(KEY));
    }

    @Test
    void journalNeverContainsKeys() throws Exception {
        unlock(LOCK, KEY);
        unlock(LOCK, "unregistered-key-123");
        pin(LOCK, pinBody(0, 1, 2, KEY));
        pin(LOCK, "{ \"apiKey\" : \"" + KEY + "\", \"mode\": 9 }");
        pin(LOCK, "{\"mode\":0,\"duration\":1,\"startTime\":2,\"apiKey\":\"" + OTHER_KEY + "\",\"note\":\"" + KEY
                + "\"}");
        get("/something/" + KEY);
        get("/api/lockCommand/remoteUnlock/SS1/" + KEY + "/extra");
        List<JournalEntry> entries = emulator.requests();
        assertEquals(7, entries.size());
        String all = entries.toString();
        for (String secret : List.of(KEY, OTHER_KEY, "unregistered-key-123")) {
            assertFalse(all.contains(secret), () -> "journal shows a key: " + all);
        }
        assertEquals("/api/lockCommand/remoteUnlock/SS000510/***", entries.get(1).maskedPath());
        assertEquals("{ \"apiKey\" : \"***\", \"mode\": 9 }", entries.get(3).body());
        assertEquals("/something/***", entries.get(5).maskedPath());
        assertEquals("/api/lockCommand/remoteUnlock/SS1/***", entries.get(6).maskedPath());
    }

    @Test
    void journalKeepsArrivalOrderAndResetClearsIt() throws Exception {
        get("/");
        unlock(LOCK, KEY);
        pin(LOCK, pinBody(0, 1, 2, KEY));
        get("/nothing");
        assertEquals(List.of(Endpoint.ROOT, Endpoint.UNLOCK, Endpoint.PIN_CODE, Endpoint.OTHER),
                emulator.requests().stream().map(JournalEntry::endpoint).toList());
        List<JournalEntry> entries = emulator.requests();
        for (int i = 1; i < entries.size(); i++) {
            assertFalse(entries.get(i).receivedAt().isBefore(entries.get(i - 1).receivedAt()));
        }
        assertThrows(UnsupportedOperationException.class, () -> emulator.requests().clear());
        assertEquals(1, emulator.peakConcurrency(KEY));
        emulator.resetJournal();
        assertTrue(emulator.requests().isEmpty());
        assertTrue(emulator.executedUnlocks().isEmpty());
        assertEquals(0, emulator.peakConcurrency(KEY));
        assertEquals(0, emulator.droppedCalls(KEY));
        assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        assertEquals(1, emulator.requests().size());
    }

    @Test
    void awaitRequestsWaitsForArrivals() throws Exception {
        assertFalse(emulator.awaitRequests(1, Duration.ofMillis(100)));
        assertTrue(emulator.awaitRequests(0, Duration.ZERO));
        emulator.setDefaultDelay(Duration.ofMillis(300));
        CompletableFuture<Reply> first = sendAsync(unlockRequest(LOCK, KEY));
        CompletableFuture<Reply> second = sendAsync(unlockRequest(LOCK, KEY));
        assertTrue(emulator.awaitRequests(2, Duration.ofSeconds(5)));
        assertFalse(emulator.awaitRequests(3, Duration.ofMillis(50)));
        assertEquals(200, first.get(5, TimeUnit.SECONDS).status());
        assertEquals(200, second.get(5, TimeUnit.SECONDS).status());
    }

    @Test
    void defaultDelayDelaysEveryAnswer() throws Exception {
        emulator.setDefaultDelay(Duration.ofMillis(150));
        long start = System.nanoTime();
        assertAnswer(get("/"), 200, "KAS cloud emulator");
        assertAnswer(unlock(LOCK, KEY), 200, UNLOCKING);
        assertAnswer(unlock("SS404", KEY), 400, "Lock is not found.");
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(450));
        ExecutedUnlock executed = emulator.executedUnlocks().get(0);
        assertTrue(Duration.between(executed.requestReceivedAt(), executed.executedAt()).toMillis() >= 140,
                executed::toString);
        assertEquals(0, emulator.inFlight(KEY));
        emulator.setDefaultDelay(Duration.ZERO);
        assertThrows(IllegalArgumentException.class, () -> emulator.setDefaultDelay(Duration.ofMillis(-1)));
    }

    @Test
    void stateChangesApplyToCallsAlreadyWaitingInADelay() throws Exception {
        emulator.setDefaultDelay(Duration.ofMillis(300));
        CompletableFuture<Reply> waiting = sendAsync(unlockRequest(LOCK, KEY));
        assertTrue(emulator.awaitRequests(1, Duration.ofSeconds(5)));
        emulator.setGatewayOnline(LOCK, false);
        assertGatewayTimeout(waiting.get(5, TimeUnit.SECONDS));
        assertTrue(emulator.executedUnlocks().isEmpty());
    }

    @Test
    void baseUrlAndPort() {
        assertEquals("http://127.0.0.1:" + emulator.port(), emulator.baseUrl());
        assertTrue(emulator.port() > 0);
    }

    @Test
    void onlyLoopbackHosts() {
        assertThrows(IllegalArgumentException.class, () -> KasCloudEmulator.start("192.0.2.1", 0));
        assertThrows(IllegalArgumentException.class, () -> KasCloudEmulator.start("127.0.0.1", 70000));
        try (KasCloudEmulator local = KasCloudEmulator.start("localhost", 0)) {
            assertEquals("http://localhost:" + local.port(), local.baseUrl());
        }
    }

    @Test
    void portInUseFailsToStart() {
        assertThrows(IllegalStateException.class, () -> KasCloudEmulator.start("127.0.0.1", emulator.port()));
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        int port = emulator.port();
        assertAnswer(get("/"), 200, "KAS cloud emulator");
        assertFalse(emulator.isClosed());
        emulator.close();
        emulator.close();
        assertTrue(emulator.isClosed());
        emulator.awaitClose(); // returns at once
        assertEquals(port, emulator.port());
        try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(port, socket.getLocalPort());
        } catch (IOException e) {
            fail("port " + port + " still taken: " + e);
        }
        try (KasCloudEmulator again = KasCloudEmulator.start("127.0.0.1", port)) {
            assertEquals(port, again.port());
        }
    }

    @Test
    void closeEndsIdleKeepAliveConnections() throws Exception {
        try (RawClient raw = new RawClient(emulator.port())) {
            raw.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, raw.read().status());
            emulator.close();
            assertTrue(raw.closedByServer());
        }
    }

    @Test
    void closeWithoutRequestsIsFast() {
        long start = System.nanoTime();
        emulator.close();
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2));
    }

    static void assertAnswer(Reply response, int status, String body) {
        assertEquals(status, response.status(), response::text);
        assertEquals(body, response.text());
        assertContentType(TEXT_UTF8, response);
        assertEquals(String.valueOf(response.body().length), response.header("Content-Length"));
    }

    static void assertGatewayTimeout(Reply response) {
        assertEquals(504, response.status());
        assertEquals("application/json;charset=utf-8", response.header("Content-Type"));
        String body = response.text();
        assertTrue(body.matches(
                "\\{\"ack\":504,\"message\":\"Gateway timeout\\. You should retry the request again now\\.\",\"ref\":\"[0-9a-f]{24}\"\\}"),
                body);
        JsonObject json = JsonParser.parseString(body).getAsJsonObject();
        assertEquals(504, json.get("ack").getAsInt());
    }
}
