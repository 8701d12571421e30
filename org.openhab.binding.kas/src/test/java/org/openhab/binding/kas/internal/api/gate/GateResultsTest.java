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
package org.openhab.binding.kas.internal.api.gate;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;
import static org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.T0;
import static org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.accepted;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.kas.internal.api.ConnectionFailure;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * Tests of {@link GateResults}: how the value or failure of an attempt becomes exactly one {@link KasResult} (a
 * value, none, an exceptional completion, a cancellation, a throwing supplier), that no message quotes an exception's
 * message (which may hold a URL with the API key), and the results the gate gives without a call.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class GateResultsTest {

    private static final String DESCRIPTION = "Unlock of SS000510";
    /** What an exception's message may contain and no result may show. */
    private static final String LEAK = "https://cloud.kas.com.au/api/lockCommand/remoteUnlock/SS000510/secret-key";
    private static final String CANCELLED = "Unlock of SS000510 was cancelled before KAS answered";

    private static String failedWith(String exception) {
        return "Unlock of SS000510 failed before KAS answered (" + exception + ")";
    }

    /** The result and its message, which never shows the secret. */
    private static void assertResult(KasOutcome outcome, String message, KasResult result) {
        assertEquals(outcome, result.outcome(), result.toString());
        assertEquals(message, result.message());
        assertFalse(result.message().contains("secret"), result.message());
        assertEquals(0, result.httpStatus());
        assertEquals(ConnectionFailure.NONE, result.connectionFailure());
    }

    /** @return what the gate makes of the future's completion, seen as the gate sees it (whenComplete) */
    private static KasResult attemptOf(CompletableFuture<KasResult> future) {
        AtomicReference<@Nullable KasResult> seen = new AtomicReference<>();
        future.whenComplete((value, failure) -> seen.set(GateResults.ofAttempt(DESCRIPTION, value, failure)));
        KasResult result = seen.get();
        assertNotNull(result, "the future was not complete");
        return result;
    }

    private static CompletableFuture<KasResult> failed(Throwable failure) {
        CompletableFuture<KasResult> future = new CompletableFuture<>();
        future.completeExceptionally(failure);
        return future;
    }

    private static CompletableFuture<KasResult> cancelled() {
        CompletableFuture<KasResult> future = new CompletableFuture<>();
        future.cancel(true);
        return future;
    }

    static Stream<Arguments> failures() {
        return Stream.of( //
                argumentSet("cancellation", new CancellationException(LEAK), KasOutcome.CANCELLED, CANCELLED), //
                argumentSet("cancellation in a CompletionException",
                        new CompletionException(new CancellationException(LEAK)), KasOutcome.CANCELLED, CANCELLED), //
                argumentSet("cancellation in nested wrappers",
                        new ExecutionException(new CompletionException(LEAK, new CancellationException())),
                        KasOutcome.CANCELLED, CANCELLED), //
                argumentSet("cancellation as the cause of another exception",
                        new IOException(LEAK, new CancellationException()), KasOutcome.COMMUNICATION_ERROR,
                        failedWith("IOException")), //
                argumentSet("I/O failure", new IOException(LEAK), KasOutcome.COMMUNICATION_ERROR,
                        failedWith("IOException")), //
                argumentSet("I/O failure in a CompletionException", new CompletionException(new IOException(LEAK)),
                        KasOutcome.COMMUNICATION_ERROR, failedWith("IOException")), //
                argumentSet("I/O failure in an ExecutionException", new ExecutionException(new IOException(LEAK)),
                        KasOutcome.COMMUNICATION_ERROR, failedWith("IOException")), //
                argumentSet("CompletionException without cause", new CompletionException(LEAK, null),
                        KasOutcome.COMMUNICATION_ERROR, failedWith("CompletionException")), //
                argumentSet("error", new StackOverflowError(LEAK), KasOutcome.COMMUNICATION_ERROR,
                        failedWith("StackOverflowError")));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failureBecomesAResultNamingOnlyTheExceptionClass(Throwable failure, KasOutcome outcome, String message) {
        assertResult(outcome, message, GateResults.ofAttempt(DESCRIPTION, null, failure));
    }

    @Test
    void failureWinsOverAValue() {
        assertResult(KasOutcome.COMMUNICATION_ERROR, failedWith("IOException"),
                GateResults.ofAttempt(DESCRIPTION, accepted(), new IOException(LEAK)));
    }

    @Test
    void valueIsTheResultItself() {
        KasResult value = accepted();
        assertSame(value, GateResults.ofAttempt(DESCRIPTION, value, null));
    }

    @Test
    void neitherValueNorFailureIsACommunicationError() {
        assertResult(KasOutcome.COMMUNICATION_ERROR, "Unlock of SS000510 ended without a result",
                GateResults.ofAttempt(DESCRIPTION, null, null));
    }

    @Test
    void throwingSupplierBecomesACommunicationErrorNamingItsException() {
        Supplier<CompletableFuture<KasResult>> supplier = () -> {
            throw new IllegalStateException(LEAK);
        };
        // the gate passes what the supplier threw as it is
        IllegalStateException thrown = assertThrows(IllegalStateException.class, supplier::get);
        assertResult(KasOutcome.COMMUNICATION_ERROR, failedWith("IllegalStateException"),
                GateResults.ofAttempt(DESCRIPTION, null, thrown));
    }

    static Stream<Arguments> completions() {
        return Stream.of( //
                argumentSet("completed exceptionally", failed(new IOException(LEAK)), KasOutcome.COMMUNICATION_ERROR,
                        failedWith("IOException")), //
                argumentSet("stage of an exceptionally completed future",
                        failed(new IOException(LEAK)).thenApply(r -> r), KasOutcome.COMMUNICATION_ERROR,
                        failedWith("IOException")), //
                argumentSet("stage that throws", CompletableFuture.completedFuture(accepted()).thenApply(r -> {
                    throw new IllegalArgumentException(LEAK);
                }), KasOutcome.COMMUNICATION_ERROR, failedWith("IllegalArgumentException")), //
                argumentSet("cancelled", cancelled(), KasOutcome.CANCELLED, CANCELLED), //
                argumentSet("stage of a cancelled future", cancelled().thenApply(r -> r), KasOutcome.CANCELLED,
                        CANCELLED), //
                argumentSet("completed with null", CompletableFuture.completedFuture(null),
                        KasOutcome.COMMUNICATION_ERROR, "Unlock of SS000510 ended without a result"));
    }

    @ParameterizedTest
    @MethodSource("completions")
    void completionOfTheCallFutureBecomesOneResult(CompletableFuture<KasResult> future, KasOutcome outcome,
            String message) {
        assertResult(outcome, message, attemptOf(future));
    }

    static Stream<Arguments> ownResults() {
        return Stream.of( //
                argumentSet("closed", GateResults.closed(DESCRIPTION), KasOutcome.CANCELLED,
                        "Unlock of SS000510 not sent: the KAS account was disposed or reconfigured"), //
                argumentSet("cancelled in flight", GateResults.cancelledInFlight(DESCRIPTION), KasOutcome.CANCELLED,
                        "Unlock of SS000510 cancelled: the KAS account was disposed or reconfigured while the "
                                + "request was in flight; KAS may have received it"), //
                argumentSet("withdrawn", GateResults.withdrawn(DESCRIPTION), KasOutcome.CANCELLED,
                        "Unlock of SS000510 not sent: the lock thing was removed"), //
                argumentSet("queue full", GateResults.queueFull(7), KasOutcome.QUEUE_FULL,
                        "KAS request queue is full (7 waiting); command not sent"), //
                argumentSet("expired", GateResults.expired(DESCRIPTION, T0.plusSeconds(10)), KasOutcome.EXPIRED,
                        "Unlock of SS000510 not sent: older than its maximum age (deadline 2026-01-01T00:00:10Z "
                                + "passed)"));
    }

    @ParameterizedTest
    @MethodSource("ownResults")
    void resultsTheGateGivesWithoutACall(KasResult result, KasOutcome outcome, String message) {
        assertResult(outcome, message, result);
    }
}
