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
package org.openhab.binding.kas.internal.api.transport;

import java.nio.ByteBuffer;
import java.util.Arrays;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Collects an answer body up to a limit: what the transports share of reading an answer. Not thread-safe: the HTTP
 * libraries deliver the events of one answer one after the other.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class BodyBuffer {

    private final int limit;
    private byte[] bytes = new byte[0];
    private int size;
    private boolean oversized;

    /**
     * @param limit the most bytes kept
     */
    public BodyBuffer(int limit) {
        this.limit = limit;
    }

    /**
     * Checks the announced length of the body.
     *
     * @param contentLength the {@code Content-Length}, negative when unknown
     * @return whether the body may be read; {@code false} means it is too large and the exchange should be aborted
     */
    public boolean announce(long contentLength) {
        if (contentLength > limit) {
            oversized = true;
        }
        return !oversized;
    }

    /**
     * Keeps as much of the content as fits.
     *
     * @param content the next bytes of the body (consumed)
     * @return whether reading may go on; {@code false} means the body is too large and the exchange should be
     *         aborted
     */
    public boolean append(ByteBuffer content) {
        if (oversized) {
            content.position(content.limit());
            return false;
        }
        int incoming = content.remaining();
        int accepted = Math.min(incoming, limit - size);
        if (size + accepted > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + accepted, bytes.length * 2)));
        }
        content.get(bytes, size, accepted);
        size += accepted;
        if (accepted < incoming) {
            content.position(content.limit());
            oversized = true;
        }
        return !oversized;
    }

    /**
     * @return whether the body was larger than the limit (announced or received)
     */
    public boolean oversized() {
        return oversized;
    }

    /**
     * @return a copy of the bytes kept
     */
    public byte[] bytes() {
        return Arrays.copyOf(bytes, size);
    }
}
