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

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException.Reason;

/**
 * Maps an HTTP exchange that ended without a complete answer to a {@link KasResult}: time-outs, name resolution,
 * refused or reset connections, TLS, invalid answers. Messages name the host and never quote a URL unredacted.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class FailureClassifier {

    private static final int EXCEPTION_TEXT_MAX = 160;
    /** The cause's description is never cut shorter than this, whatever the rest of the message takes. */
    private static final int MIN_EXCEPTION_TEXT = 20;
    private static final int MAX_CAUSE_DEPTH = 10;

    private final CloudBaseUrl baseUrl;
    private final Duration requestTimeout;

    FailureClassifier(CloudBaseUrl baseUrl, Duration requestTimeout) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
    }

    /**
     * @param failure why the exchange ended
     * @param status the HTTP status if a status line was received, otherwise 0
     * @param unlock whether the request was a remote unlock (which may then have been executed or not)
     * @param redactor masks the API key in exception messages
     * @return the result
     */
    KasResult classify(Throwable failure, int status, boolean unlock, UnaryOperator<String> redactor) {
        String answered = status > 0 ? " after the status line (HTTP " + status + ")" : "";
        HttpTransportException transport = find(failure, HttpTransportException.class);
        boolean notWritten = transport != null && transport.reason() == Reason.NOT_WRITTEN;
        String maybeExecuted = unlock && !notWritten ? " The unlock command may or may not have been executed." : "";
        if (transport != null && transport.reason() == Reason.NOT_RUNNING) {
            return failed(ConnectionFailure.NOT_SENT,
                    "The request was not sent: the HTTP client is not running (starting or shutting down).", 0);
        }
        if (transport != null && transport.reason() == Reason.NOT_BEGUN) {
            return KasResult.of(KasOutcome.EXPIRED, "The request was not sent: when the HTTP client had a connection "
                    + "for it, it was no longer wanted (older than its maximum age).", 0);
        }
        if (transport != null && transport.reason() == Reason.NOT_SENT) {
            return failed(ConnectionFailure.NOT_SENT,
                    withCause("The request could not be sent: ", failure, redactor, "."), 0);
        }
        if (find(failure, TimeoutException.class) != null || find(failure, SocketTimeoutException.class) != null) {
            return KasResult.connectionFailed(
                    KasOutcome.TIMEOUT, ConnectionFailure.TIMEOUT, "No " + (status > 0 ? "complete " : "")
                            + "answer from the KAS cloud within " + requestTimeout.toMillis() + " ms." + maybeExecuted,
                    status);
        }
        if (find(failure, UnknownHostException.class) != null) {
            return failed(ConnectionFailure.UNKNOWN_HOST,
                    "The host name '" + baseUrl.host()
                            + "' of the KAS cloud could not be resolved (DNS); check the cloud URL and the network.",
                    0);
        }
        if (find(failure, ConnectException.class) != null) {
            return failed(ConnectionFailure.REFUSED, "The connection to " + baseUrl.authority()
                    + " was refused or could not be established; check the cloud URL and the network.", 0);
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return failed(ConnectionFailure.NO_ROUTE,
                    "There is no network route to " + baseUrl.authority() + "; check the network.", 0);
        }
        if (find(failure, SSLException.class) != null) {
            // nothing is sent before the handshake is done; a secure connection that fails later may have carried it
            String afterHandshake = find(failure, SSLHandshakeException.class) == null ? maybeExecuted : "";
            return failed(ConnectionFailure.TLS,
                    withCause("The secure (TLS) connection to " + baseUrl.host() + " failed: ", failure, redactor,
                            ". Check the system clock and the certificates." + afterHandshake),
                    0);
        }
        if (notWritten) {
            return failed(ConnectionFailure.NOT_SENT,
                    withCause("The request could not be sent" + tooLarge(failure) + ": ", failure, redactor, "."), 0);
        }
        if (transport != null && transport.reason() == Reason.INVALID_ANSWER) {
            return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE,
                    withCause("The KAS cloud sent an invalid HTTP answer: ", failure, redactor, "." + maybeExecuted),
                    status);
        }
        boolean reset = isReset(failure);
        if (reset || find(failure, EOFException.class) != null || find(failure, ClosedChannelException.class) != null) {
            return failed(ConnectionFailure.CONNECTION_LOST, "The connection was " + (reset ? "reset" : "closed")
                    + " by " + baseUrl.authority() + answered + " before a complete answer." + maybeExecuted, status);
        }
        if (find(failure, RejectedExecutionException.class) != null) {
            return failed(ConnectionFailure.NOT_SENT,
                    withCause("The HTTP client rejected the request (stopped or overloaded): ", failure, redactor, "."),
                    0);
        }
        return failed(ConnectionFailure.OTHER, withCause("Communication with the KAS cloud failed" + answered + ": ",
                failure, redactor, "." + maybeExecuted), status);
    }

    /**
     * @return the message with the cause's description in the middle, shortened so that the whole message fits into a
     *         result: what comes after it (whether an unlock may have been executed) is never cut off
     */
    private static String withCause(String before, Throwable failure, UnaryOperator<String> redactor, String after) {
        int room = KasResult.MAX_MESSAGE_LENGTH - before.length() - after.length();
        return before + describe(failure, redactor, Math.max(MIN_EXCEPTION_TEXT, Math.min(EXCEPTION_TEXT_MAX, room)))
                + after;
    }

    /**
     * @return why a request may not fit (Jetty's own words, in both lines, are "... too large"), or nothing
     */
    private static String tooLarge(Throwable failure) {
        String text = describe(failure, UnaryOperator.identity()).toLowerCase(Locale.ROOT);
        return text.contains("too large")
                ? ", it is too large for openHAB's HTTP client (API keys of more than about " + "3800 characters)"
                : "";
    }

    private static KasResult failed(ConnectionFailure failure, String message, int status) {
        return KasResult.connectionFailed(KasOutcome.COMMUNICATION_ERROR, failure, message, status);
    }

    /**
     * @return the simple class name and the sanitised message (key masked, shortened) of the innermost cause
     */
    static String describe(Throwable failure, UnaryOperator<String> redactor) {
        return describe(failure, redactor, EXCEPTION_TEXT_MAX);
    }

    private static String describe(Throwable failure, UnaryOperator<String> redactor, int max) {
        Throwable root = failure;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
            Throwable cause = root.getCause();
            if (cause == null) {
                break;
            }
            root = cause;
        }
        String message = root.getMessage();
        String text = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return LogSafe.shorten(redactor.apply(text), max);
    }

    private static boolean isReset(Throwable failure) {
        SocketException socket = find(failure, SocketException.class);
        if (socket == null) {
            return false;
        }
        String message = socket.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("reset");
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; depth < MAX_CAUSE_DEPTH; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            Throwable cause = current.getCause();
            if (cause == null) {
                return null;
            }
            current = cause;
        }
        return null;
    }
}
