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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A minimal HTTP/1.1 server on a loopback socket for tests that need to see the exact bytes a client sends, or to
 * send answers no real server would (odd charsets, chunked oversized bodies, garbage). Every connection gets the
 * scripted answer and is then closed.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class RawHttpServer implements AutoCloseable {

    /**
     * A received request.
     *
     * @param requestLine e.g. {@code GET / HTTP/1.1}
     * @param headers header names in lower case
     * @param body the body as UTF-8
     */
    record RawRequest(String requestLine, Map<String, String> headers, String body) {
    }

    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket serverSocket;
    private final Thread thread;
    private final BlockingQueue<RawRequest> requests = new LinkedBlockingQueue<>();
    private volatile byte[] answer;
    private volatile boolean closed;

    /**
     * Starts the server on 127.0.0.1 on an ephemeral port.
     *
     * @param answer the raw bytes sent to every request
     */
    RawHttpServer(byte[] answer) throws IOException {
        this.answer = answer;
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = new Thread(this::serve, "raw-http-server");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @return a complete HTTP/1.1 answer with Content-Length and {@code Connection: close}
     */
    static byte[] answer(int status, @Nullable String contentType, byte[] body, String... extraHeaders) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" Status\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        for (String header : extraHeaders) {
            head.append(header).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.US_ASCII), body);
    }

    /**
     * @return an HTTP/1.1 answer with a chunked body of {@code size} bytes of 'x'
     */
    static byte[] chunkedAnswer(int status, String contentType, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "HTTP/1.1 " + status + " Status\r\nContent-Type: " + contentType
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        int left = size;
        while (left > 0) {
            int n = Math.min(left, 4096);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("x".repeat(n).getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            left -= n;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    void setAnswer(byte[] answer) {
        this.answer = answer;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort();
    }

    /**
     * @return the next request received, waiting up to 5 seconds
     * @throws AssertionError if none arrived
     */
    RawRequest take() throws InterruptedException {
        RawRequest request = requests.poll(5, TimeUnit.SECONDS);
        if (request == null) {
            throw new AssertionError("no request received");
        }
        return request;
    }

    /**
     * @return how many requests were received and not yet taken
     */
    int pending() {
        return requests.size();
    }

    private void serve() {
        while (!closed) {
            try (Socket socket = serverSocket.accept()) {
                socket.setSoTimeout(5000);
                handle(socket);
            } catch (IOException e) {
                // closed, or the client went away: next connection
            }
        }
    }

    private void handle(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4 && head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        String length = headers.get("content-length");
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        requests.add(new RawRequest(lines[0], headers, new String(body, StandardCharsets.UTF_8)));
        OutputStream out = socket.getOutputStream();
        try {
            out.write(answer);
            out.flush();
            socket.shutdownOutput();
            // let the client read everything before the socket is closed
            in.readAllBytes();
        } catch (SocketException e) {
            // the client closed first (e.g. it aborted an oversized answer)
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        serverSocket.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
