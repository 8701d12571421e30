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
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A raw HTTP/1.1 client on one socket, for what an HTTP client library hides: the exact bytes on the wire, several
 * requests on one connection, malformed requests, and how the connection ends.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class RawClient implements Closeable {

    /**
     * One answer read from the wire.
     *
     * @param head the status line and header fields as received, without the empty line
     * @param status the status code
     * @param headers the header fields, names in lower case
     * @param body the body (by {@code Content-Length}; empty without one)
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Response(String head, int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getByName("127.0.0.1"), port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    Socket socket() {
        return socket;
    }

    RawClient send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawClient send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads one answer: head, then a body of {@code Content-Length} bytes. */
    Response read() throws IOException {
        return read(true);
    }

    /** Reads the head of an answer that has no body whatever its {@code Content-Length} says (to a HEAD request). */
    Response readWithoutBody() throws IOException {
        return read(false);
    }

    private Response read(boolean withBody) throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        String length = withBody ? headers.get("content-length") : null;
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        if (length != null && body.length != Integer.parseInt(length)) {
            throw new EOFException("body ended after " + body.length + " of " + length + " bytes");
        }
        return new Response(head, Integer.parseInt(lines[0].split(" ")[1]), headers, body);
    }

    /** @return the status line and header fields up to the empty line (which is consumed) */
    String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after " + head.size() + " bytes of a head");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    /** @return everything until the server closes the connection */
    byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /** @return whether the server closed the connection (end of stream) without sending anything more */
    boolean closedByServer() throws IOException {
        return in.read() < 0;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
