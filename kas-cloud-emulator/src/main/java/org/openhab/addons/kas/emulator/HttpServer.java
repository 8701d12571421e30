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
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server on a {@link ServerSocket}: one virtual thread accepts connections, one virtual thread per
 * connection ({@link HttpConnection}) reads its requests and writes the answers. Waiting (delays, held requests)
 * happens on those virtual threads and so holds no platform thread. It knows nothing about KAS: every request goes
 * to the {@link RequestHandler}. Its threads are named {@code kas-cloud-emulator-…}.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class HttpServer {

    /**
     * Answers requests; called on the connection's thread, one request of a connection at a time. It must answer or
     * drop the request through the channel before it returns.
     *
     * @author KAS binding contributors - Initial contribution
     */
    @FunctionalInterface
    interface RequestHandler {
        void handle(ParsedRequest request, ResponseChannel channel);
    }

    private static final System.Logger LOGGER = System.getLogger(KasCloudEmulator.class.getName());
    private static final int BACKLOG = 1024;
    private static final long STOP_TIMEOUT_MS = TimeUnit.SECONDS.toMillis(5);
    private static final long ACCEPT_FAILURE_PAUSE_MS = 50;

    private final ServerSocket serverSocket;
    private final RequestHandler handler;
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private final ThreadFactory connectionThreads = Thread.ofVirtual().name("kas-cloud-emulator-connection-", 1)
            .factory();
    private final Thread acceptor;
    private volatile boolean closed;

    private HttpServer(ServerSocket serverSocket, RequestHandler handler) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.acceptor = Thread.ofVirtual().name("kas-cloud-emulator-accept").unstarted(this::acceptLoop);
    }

    /**
     * Binds and starts a server.
     *
     * @param address the address to listen on
     * @param port the port, {@code 0} for an ephemeral one
     * @param handler what answers the requests
     * @return the running server
     * @throws IOException if the address cannot be bound (e.g. the port is in use)
     */
    static HttpServer start(InetAddress address, int port, RequestHandler handler) throws IOException {
        ServerSocket serverSocket = new ServerSocket();
        try {
            serverSocket.setReuseAddress(true); // rebinding right after close() must work
            serverSocket.bind(new InetSocketAddress(address, port), BACKLOG);
        } catch (IOException e) {
            serverSocket.close();
            throw e;
        }
        HttpServer server = new HttpServer(serverSocket, handler);
        server.acceptor.start();
        return server;
    }

    /**
     * Resolves the host the server is to listen on: loopback only, the emulator is not meant to be reachable from
     * other machines.
     *
     * @param host a host name or address
     * @return its (first) address
     * @throws IllegalArgumentException if the host is unknown or not a loopback address
     */
    static InetAddress loopbackAddress(String host) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("the KAS cloud emulator only listens on loopback, not on " + host);
        }
        return address;
    }

    /** @return the local port */
    int port() {
        return serverSocket.getLocalPort();
    }

    /**
     * Stops accepting, closes the listening socket (freeing the port) and every connection, and waits (a few seconds
     * at most) until their threads have ended. Requests still being handled must have been dropped before (a
     * handler waiting for something other than its connection is not woken by this).
     */
    void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOGGER.log(Level.DEBUG, "closing the server socket failed: {0}", e.toString());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_TIMEOUT_MS);
        try {
            acceptor.join(STOP_TIMEOUT_MS);
            List<HttpConnection> open = List.copyOf(connections);
            open.forEach(HttpConnection::abort);
            for (HttpConnection connection : open) {
                connection.join(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                LOGGER.log(Level.DEBUG, "accepting a connection failed: {0}", e.toString());
                pause(); // e.g. out of file descriptors: do not spin
                continue;
            }
            HttpConnection connection = new HttpConnection(socket, handler);
            connections.add(connection);
            if (closed) {
                // close() may have taken its snapshot before the add
                connection.abort();
                connections.remove(connection);
                return;
            }
            connection.start(connectionThreads, () -> connections.remove(connection));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ACCEPT_FAILURE_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
