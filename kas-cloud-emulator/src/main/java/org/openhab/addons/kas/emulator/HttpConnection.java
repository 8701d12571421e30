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

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One accepted connection, served by its own (virtual) thread: reads a request, lets the handler answer it on this
 * same thread (the handler may wait, e.g. for a delay, without holding a platform thread), and goes on with the next
 * request while the connection is persistent (HTTP/1.1 keep-alive; {@code Connection: close} and HTTP/1.0 without
 * {@code keep-alive} end it after the answer). Requests that break the protocol are answered with a short plain-text
 * error and the connection is closed. A connection idle for {@link #IDLE_TIMEOUT_MS} is closed.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class HttpConnection implements ResponseChannel {

    static final int IDLE_TIMEOUT_MS = (int) TimeUnit.HOURS.toMillis(1);

    private static final System.Logger LOGGER = System.getLogger(KasCloudEmulator.class.getName());
    private static final int BUFFER_BYTES = 8192;
    /** after the last answer, how long and how much to read what the client still sends before closing */
    private static final int LINGER_MS = 1000;
    private static final int MAX_LINGER_BYTES = 64 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final HttpServer.RequestHandler handler;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Thread thread;
    // used by the connection's thread only
    private InputStream in;
    private OutputStream out;
    private ParsedRequest current;
    private boolean answered;

    HttpConnection(Socket socket, HttpServer.RequestHandler handler) {
        this.socket = socket;
        this.handler = handler;
    }

    /**
     * Starts serving on a new thread.
     *
     * @param threads the factory of the connection's thread
     * @param onEnd called on that thread when the connection has been closed
     */
    void start(ThreadFactory threads, Runnable onEnd) {
        Thread serving = threads.newThread(() -> {
            try {
                serve();
            } finally {
                closeNow();
                onEnd.run();
            }
        });
        thread = serving;
        serving.start();
    }

    /**
     * Waits until the connection's thread has ended.
     *
     * @param millis how long to wait at most
     * @throws InterruptedException if interrupted while waiting
     */
    void join(long millis) throws InterruptedException {
        Thread serving = thread;
        if (serving != null && millis > 0) {
            serving.join(millis);
        }
    }

    private void serve() {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MS);
            in = new BufferedInputStream(socket.getInputStream(), BUFFER_BYTES);
            out = new BufferedOutputStream(socket.getOutputStream(), BUFFER_BYTES);
            RequestReader reader = new RequestReader(in);
            while (!closed.get()) {
                ParsedRequest request = reader.read(this::sendContinue);
                if (request == null) {
                    return; // the client closed an idle connection
                }
                current = request;
                answered = false;
                handler.handle(request, this);
                if (!answered) {
                    return; // dropped, reset or cut: closed already
                }
            }
        } catch (RequestReader.ProtocolException e) {
            LOGGER.log(Level.DEBUG, "refused a request with {0}: {1}", e.status(), e.getMessage());
            refuse(e.status(), e.getMessage());
        } catch (IOException e) {
            // idle timeout, the client went away, or the emulator closed the connection
            LOGGER.log(Level.TRACE, "connection ended: {0}", e.toString());
        } catch (RuntimeException e) {
            LOGGER.log(Level.DEBUG, "request handling failed: {0}", e.toString());
        }
    }

    @Override
    public void send(int status, String contentType, byte[] body) throws IOException {
        boolean withBody = hasBody(status);
        writeHead(status, contentType, withBody ? body.length : -1, connectionField(current.keepAlive()));
        if (withBody && !current.isHead()) {
            out.write(body);
        }
        complete();
    }

    @Override
    public void sendRepeated(int status, String contentType, long length, byte[] pattern) throws IOException {
        boolean withBody = hasBody(status);
        writeHead(status, contentType, withBody ? length : -1, connectionField(current.keepAlive()));
        if (withBody && !current.isHead()) {
            // a whole number of patterns, so that every write continues where the last one ended
            byte[] chunk = new byte[pattern.length * Math.max(1, BUFFER_BYTES / pattern.length)];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = pattern[i % pattern.length];
            }
            for (long left = length; left > 0;) {
                int n = (int) Math.min(left, chunk.length);
                out.write(chunk, 0, n);
                left -= n;
            }
        }
        complete();
    }

    @Override
    public void sendTruncated(int status, String contentType, byte[] body) throws IOException {
        writeHead(status, contentType, body.length, connectionField(current.keepAlive()));
        if (!current.isHead()) {
            out.write(body, 0, body.length / 2);
        }
        out.flush();
        answered = true;
        closeGracefully();
    }

    @Override
    public void reset() {
        try {
            socket.setSoLinger(true, 0); // close() then sends RST instead of FIN
        } catch (SocketException e) {
            LOGGER.log(Level.TRACE, "cannot set SO_LINGER: {0}", e.toString());
        }
        closeNow();
    }

    @Override
    public void abort() {
        closeNow();
    }

    @Override
    public void awaitClientGone() {
        while (!closed.get()) {
            try {
                in.read(); // end of stream, a byte or an error: either way the wait is over
                return;
            } catch (SocketTimeoutException e) {
                // idle timeout: the client still waits
            } catch (IOException e) {
                return;
            }
        }
    }

    private void sendContinue() throws IOException {
        out.write(CONTINUE);
        out.flush();
    }

    /** Answers a request that broke the protocol, without quoting it, and closes the connection. */
    private void refuse(int status, String message) {
        byte[] body = (status + " " + HttpStatusText.of(status) + ": " + message + "\n")
                .getBytes(StandardCharsets.UTF_8);
        try {
            writeHead(status, "text/plain;charset=utf-8", body.length, "close");
            out.write(body);
            out.flush();
        } catch (IOException e) {
            LOGGER.log(Level.TRACE, "refusing failed: {0}", e.toString());
        }
        closeGracefully();
    }

    private void complete() throws IOException {
        out.flush();
        answered = true;
        if (!current.keepAlive()) {
            closeGracefully();
        }
    }

    private String connectionField(boolean keepAlive) {
        if (!keepAlive) {
            return "close";
        }
        return current.http10() ? "keep-alive" : null;
    }

    private void writeHead(int status, String contentType, long contentLength, String connection) throws IOException {
        StringBuilder head = new StringBuilder(128).append("HTTP/1.1 ").append(status).append(' ')
                .append(HttpStatusText.of(status)).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        if (connection != null) {
            head.append("Connection: ").append(connection).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** 1xx, 204 and 304 answers have neither a body nor a {@code Content-Length}. */
    private static boolean hasBody(int status) {
        return status >= 200 && status != 204 && status != 304;
    }

    /**
     * Ends the connection after a last answer: sends FIN, reads (and drops) what the client still sends for a short
     * while so that a close with unread input does not turn into a reset that could destroy the answer, then closes.
     */
    private void closeGracefully() {
        try {
            out.flush();
            socket.shutdownOutput();
            socket.setSoTimeout(LINGER_MS);
            byte[] buffer = new byte[BUFFER_BYTES];
            int drained = 0;
            for (int n = in.read(buffer); n >= 0 && drained < MAX_LINGER_BYTES; n = in.read(buffer)) {
                drained += n;
            }
        } catch (IOException e) {
            // closing anyway
        } finally {
            closeNow();
        }
    }

    private void closeNow() {
        if (closed.compareAndSet(false, true)) {
            try {
                socket.close();
            } catch (IOException e) {
                LOGGER.log(Level.TRACE, "closing a connection failed: {0}", e.toString());
            }
        }
    }
}
