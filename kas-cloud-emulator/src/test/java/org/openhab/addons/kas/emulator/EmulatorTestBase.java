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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.ContentResponse;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.util.StringContentProvider;
import org.eclipse.jetty.http.HttpMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Common set-up of the emulator tests: a fresh emulator per test with one account and a few locks, and a shared Jetty
 * {@link HttpClient} that talks to it over real HTTP on loopback.
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

    static HttpClient client;

    KasCloudEmulator emulator;

    @BeforeAll
    static void startClient() throws Exception {
        client = new HttpClient();
        client.setMaxConnectionsPerDestination(1000);
        client.setMaxRequestsQueuedPerDestination(4096);
        client.setFollowRedirects(false);
        client.start();
    }

    @AfterAll
    static void stopClient() throws Exception {
        client.stop();
    }

    @BeforeEach
    void startEmulator() {
        emulator = KasCloudEmulator.start();
        emulator.addAccount(KEY);
        emulator.addAccount(OTHER_KEY);
        emulator.addLock(LOCK, KEY, true, true);
        emulator.addLock(OFFLINE_LOCK, KEY, true, false);
        emulator.addLock(NOT_ADMIN_LOCK, KEY, false, true);
        emulator.addLock(FOREIGN_LOCK, OTHER_KEY, true, true);
    }

    @AfterEach
    void closeEmulator() {
        emulator.close();
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

    /** Jetty's client normalises the charset to upper case; the emulator sends {@code charset=utf-8}. */
    static void assertContentType(String expected, ContentResponse response) {
        String actual = response.getHeaders().get("Content-Type");
        org.junit.jupiter.api.Assertions.assertTrue(expected.equalsIgnoreCase(actual),
                () -> "Content-Type " + actual + " instead of " + expected);
    }

    Request unlockRequest(String factoryNumber, String apiKey) {
        return client.newRequest(unlockUrl(factoryNumber, apiKey)).method(HttpMethod.GET)
                .header("Content-Type", "application/json").timeout(15, TimeUnit.SECONDS);
    }

    Request pinRequest(String factoryNumber, String body) {
        return client.newRequest(pinUrl(factoryNumber)).method(HttpMethod.POST)
                .content(new StringContentProvider("application/json", body, StandardCharsets.UTF_8))
                .timeout(15, TimeUnit.SECONDS);
    }

    ContentResponse unlock(String factoryNumber, String apiKey) throws Exception {
        return unlockRequest(factoryNumber, apiKey).send();
    }

    ContentResponse pin(String factoryNumber, String body) throws Exception {
        return pinRequest(factoryNumber, body).send();
    }

    ContentResponse get(String path) throws Exception {
        return client.newRequest(emulator.baseUrl() + path).timeout(15, TimeUnit.SECONDS).send();
    }
}
