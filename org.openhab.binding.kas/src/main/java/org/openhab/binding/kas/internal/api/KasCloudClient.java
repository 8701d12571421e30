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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.dto.PinCodeRequestDto;
import org.openhab.binding.kas.internal.api.transport.HttpAnswer;
import org.openhab.binding.kas.internal.api.transport.HttpCall;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * Client of the KAS cloud API: remote unlock, PIN code creation and a reachability probe. It builds the requests,
 * hands them to an {@link HttpTransport} (the only part of the add-on that knows the HTTP library) and turns the
 * answers into {@link KasResult}s ({@link AnswerReader}, {@link FailureClassifier}).
 * <p>
 * Every method returns at once; the returned future <em>always completes normally</em> with a {@link KasResult}:
 * every failure (timeout, connection problem, odd answer, cancellation) is an outcome, never an exception. The future
 * is completed on a thread of the HTTP library; use the {@code ...Async} methods of {@link CompletableFuture} for
 * anything slow.
 * <p>
 * {@code cancel(...)} on a returned future aborts the HTTP request and completes the future normally with
 * {@link KasOutcome#CANCELLED} ({@code isCancelled()} stays {@code false}); the handlers do that through their request
 * gate when a thing is disposed. Cancelling a dependent stage (from {@code thenApply} etc.) does not abort the
 * request.
 * <p>
 * Answers are read with a bounded buffer of {@value #MAX_BODY_BYTES} bytes. Redirects are not followed (they could
 * carry the API key to another host). Log lines (DEBUG and TRACE only) show the URL with the key masked
 * ({@code .../remoteUnlock/SS000510/***}), sanitised bodies and never a PIN code or a stack trace.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class KasCloudClient {

    /** The largest answer body that is read. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    /** The longest accepted request timeout. */
    public static final Duration MAX_REQUEST_TIMEOUT = Duration.ofMinutes(5);

    static final String UNLOCK_PATH = "/api/lockCommand/remoteUnlock/";
    static final String PIN_CODE_PATH = "/api/lockCommand/pinCode/";
    static final String CONTENT_TYPE_JSON = "application/json";
    static final String ACCEPT = "text/plain, application/json;q=0.9, */*;q=0.1";

    private static final int LOG_BODY_MAX = 200;

    private final Logger logger = LoggerFactory.getLogger(KasCloudClient.class);
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final AtomicLong sequence = new AtomicLong();

    private final HttpTransport transport;
    private final CloudBaseUrl baseUrl;
    private final Duration requestTimeout;
    private final FailureClassifier failures;
    private final AnswerReader answers;

    /**
     * @param transport sends the requests (shared; this class never starts or stops anything)
     * @param baseUrl the cloud base URL
     * @param requestTimeout total time allowed per request, from 1 ms to {@link #MAX_REQUEST_TIMEOUT}
     * @throws IllegalArgumentException if the timeout is out of range
     */
    public KasCloudClient(HttpTransport transport, CloudBaseUrl baseUrl, Duration requestTimeout) {
        if (requestTimeout.toMillis() < 1 || requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("requestTimeout must be between 1 ms and "
                    + MAX_REQUEST_TIMEOUT.toMinutes() + " minutes, was " + requestTimeout.toMillis() + " ms");
        }
        this.transport = transport;
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
        this.failures = new FailureClassifier(baseUrl, requestTimeout);
        this.answers = new AnswerReader(logger, MAX_BODY_BYTES);
    }

    /**
     * Sends a remote unlock: {@code GET {base}/api/lockCommand/remoteUnlock/{factoryNumber}/{apiKey}}.
     * <p>
     * {@link KasOutcome#ACCEPTED} means the cloud queued the command for the lock's gateway; it does not confirm that
     * the door opened. After {@link KasOutcome#TIMEOUT} or {@link KasOutcome#COMMUNICATION_ERROR} the command may
     * or may not have been executed.
     *
     * @return a future that always completes normally
     */
    public CompletableFuture<KasResult> remoteUnlock(FactoryNumber factoryNumber, ApiKey apiKey) {
        return remoteUnlock(factoryNumber, apiKey, () -> true);
    }

    /**
     * Sends a remote unlock, see {@link #remoteUnlock(FactoryNumber, ApiKey)}, unless it is no longer wanted when the
     * HTTP client has a connection for it and is about to write it: then nothing is sent and the result is
     * {@link KasOutcome#EXPIRED}.
     *
     * @param mayBegin asked right before the request is written (on the HTTP client's thread): whether it is still
     *            wanted, e.g. still within the maximum age of its command
     * @return a future that always completes normally
     */
    public CompletableFuture<KasResult> remoteUnlock(FactoryNumber factoryNumber, ApiKey apiKey,
            BooleanSupplier mayBegin) {
        String url = baseUrl.url() + UNLOCK_PATH + factoryNumber.value() + "/" + apiKey.value();
        return send(RequestKind.UNLOCK, "GET", url, null, apiKey, mayBegin);
    }

    /**
     * Requests a PIN code: {@code POST {base}/api/lockCommand/pinCode/{factoryNumber}} with the JSON body
     * <code>{"mode":..,"duration":..,"startTime":..,"apiKey":".."}</code>. On success the result's
     * {@link KasResult#code()} holds the code (digits as text, leading zeros kept).
     *
     * @return a future that always completes normally
     */
    public CompletableFuture<KasResult> createPinCode(FactoryNumber factoryNumber, ApiKey apiKey,
            PinCodeRequest request) {
        String json = gson
                .toJson(new PinCodeRequestDto(request.mode(), request.duration(), request.startTime(), apiKey.value()));
        return send(RequestKind.PIN_CODE, "POST", baseUrl.url() + PIN_CODE_PATH + factoryNumber.value(), json, apiKey,
                () -> true);
    }

    /**
     * Checks that the cloud answers at all: {@code GET {base}/} without a key. Any HTTP answer, whatever the status,
     * gives {@link KasOutcome#ACCEPTED} (with the status in the message and in {@link KasResult#httpStatus()});
     * otherwise the result is {@link KasOutcome#TIMEOUT} or {@link KasOutcome#COMMUNICATION_ERROR}.
     *
     * @return a future that always completes normally
     */
    public CompletableFuture<KasResult> probe() {
        return send(RequestKind.PROBE, "GET", baseUrl.url() + "/", null, null, () -> true);
    }

    /**
     * @return the cloud base URL
     */
    public CloudBaseUrl baseUrl() {
        return baseUrl;
    }

    /**
     * @return the total time allowed per request
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    private CompletableFuture<KasResult> send(RequestKind kind, String method, String url, @Nullable String jsonBody,
            @Nullable ApiKey apiKey, BooleanSupplier mayBegin) {
        long id = sequence.incrementAndGet();
        // masks the key (and anything else that looks secret) in any text of this exchange
        UnaryOperator<String> redactor = text -> LogSafe.redact(text, apiKey);
        // redacting costs more than the rest of the request's own work: only when it will be logged
        boolean debug = logger.isDebugEnabled();
        String logUrl = debug ? LogSafe.redactUrl(url, apiKey) : "";
        PendingRequest request = new PendingRequest(id, kind, redactor, logger, debug ? method + " " + logUrl : "");
        if (debug) {
            logger.debug("KAS #{} {} {} (timeout {} ms)", id, method, logUrl, requestTimeout.toMillis());
        }
        if (jsonBody != null && logger.isTraceEnabled()) {
            logger.trace("KAS #{} request body: {}", id, LogSafe.shorten(redactor.apply(jsonBody), LOG_BODY_MAX));
        }
        HttpCall call = new HttpCall(method, url, ACCEPT, kind == RequestKind.PROBE ? null : CONTENT_TYPE_JSON,
                jsonBody, requestTimeout, MAX_BODY_BYTES, mayBegin);
        request.attach(transport.send(call, answer -> request.finish(toResult(request, answer))));
        return request;
    }

    private KasResult toResult(PendingRequest request, HttpAnswer answer) {
        try {
            if (answer instanceof HttpAnswer.Received received) {
                return request.kind == RequestKind.PROBE ? reachable(received.status())
                        : answers.read(request.id, received, request.kind == RequestKind.PIN_CODE, request.redactor);
            }
            HttpAnswer.Failed failed = (HttpAnswer.Failed) answer;
            if (request.kind == RequestKind.PROBE && failed.status() > 0) {
                return reachable(failed.status());
            }
            if (logger.isTraceEnabled()) {
                logger.trace("KAS #{} failure: {}", request.id,
                        FailureClassifier.describe(failed.failure(), request.redactor));
            }
            return failures.classify(failed.failure(), failed.status(), request.kind == RequestKind.UNLOCK,
                    request.redactor);
        } catch (RuntimeException e) {
            return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE, "The answer of the KAS cloud could not be processed: "
                    + FailureClassifier.describe(e, request.redactor) + ".");
        }
    }

    private KasResult reachable(int status) {
        return KasResult.accepted("The KAS cloud at " + baseUrl.host() + " is reachable (HTTP " + status + ").",
                status);
    }
}
