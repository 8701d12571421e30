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

import java.io.PrintStream;

/**
 * The emulator as a program: options, the demo account and locks, the startup message, and running until Ctrl-C or
 * SIGTERM (a shutdown hook closes the emulator).
 *
 * @author KAS binding contributors - Initial contribution
 */
final class CommandLine {

    private CommandLine() {
    }

    /** See {@link KasCloudEmulator#main(String[])}. */
    static void main(String[] args) {
        for (String arg : args) {
            if ("--help".equals(arg) || "-h".equals(arg)) {
                System.out.println(usage());
                return;
            }
        }
        KasCloudEmulator emulator;
        try {
            emulator = launch(args, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("kas-cloud-emulator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        KasCloudEmulator.lastLaunched = emulator;
        Thread hook = new Thread(() -> {
            emulator.close();
            System.out.println("KAS cloud emulator stopped.");
        }, "kas-cloud-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            emulator.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emulator.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running
        }
    }

    /** See {@link KasCloudEmulator#launch(String[], PrintStream)}. */
    static KasCloudEmulator launch(String[] args, PrintStream out) {
        String host = "127.0.0.1";
        int port = KasCloudEmulator.DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            String name;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg;
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                value = args[++i];
            }
            switch (name) {
                case "--port", "-p" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a port number: " + value);
                    }
                }
                case "--host" -> host = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        KasCloudEmulator emulator = KasCloudEmulator.start(host, port);
        String key = KasCloudEmulator.DEMO_API_KEY;
        emulator.addAccount(key);
        emulator.addLock(KasCloudEmulator.DEMO_LOCK_ONLINE, key, true, true);
        emulator.addLock(KasCloudEmulator.DEMO_LOCK_OFFLINE, key, true, false);
        String url = emulator.baseUrl();
        out.println("KAS cloud emulator running at " + url);
        out.println("  API key:  " + key);
        out.println("  Locks:    " + KasCloudEmulator.DEMO_LOCK_ONLINE
                + "  admin, gateway online  -> unlock answers 200 (Door is unlocking)");
        out.println("            " + KasCloudEmulator.DEMO_LOCK_OFFLINE
                + "  admin, gateway offline -> unlock answers 504 (gateway timeout)");
        out.println("  Try:      curl " + url + "/api/lockCommand/remoteUnlock/" + KasCloudEmulator.DEMO_LOCK_ONLINE
                + "/" + key);
        out.println("  openHAB:  kas:account bridge with baseUrl=" + url + " and apiKey=<the key above>");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return emulator;
    }

    private static String usage() {
        return "usage: java -jar kas-cloud-emulator-standalone.jar [--port N] [--host 127.0.0.1]\n"
                + "  --port N   port to listen on (default " + KasCloudEmulator.DEFAULT_PORT + ", 0 = any free port)\n"
                + "  --host H   loopback address to listen on (default 127.0.0.1)";
    }
}
