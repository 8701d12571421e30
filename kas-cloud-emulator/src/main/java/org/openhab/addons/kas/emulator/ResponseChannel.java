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

/**
 * How the answer to one request gets onto its connection: the ways the emulator answers, cuts or drops a request.
 * Implemented by {@link HttpConnection}; all methods but {@link #abort()} are called on the connection's own thread.
 * Unless the request asked for {@code Connection: close}, the connection stays open after a complete answer. The
 * answer to a {@code HEAD} request never has a body.
 *
 * @author KAS binding contributors - Initial contribution
 */
interface ResponseChannel {

    /**
     * Writes a complete answer with an exact {@code Content-Length}.
     *
     * @param status the HTTP status
     * @param contentType the content type, or {@code null} for no {@code Content-Type} header
     * @param body the body
     * @throws IOException if writing fails (the connection is then unusable)
     */
    void send(int status, String contentType, byte[] body) throws IOException;

    /**
     * Writes a complete answer whose body is {@code length} bytes of {@code pattern}, repeated (without building it).
     *
     * @param status the HTTP status
     * @param contentType the content type
     * @param length the body length
     * @param pattern the bytes to repeat, not empty
     * @throws IOException if writing fails
     */
    void sendRepeated(int status, String contentType, long length, byte[] pattern) throws IOException;

    /**
     * Writes the status line, the header fields with the {@code Content-Length} of the whole body, and the first half
     * of the body; then closes the connection.
     *
     * @param status the HTTP status
     * @param contentType the content type
     * @param body the whole body, of which half is sent
     * @throws IOException if writing fails
     */
    void sendTruncated(int status, String contentType, byte[] body) throws IOException;

    /** Closes the connection with a TCP reset (SO_LINGER 0), without writing anything. */
    void reset();

    /** Closes the connection without an answer. Thread-safe, may be called from any thread, idempotent. */
    void abort();

    /**
     * Blocks until the client closes its side of the connection or sends anything (a client waiting for its answer
     * sends nothing), or the connection is closed ({@link #abort()}).
     */
    void awaitClientGone();
}
