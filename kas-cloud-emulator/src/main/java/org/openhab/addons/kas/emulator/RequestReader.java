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

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads HTTP/1.1 (and 1.0) requests from a connection's input: request line, header fields, body by
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}. Strict where framing is at stake (a malformed request
 * line, a header line without a name, conflicting lengths: {@link ProtocolException} with status 400), lenient
 * elsewhere (no {@code Host} header needed, empty lines before a request line are skipped, bare LF line ends are
 * accepted). The request line and the header fields together may have {@link #MAX_HEAD_BYTES} bytes (else 431). Of a
 * body, the first {@link #MAX_BODY_BYTES} bytes are kept and the rest is read and dropped.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class RequestReader {

    /** the most bytes of request line and header fields (line ends included) */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /** bodies longer than this are cut (a PIN body is about 100 bytes) */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_CHUNK_LINE_BYTES = 1024;
    private static final int SKIP_BUFFER_BYTES = 8192;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern VERSION = Pattern.compile("HTTP/(\\d)\\.(\\d)");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{1,15}");

    /**
     * A request the server cannot accept; it answers {@link #status()} and closes the connection. The message is the
     * server's own text, it never quotes the request.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ProtocolException(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /**
     * Sends {@code 100 Continue} when the client asked for it, before the body is read.
     *
     * @author KAS binding contributors - Initial contribution
     */
    @FunctionalInterface
    interface ContinueSender {
        void sendContinue() throws IOException;
    }

    private final InputStream in;
    /** bytes left for the line being read, and what to answer when they run out */
    private int budget;
    private int budgetStatus;

    RequestReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads the next request.
     *
     * @param continueSender called before the body is read if the request expects {@code 100-continue}
     * @return the request, or {@code null} if the connection ended before a new request began
     * @throws ProtocolException if the request is malformed or too large
     * @throws IOException if reading fails or the connection ends in the middle of a request
     */
    ParsedRequest read(ContinueSender continueSender) throws IOException {
        budget = MAX_HEAD_BYTES;
        budgetStatus = 431;
        String requestLine = readLine(true);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(true);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || !TOKEN.matcher(parts[0]).matches() || !isTarget(parts[1])) {
            throw new ProtocolException(400, "malformed request line");
        }
        Matcher version = VERSION.matcher(parts[2]);
        if (!version.matches()) {
            throw new ProtocolException(400, "malformed request line");
        }
        if (!"1".equals(version.group(1))) {
            throw new ProtocolException(505, "only HTTP/1.0 and HTTP/1.1 are supported");
        }
        boolean http10 = "0".equals(version.group(2));
        Map<String, String> headers = readFields();

        List<String> connection = tokens(headers.get("connection"));
        boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
        String transferEncoding = headers.get("transfer-encoding");
        String contentLength = headers.get("content-length");
        boolean chunked = false;
        long length = 0;
        if (transferEncoding != null) {
            List<String> codings = tokens(transferEncoding);
            if (http10 || contentLength != null || codings.isEmpty() || !"chunked".equals(codings.getLast())) {
                throw new ProtocolException(400, "unusable Transfer-Encoding");
            }
            if (codings.size() > 1) {
                throw new ProtocolException(501, "only the chunked transfer coding is supported");
            }
            chunked = true;
        } else if (contentLength != null) {
            length = contentLength(contentLength);
        }
        if ((chunked || length > 0) && !http10 && "100-continue".equalsIgnoreCase(headers.get("expect"))) {
            continueSender.sendContinue();
        }
        byte[] body = chunked ? readChunkedBody() : readBody(length);
        return new ParsedRequest(parts[0], path(parts[1]), http10, keepAlive, body);
    }

    private Map<String, String> readFields() throws IOException {
        Map<String, String> fields = new HashMap<>();
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t' || colon <= 0
                    || !TOKEN.matcher(line.substring(0, colon)).matches()) {
                throw new ProtocolException(400, "malformed header field");
            }
            String value = line.substring(colon + 1).strip();
            fields.merge(line.substring(0, colon).toLowerCase(Locale.ROOT), value, (a, b) -> a + ", " + b);
        }
        return fields;
    }

    private static long contentLength(String value) throws ProtocolException {
        // "5, 5" (the field sent twice with the same value) is allowed
        String[] values = value.split(",", -1);
        String first = values[0].strip();
        for (String v : values) {
            if (!DIGITS.matcher(v.strip()).matches() || !v.strip().equals(first)) {
                throw new ProtocolException(400, "malformed Content-Length");
            }
        }
        return Long.parseLong(first);
    }

    private byte[] readBody(long length) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(length, MAX_BODY_BYTES));
        copy(length, body);
        return body.toByteArray();
    }

    private byte[] readChunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            budget = MAX_CHUNK_LINE_BYTES;
            budgetStatus = 400;
            String line = readLine(false);
            int semicolon = line.indexOf(';'); // chunk extensions are ignored
            String size = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
            if (!HEX.matcher(size).matches()) {
                throw new ProtocolException(400, "malformed chunk size");
            }
            long bytes = Long.parseLong(size, 16);
            if (bytes == 0) {
                break;
            }
            copy(bytes, body);
            if (!readLine(false).isEmpty()) {
                throw new ProtocolException(400, "chunk longer than its size");
            }
        }
        budget = MAX_HEAD_BYTES;
        budgetStatus = 431;
        readFields(); // trailer fields are read and ignored
        return body.toByteArray();
    }

    /** Reads {@code length} bytes, keeping those that still fit in {@link #MAX_BODY_BYTES}. */
    private void copy(long length, ByteArrayOutputStream body) throws IOException {
        byte[] buffer = new byte[SKIP_BUFFER_BYTES];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("the connection ended in the middle of a request body");
            }
            int keep = Math.min(n, MAX_BODY_BYTES - body.size());
            if (keep > 0) {
                body.write(buffer, 0, keep);
            }
            left -= n;
        }
    }

    /**
     * Reads one line (up to LF, a CR before it dropped), counting its bytes against the budget.
     *
     * @param mayEnd whether the connection may end cleanly here (then {@code null} is returned)
     */
    private String readLine(boolean mayEnd) throws IOException {
        byte[] line = new byte[128];
        int size = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (mayEnd && size == 0) {
                    return null;
                }
                throw new EOFException("the connection ended in the middle of a request");
            }
            if (--budget < 0) {
                throw new ProtocolException(budgetStatus,
                        budgetStatus == 431 ? "request head larger than " + MAX_HEAD_BYTES + " bytes"
                                : "line too long");
            }
            if (b == '\n') {
                break;
            }
            if (size == line.length) {
                line = Arrays.copyOf(line, size * 2);
            }
            line[size++] = (byte) b;
        }
        if (size > 0 && line[size - 1] == '\r') {
            size--;
        }
        for (int i = 0; i < size; i++) {
            if (line[i] == '\r' || line[i] == 0) {
                throw new ProtocolException(400, "stray CR or NUL in the request head");
            }
        }
        // header values are ISO-8859-1 at most; a request target with raw UTF-8 is decoded leniently
        return new String(line, 0, size, StandardCharsets.UTF_8);
    }

    private static boolean isTarget(String target) {
        return !target.isEmpty() && target.chars().allMatch(c -> c > 0x20 && c != 0x7f);
    }

    /** The path of an origin-form ({@code /p?q}) or absolute-form ({@code http://host/p}) target. */
    private static String path(String target) {
        String path = target;
        int scheme = path.indexOf("://");
        if (!path.startsWith("/") && scheme > 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int end = path.length();
        for (char c : new char[] { '?', '#' }) {
            int i = path.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return path.substring(0, end);
    }

    private static List<String> tokens(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(t -> t.strip().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .toList();
    }
}
