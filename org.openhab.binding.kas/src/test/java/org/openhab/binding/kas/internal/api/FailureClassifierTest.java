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

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException.Reason;

/**
 * Tests of {@link FailureClassifier}: every branch from a transport or JDK exception to an outcome, a
 * {@link ConnectionFailure} and a message, which branch wins when a chain holds several causes, that only an unlock
 * that may have been written is said to have perhaps been executed, and that the API key never shows in a message.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class FailureClassifierTest {

    private static final String MAYBE_EXECUTED = " The unlock command may or may not have been executed.";
    private static final String AUTHORITY = "cloud.kas.com.au:8443";
    /** A remote-unlock URL with the key, as an exception message may quote it. */
    private static final String URL_WITH_KEY = "https://" + AUTHORITY + "/api/lockCommand/remoteUnlock/SS000510/"
            + ApiKeyTest.KEY;

    private final FailureClassifier classifier = new FailureClassifier(CloudBaseUrl.parse("https://" + AUTHORITY),
            Duration.ofSeconds(10));
    /** Masks the key as the client does. */
    private final UnaryOperator<String> redactor = text -> LogSafe.redact(text, ApiKey.parse(ApiKeyTest.KEY));

    private static HttpTransportException transport(Reason reason, Throwable cause) {
        return new HttpTransportException(reason, cause);
    }

    /**
     * One row: the failure (and the status received before it) gives the outcome, the connection failure, the status
     * and the message; for an unlock, the message goes on to say that it may have been executed when {@code written}.
     */
    private static Arguments row(String name, Throwable failure, int status, KasOutcome outcome,
            ConnectionFailure connectionFailure, int resultStatus, boolean written, String message) {
        return argumentSet(name, failure, status, outcome, connectionFailure, resultStatus, written, message);
    }

    private static Arguments notSent(String name, Throwable failure, ConnectionFailure connectionFailure,
            String message) {
        return row(name, failure, 0, KasOutcome.COMMUNICATION_ERROR, connectionFailure, 0, false, message);
    }

    private static Arguments written(String name, Throwable failure, int status, ConnectionFailure connectionFailure,
            String message) {
        return row(name, failure, status, KasOutcome.COMMUNICATION_ERROR, connectionFailure, status, true, message);
    }

    static Stream<Arguments> failures() {
        String noAnswer = "No answer from the KAS cloud within 10000 ms.";
        String notRunning = "The request was not sent: the HTTP client is not running (starting or shutting down).";
        String refused = "The connection to " + AUTHORITY
                + " was refused or could not be established; check the cloud URL and the network.";
        return Stream.of( //
                row("timeout", new TimeoutException("Total timeout 10000 ms elapsed"), 0, KasOutcome.TIMEOUT,
                        ConnectionFailure.TIMEOUT, 0, true, noAnswer), //
                row("timeout after the status line", new TimeoutException(), 200, KasOutcome.TIMEOUT,
                        ConnectionFailure.TIMEOUT, 200, true, "No complete answer from the KAS cloud within 10000 ms."), //
                row("socket timeout, wrapped", new ExecutionException(new IOException(new SocketTimeoutException())), 0,
                        KasOutcome.TIMEOUT, ConnectionFailure.TIMEOUT, 0, true, noAnswer), //
                row("timeout of a request that was not written",
                        transport(Reason.NOT_WRITTEN, new SocketTimeoutException()), 0, KasOutcome.TIMEOUT,
                        ConnectionFailure.TIMEOUT, 0, false, noAnswer), //
                notSent("client not running", new HttpTransportException(Reason.NOT_RUNNING, null),
                        ConnectionFailure.NOT_SENT, notRunning), //
                notSent("client not running wins over a timeout",
                        new CompletionException(transport(Reason.NOT_RUNNING, new TimeoutException())),
                        ConnectionFailure.NOT_SENT, notRunning), //
                notSent("request not handed over",
                        transport(Reason.NOT_SENT, new IllegalArgumentException("bad header")),
                        ConnectionFailure.NOT_SENT,
                        "The request could not be sent: IllegalArgumentException: bad header."), //
                notSent("request not handed over wins over a timeout",
                        transport(Reason.NOT_SENT, new TimeoutException("queue")), ConnectionFailure.NOT_SENT,
                        "The request could not be sent: TimeoutException: queue."), //
                notSent("request too large to write",
                        transport(Reason.NOT_WRITTEN, new IOException("Request header too large")),
                        ConnectionFailure.NOT_SENT,
                        "The request could not be sent, it is too large for openHAB's HTTP client (API keys of more "
                                + "than about 3800 characters): IOException: Request header too large."), //
                notSent("request not written for another reason",
                        transport(Reason.NOT_WRITTEN, new IllegalStateException("encoder")), ConnectionFailure.NOT_SENT,
                        "The request could not be sent: IllegalStateException: encoder."), //
                notSent("unknown host", new UnknownHostException("cloud.kas.com.au: Name or service not known"),
                        ConnectionFailure.UNKNOWN_HOST,
                        "The host name 'cloud.kas.com.au' of the KAS cloud could not be resolved (DNS); check the "
                                + "cloud URL and the network."), //
                notSent("connection refused", new ConnectException("Connection refused"), ConnectionFailure.REFUSED,
                        refused), //
                notSent("refused wins over reset", new IOException(new ConnectException("Connection reset")),
                        ConnectionFailure.REFUSED, refused), //
                notSent("no route", new NoRouteToHostException("No route to host"), ConnectionFailure.NO_ROUTE,
                        "There is no network route to " + AUTHORITY + "; check the network."), //
                notSent("TLS handshake", new SSLHandshakeException("PKIX path building failed"), ConnectionFailure.TLS,
                        "The secure (TLS) connection to cloud.kas.com.au failed: SSLHandshakeException: PKIX path "
                                + "building failed. Check the system clock and the certificates."), //
                // after the handshake, the request may have been sent on the secure connection
                written("TLS after the handshake wins over reset",
                        new SSLException("closed", new SocketException("Connection reset")), 0, ConnectionFailure.TLS,
                        "The secure (TLS) connection to cloud.kas.com.au failed: SocketException: Connection reset. "
                                + "Check the system clock and the certificates."), //
                notSent("rejected by the client", new RejectedExecutionException("stopped"), ConnectionFailure.NOT_SENT,
                        "The HTTP client rejected the request (stopped or overloaded): RejectedExecutionException: "
                                + "stopped."), //
                row("invalid answer", transport(Reason.INVALID_ANSWER, new IOException("bad status line")), 0,
                        KasOutcome.UNEXPECTED_RESPONSE, ConnectionFailure.NONE, 0, true,
                        "The KAS cloud sent an invalid HTTP answer: IOException: bad status line."), //
                row("invalid answer wins over end of stream", transport(Reason.INVALID_ANSWER, new EOFException("eof")),
                        502, KasOutcome.UNEXPECTED_RESPONSE, ConnectionFailure.NONE, 502, true,
                        "The KAS cloud sent an invalid HTTP answer: EOFException: eof."), //
                written("connection reset after the status line", new SocketException("Connection reset by peer"), 200,
                        ConnectionFailure.CONNECTION_LOST,
                        "The connection was reset by " + AUTHORITY
                                + " after the status line (HTTP 200) before a complete answer."), //
                written("end of stream", new EOFException(), 0, ConnectionFailure.CONNECTION_LOST,
                        "The connection was closed by " + AUTHORITY + " before a complete answer."), //
                written("channel closed", new IOException(new ClosedChannelException()), 0,
                        ConnectionFailure.CONNECTION_LOST,
                        "The connection was closed by " + AUTHORITY + " before a complete answer."), //
                written("socket failure other than a reset", new SocketException("Broken pipe"), 200,
                        ConnectionFailure.OTHER,
                        "Communication with the KAS cloud failed after the status line "
                                + "(HTTP 200): SocketException: Broken pipe."), //
                written("anything else", new IllegalStateException("boom"), 0, ConnectionFailure.OTHER,
                        "Communication with the KAS cloud failed: IllegalStateException: boom."));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failureIsClassified(Throwable failure, int status, KasOutcome outcome, ConnectionFailure connectionFailure,
            int resultStatus, boolean written, String message) {
        for (boolean unlock : new boolean[] { false, true }) {
            KasResult result = classifier.classify(failure, status, unlock, redactor);
            String expected = message + (unlock && written ? MAYBE_EXECUTED : "");
            assertEquals(outcome, result.outcome(), result.toString());
            assertEquals(connectionFailure, result.connectionFailure(), result.toString());
            assertEquals(resultStatus, result.httpStatus(), result.toString());
            assertEquals(expected, result.message(), "unlock: " + unlock);
        }
    }

    static Stream<Arguments> failuresWithALongText() {
        String longText = "a long explanation ".repeat(20);
        return Stream.of( //
                argumentSet("invalid answer", transport(Reason.INVALID_ANSWER, new IOException(longText)), 0), //
                argumentSet("TLS after the handshake", new SSLException(longText), 0), //
                argumentSet("anything else", new IllegalStateException(longText), 200));
    }

    @ParameterizedTest
    @MethodSource("failuresWithALongText")
    void aLongCauseIsCutSoThatTheMessageStillSaysThatTheUnlockMayHaveBeenExecuted(Throwable failure, int status) {
        KasResult result = classifier.classify(failure, status, true, redactor);
        assertTrue(result.message().endsWith(MAYBE_EXECUTED), result.message());
        assertTrue(result.message().contains("a long explanation"), result.message());
        assertTrue(result.message().length() <= KasResult.MAX_MESSAGE_LENGTH, result.message());
    }

    static Stream<Arguments> failuresQuotingTheKey() {
        IOException quoting = new IOException("GET " + URL_WITH_KEY);
        return Stream.of( //
                argumentSet("not handed over", transport(Reason.NOT_SENT, quoting)), //
                argumentSet("not written", transport(Reason.NOT_WRITTEN, quoting)), //
                argumentSet("invalid answer", transport(Reason.INVALID_ANSWER, quoting)), //
                argumentSet("TLS", new SSLException(quoting)), //
                argumentSet("rejected", new RejectedExecutionException(quoting)), //
                argumentSet("anything else", new CompletionException(quoting)));
    }

    @ParameterizedTest
    @MethodSource("failuresQuotingTheKey")
    void keyInAnExceptionMessageIsMasked(Throwable failure) {
        for (boolean unlock : new boolean[] { false, true }) {
            KasResult result = classifier.classify(failure, 0, unlock, redactor);
            assertFalse(result.message().contains(ApiKeyTest.KEY.substring(0, 12)), result.message());
            if (!unlock) {
                // where the message leaves room for the whole URL (an unlock's says more and may cut it)
                assertTrue(result.message().contains("remoteUnlock/SS000510/" + LogSafe.MASK), result.message());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 100, 130, 142 })
    void keyCutByTheLengthLimitIsMaskedBeforeTheCut(int prefixLength) {
        String text = "x".repeat(prefixLength) + " " + ApiKeyTest.KEY;
        String described = FailureClassifier.describe(new IOException(text), redactor);
        assertFalse(described.contains(ApiKeyTest.KEY.substring(0, 3)), described);
        assertTrue(described.length() <= 160, described);
        assertTrue(described.startsWith("IOException: xxx"), described);
    }

    @Test
    void describeNamesTheInnermostCauseWithoutMessageWhenItHasNone() {
        Throwable failure = new ExecutionException(URL_WITH_KEY, new IOException(URL_WITH_KEY, new EOFException()));
        assertEquals("EOFException", FailureClassifier.describe(failure, redactor));
    }

    @Test
    void causeCycleEndsTheSearch() {
        IOException first = new IOException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);
        KasResult result = assertDoesNotThrow(() -> classifier.classify(first, 0, false, redactor));
        assertEquals(ConnectionFailure.OTHER, result.connectionFailure());
        assertTrue(result.message().startsWith("Communication with the KAS cloud failed: "), result.message());
    }
}
