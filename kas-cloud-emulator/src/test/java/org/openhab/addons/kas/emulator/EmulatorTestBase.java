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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Common set-up of the emulator tests: a fresh emulator per test with one account and a few locks, and a fresh JDK
 * {@link HttpClient} (HTTP/1.1, pooled connections) that talks to it over real HTTP on loopback. Note that the JDK
 * client silently repeats a {@code GET} once when its connection fails before the first byte of the answer: tests of
 * such faults leave the fault on for the repeat, or use a {@link RawClient}.
 *
 * @author KAS binding contributors - Initial contribution
 */
abstract class EmulatorTestBase {

    static final String KEY = "eyJhbGciOiJIUzI1NiJ9.eyJ0ZXN0IjoidGVzdC1hY2NvdW50In0.dGVzdC1zaWduYXR1cmU";
    static final String OTHER_KEY = "other-account-key-0123456789";
    static final String LOCK = "SS000510";
    static final String OFFLINE_LOCK = "UL000777";
    static final String NOT_ADMIN_LOCK = "SS000042";
    static final String FOREIGN_LOCK = "UL000999";
    static final String UNLOCKING = "Door is unlocking\u2026";
    static final String TEXT_UTF8 = "text/plain;charset=utf-8";
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /**
     * An answer as the client saw it.
     *
     * @param status the status
     * @param headers the header fields
     * @param body the body bytes
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Reply(int status, HttpHeaders headers, byte[] body) {
        static Reply of(HttpResponse<byte[]> response) {
            return new Reply(response.statusCode(), response.headers(), response.body());
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    KasCloudEmulator emulator;
    HttpClient client;

    @BeforeEach
    void startEmulator() {
        emulator = KasCloudEmulator.start();
        emulator.addAccount(KEY);
        emulator.addAccount(OTHER_KEY);
        emulator.addLock(LOCK, KEY, true, true);
        emulator.addLock(OFFLINE_LOCK, KEY, true, false);
        emulator.addLock(NOT_ADMIN_LOCK, KEY, false, true);
        emulator.addLock(FOREIGN_LOCK, OTHER_KEY, true, true);
        client = newClient();
    }

    @AfterEach
    void closeEmulator() {
        client.shutdownNow();
        emulator.close();
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    String unlockUrl(String factoryNumber, String apiKey) {
        return emulator.baseUrl() + "/api/lockCommand/remoteUnlock/" + factoryNumber + "/"
                + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
    }

    String pinUrl(String factoryNumber) {
        return emulator.baseUrl() + "/api/lockCommand/pinCode/" + factoryNumber;
    }

    static String pinBody(int mode, int duration, long startTime, String apiKey) {
        return "{\"mode\":" + mode + ",\"duration\":" + duration + ",\"startTime\":" + startTime + ",\"apiKey\":\""
                + apiKey + "\"}";
    }

    static void assertContentType(String expected, Reply reply) {
        assertEquals(expected, reply.header("Content-Type"));
    }

    HttpRequest unlockRequest(String factoryNumber, String apiKey) {
        return HttpRequest.newBuilder(URI.create(unlockUrl(factoryNumber, apiKey))).GET()
                .header("Content-Type", "application/json").timeout(TIMEOUT).build();
    }

    HttpRequest pinRequest(String factoryNumber, String body) {
        return HttpRequest.newBuilder(URI.create(pinUrl(factoryNumber)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json").timeout(TIMEOUT).build();
    }

    HttpRequest getRequest(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).GET().timeout(TIMEOUT).build();
    }

    Reply send(HttpRequest request) throws IOException, InterruptedException {
        return Reply.of(client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    CompletableFuture<Reply> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).thenApply(Reply::of);
    }

    Reply unlock(String factoryNumber, String apiKey) throws IOException, InterruptedException {
        return send(unlockRequest(factoryNumber, apiKey));
    }

    Reply pin(String factoryNumber, String body) throws IOException, InterruptedException {
        return send(pinRequest(factoryNumber, body));
    }

    Reply get(String path) throws IOException, InterruptedException {
        return send(getRequest(path));
    }

    /**
     * @return a raw connection that has sent the unlock of {@link #LOCK} with {@link #KEY}; close it
     */
    RawClient rawUnlock() throws IOException {
        RawClient raw = new RawClient(emulator.port());
        raw.send("GET /api/lockCommand/remoteUnlock/" + LOCK + "/" + KEY + " HTTP/1.1\r\nHost: x\r\n\r\n");
        return raw;
    }

    /**
     * Checks that a request sent with {@link #sendAsync(HttpRequest)} ended without an answer: its connection was
     * closed (an I/O error), the client did not give up on its own.
     *
     * @param reply the pending answer
     */
    static void assertEndedWithoutAnswer(CompletableFuture<Reply> reply) {
        ExecutionException failure = assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
        assertFalse(failure.getCause() instanceof HttpTimeoutException);
    }
}
