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

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The parts of a running emulator wired together, and their life: the cloud state, the journal, the queue accounting
 * and the dispatcher behind an {@link HttpServer} on a loopback address. Starts them, gives the base URL, and closes
 * them once ({@link KasCloudEmulator} is the public face of it).
 *
 * @author KAS binding contributors - Initial contribution
 */
final class EmulatorServer {

    private static final System.Logger LOGGER = System.getLogger(KasCloudEmulator.class.getName());

    final CloudState state = new CloudState();
    final Journal journal = new Journal();
    final QueueAccounting queue = new QueueAccounting(KasCloudEmulator.QUEUE_LIMIT);
    final RequestDispatcher dispatcher = new RequestDispatcher(state, journal, queue);
    private final String host;
    private final HttpServer server;
    private final ReentrantLock closeLock = new ReentrantLock();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private volatile boolean closed;

    private EmulatorServer(String host, InetAddress address, int port) throws IOException {
        this.host = host;
        this.server = HttpServer.start(address, port, dispatcher);
    }

    /**
     * See {@link KasCloudEmulator#start(String, int)}.
     */
    static EmulatorServer start(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        InetAddress address = HttpServer.loopbackAddress(host);
        EmulatorServer emulator;
        try {
            emulator = new EmulatorServer(host, address, port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the KAS cloud emulator on " + host + ":" + port + ": " + e,
                    e);
        }
        LOGGER.log(Level.DEBUG, "KAS cloud emulator started at {0}", emulator.baseUrl());
        return emulator;
    }

    /** @return see {@link KasCloudEmulator#baseUrl()} */
    String baseUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /** @return the local port, also after {@link #close()} */
    int port() {
        return server.port();
    }

    /** See {@link KasCloudEmulator#close()}. */
    void close() {
        closeLock.lock(); // a second caller waits here until the first one has finished
        try {
            if (closed) {
                return;
            }
            closed = true;
            dispatcher.close();
            server.close();
            closedLatch.countDown();
        } finally {
            closeLock.unlock();
        }
        LOGGER.log(Level.DEBUG, "KAS cloud emulator stopped");
    }

    /** Waits until {@link #close()} has completed. */
    void awaitClose() throws InterruptedException {
        closedLatch.await();
    }

    /** @return whether closing has begun */
    boolean isClosed() {
        return closed;
    }
}
