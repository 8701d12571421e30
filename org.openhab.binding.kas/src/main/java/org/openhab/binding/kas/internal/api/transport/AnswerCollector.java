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
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException.Reason;

/**
 * What the transports share of reading an answer: the body up to a limit (an announced larger one is not read at
 * all), whether a status line arrived, and the one {@link HttpAnswer} at the end. Each transport feeds it the events of
 * its HTTP library. Not thread-safe beyond that: the libraries deliver the events of one answer one after the other.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class AnswerCollector {

    private static final int MAX_CAUSE_DEPTH = 10;

    private final int limit;
    private final Consumer<HttpAnswer> onAnswer;
    private byte[] bytes = new byte[0];
    private int size;
    private boolean oversized;
    private volatile boolean begun;

    /**
     * @param limit the most body bytes kept
     * @param onAnswer receives the answer, once
     */
    public AnswerCollector(int limit, Consumer<HttpAnswer> onAnswer) {
        this.limit = limit;
        this.onAnswer = onAnswer;
    }

    /**
     * @return an exception to abort an exchange with when the body is too large
     */
    public static Exception bodyTooLarge() {
        return new Abort("answer body larger than the limit");
    }

    /**
     * @return an exception to abort an exchange with on request of the caller
     */
    public static Exception abortedByCaller() {
        return new Abort("aborted by the caller");
    }

    /**
     * @return the exception to abort a request with that is no longer wanted when the library is about to write it
     *         ({@link HttpCall#mayBegin()}): nothing of it is written
     */
    public static Exception notBegun() {
        return new HttpTransportException(HttpTransportException.Reason.NOT_BEGUN, null);
    }

    /** A status line has been received. */
    public void begin() {
        begun = true;
    }

    /**
     * @param contentLength the {@code Content-Length}, negative when unknown
     * @return whether the body may be read; {@code false}: abort the exchange with {@link #bodyTooLarge()}
     */
    public boolean headers(long contentLength) {
        if (contentLength > limit) {
            oversized = true;
        }
        return !oversized;
    }

    /**
     * Keeps as much of the content as fits.
     *
     * @param content the next bytes of the body (consumed)
     * @return whether reading may go on; {@code false}: abort the exchange with {@link #bodyTooLarge()}
     */
    public boolean content(ByteBuffer content) {
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
     * Ends the exchange and reports its answer: a body cut off at the limit is an answer with its status (the
     * failure is only the abort), any other failure is a {@link HttpAnswer.Failed}.
     *
     * @param status the status the library shows (counted only when a status line was received)
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param failure why the exchange failed, or {@code null}
     * @param invalidAnswer the library's exception type for an answer that is not valid HTTP
     * @param unwritable recognises the library's exception for a request it cannot write (its request line and
     *            headers do not fit); before a status line arrives it means that nothing of the request was written
     */
    public void complete(int status, @Nullable String contentType, @Nullable Throwable failure,
            Class<? extends Throwable> invalidAnswer, Predicate<Throwable> unwritable) {
        int received = begun ? status : 0;
        byte[] body = Arrays.copyOf(bytes, size);
        if (oversized) {
            onAnswer.accept(new HttpAnswer.Received(received, contentType, body, true));
        } else if (failure != null) {
            onAnswer.accept(
                    new HttpAnswer.Failed(translate(failure, invalidAnswer, begun ? null : unwritable), received));
        } else {
            onAnswer.accept(new HttpAnswer.Received(received, contentType, body, false));
        }
    }

    private static Throwable translate(Throwable failure, Class<? extends Throwable> invalidAnswer,
            @Nullable Predicate<Throwable> unwritable) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH && current != null; depth++) {
            if (invalidAnswer.isInstance(current)) {
                return new HttpTransportException(Reason.INVALID_ANSWER, failure);
            }
            if (unwritable != null && unwritable.test(current)) {
                return new HttpTransportException(Reason.NOT_WRITTEN, failure);
            }
            current = current.getCause();
        }
        return failure;
    }

    /** Aborts an exchange; carries no stack trace. */
    private static final class Abort extends Exception {
        private static final long serialVersionUID = 1L;

        Abort(String message) {
            super(message, null, false, false);
        }
    }
}
