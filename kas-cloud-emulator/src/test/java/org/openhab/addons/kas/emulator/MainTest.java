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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

/**
 * The command-line program: options, demo set-up, startup message, stopping.
 *
 * @author KAS binding contributors - Initial contribution
 */
class MainTest {

    private static HttpClient client;

    @BeforeAll
    static void startClient() {
        client = EmulatorTestBase.newClient();
    }

    @AfterAll
    static void stopClient() {
        client.shutdownNow();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void launchPrintsUrlKeyAndLocksAndServesTheDemo() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (KasCloudEmulator emulator = KasCloudEmulator.launch(new String[] { "--port", "0" },
                new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String out = bytes.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains(emulator.baseUrl()), out);
            assertTrue(out.contains(KasCloudEmulator.DEMO_API_KEY), out);
            assertTrue(out.contains("SS000510") && out.contains("UL000777"), out);

            String base = emulator.baseUrl() + "/api/lockCommand/remoteUnlock/";
            HttpResponse<String> online = get(base + "SS000510/" + KasCloudEmulator.DEMO_API_KEY);
            assertEquals(200, online.statusCode());
            assertEquals("Door is unlocking\u2026", online.body());
            assertEquals(504, get(base + "UL000777/" + KasCloudEmulator.DEMO_API_KEY).statusCode());
            assertEquals(1, emulator.executedUnlocks().size());
        }
    }

    @Test
    void optionsAreChecked() throws Exception {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThrows(IllegalArgumentException.class, () -> KasCloudEmulator.launch(new String[] { "--port" }, out));
        assertThrows(IllegalArgumentException.class,
                () -> KasCloudEmulator.launch(new String[] { "--port", "eighty" }, out));
        assertThrows(IllegalArgumentException.class,
                () -> KasCloudEmulator.launch(new String[] { "--bogus", "1" }, out));
        assertThrows(IllegalArgumentException.class,
                () -> KasCloudEmulator.launch(new String[] { "--host", "192.0.2.7", "--port", "0" }, out));
        int port;
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        try (KasCloudEmulator emulator = KasCloudEmulator.launch(new String[] { "--host=127.0.0.1", "--port=" + port },
                out)) {
            assertEquals("http://127.0.0.1:" + port, emulator.baseUrl());
        }
    }

    @Test
    void demoKeyIsJwtShaped() {
        String[] parts = KasCloudEmulator.DEMO_API_KEY.split("\\.");
        assertEquals(3, parts.length);
        for (String part : parts) {
            assertTrue(part.matches("[A-Za-z0-9_-]+"), part);
        }
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertEquals("JWT", JsonParser.parseString(header).getAsJsonObject().get("typ").getAsString());
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(JsonParser.parseString(payload).isJsonObject());
    }

    @Test
    void mainRunsUntilStopped() throws Exception {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        KasCloudEmulator.lastLaunched = null;
        Thread mainThread = new Thread(() -> {
            KasCloudEmulator.main(new String[] { "--port", "0" });
        }, "emulator-main");
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            mainThread.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> KasCloudEmulator.lastLaunched != null);
        } finally {
            System.setOut(originalOut);
        }
        KasCloudEmulator emulator = KasCloudEmulator.lastLaunched;
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("KAS cloud emulator running at " + emulator.baseUrl()), out);
        assertTrue(out.contains(KasCloudEmulator.DEMO_API_KEY), out);
        assertTrue(out.contains("Ctrl-C"), out);
        assertEquals(200, get(emulator.baseUrl() + "/").statusCode());
        assertTrue(mainThread.isAlive(), "main returned while the emulator runs");

        int port = emulator.port();
        emulator.close(); // what the shutdown hook does on Ctrl-C
        mainThread.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(mainThread.isAlive(), "main did not return after close");
        // nothing listens any more (rebinding the port is KasCloudEmulatorTest's job; here another process on a
        // busy machine may already have been given the freed port number for an outgoing connection)
        assertThrows(ConnectException.class, () -> new Socket(InetAddress.getByName("127.0.0.1"), port).close());
    }

    @Test
    void helpPrintsUsage() throws Exception {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            KasCloudEmulator.main(new String[] { "--help" });
        } finally {
            System.setOut(originalOut);
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--port"));
    }
}
