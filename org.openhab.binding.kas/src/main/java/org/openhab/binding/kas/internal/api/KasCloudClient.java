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
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Response;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.StringContentProvider;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.openhab.binding.kas.internal.api.dto.PinCodeRequestDto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * Client of the KAS cloud API: remote unlock, PIN code creation and a reachability probe.
 * <p>
 * This is the only class of the add-on that uses Jetty (openHAB 5.3 moves from Jetty 9.4 to Jetty 12; porting
 * touches this file only). It uses the {@link HttpClient} it is given and never creates, starts or stops one.
 * <p>
 * Every method returns at once; the returned future <em>always completes normally</em> with a {@link KasResult}:
 * every failure (timeout, connection problem, odd answer, cancellation) is an outcome, never an exception. The future
 * is completed on a Jetty thread; use the {@code ...Async} methods of {@link CompletableFuture} for anything slow.
 * <p>
 * {@code cancel(...)} on a returned future aborts the HTTP request and completes the future normally with
 * {@link KasOutcome#CANCELLED} ({@code isCancelled()} stays {@code false}); {@link #cancelAll(String)} does that for
 * every request in flight (for example when a thing is disposed). Cancelling a dependent stage (from
 * {@code thenApply} etc.) does not abort the request.
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
    private static final int EXCEPTION_TEXT_MAX = 160;

    private final Logger logger = LoggerFactory.getLogger(KasCloudClient.class);
    private final Gson gson = new GsonBuilder().disableHtmlEscaping().create();
    private final AtomicLong sequence = new AtomicLong();
    private final Set<RequestFuture> inFlight = ConcurrentHashMap.newKeySet();

    private final HttpClient httpClient;
    private final CloudBaseUrl baseUrl;
    private final Duration requestTimeout;

    /**
     * @param httpClient a started HTTP client (shared; this class never starts or stops it)
     * @param baseUrl the cloud base URL
     * @param requestTimeout total time allowed per request, from 1 ms to {@link #MAX_REQUEST_TIMEOUT}
     * @throws IllegalArgumentException if the timeout is out of range
     */
    public KasCloudClient(HttpClient httpClient, CloudBaseUrl baseUrl, Duration requestTimeout) {
        if (requestTimeout.toMillis() < 1 || requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("requestTimeout must be between 1 ms and "
                    + MAX_REQUEST_TIMEOUT.toMinutes() + " minutes, was " + requestTimeout.toMillis() + " ms");
        }
        this.httpClient = httpClient;
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
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
        String url = baseUrl.url() + UNLOCK_PATH + factoryNumber.value() + "/" + apiKey.value();
        return send(Kind.UNLOCK, HttpMethod.GET, url, null, apiKey);
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
        return send(Kind.PIN_CODE, HttpMethod.POST, baseUrl.url() + PIN_CODE_PATH + factoryNumber.value(), json,
                apiKey);
    }

    /**
     * Checks that the cloud answers at all: {@code GET {base}/} without a key. Any HTTP answer, whatever the status,
     * gives {@link KasOutcome#ACCEPTED} (with the status in the message and in {@link KasResult#httpStatus()});
     * otherwise the result is {@link KasOutcome#TIMEOUT} or {@link KasOutcome#COMMUNICATION_ERROR}.
     *
     * @return a future that always completes normally
     */
    public CompletableFuture<KasResult> probe() {
        return send(Kind.PROBE, HttpMethod.GET, baseUrl.url() + "/", null, null);
    }

    /**
     * Aborts every request in flight; their futures complete with {@link KasOutcome#CANCELLED}.
     *
     * @param reason a sentence for the results' message, e.g. "The lock thing was disposed."
     * @return the number of requests cancelled
     */
    public int cancelAll(String reason) {
        int count = 0;
        for (RequestFuture future : inFlight) {
            if (future.cancel(reason)) {
                count++;
            }
        }
        return count;
    }

    /**
     * @return the number of requests sent and not yet completed
     */
    public int inFlightCount() {
        return inFlight.size();
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

    private CompletableFuture<KasResult> send(Kind kind, HttpMethod method, String url, @Nullable String jsonBody,
            @Nullable ApiKey apiKey) {
        long id = sequence.incrementAndGet();
        // redacting costs more than the rest of the request's own work: only when it will be logged
        String logUrl = logger.isDebugEnabled() ? LogSafe.redactUrl(url, apiKey) : "";
        // masks the key (and anything else that looks secret) in any text of this exchange
        Redactor redactor = text -> LogSafe.redact(text, apiKey);
        RequestFuture future = new RequestFuture(this, redactor, kind, method + " " + logUrl, id);
        inFlight.add(future);
        future.whenComplete((result, failure) -> inFlight.remove(future));
        if (!httpClient.isRunning()) {
            future.finish(KasResult.of(KasOutcome.COMMUNICATION_ERROR,
                    "The request was not sent: the HTTP client is not running (starting or shutting down)."));
            return future;
        }
        try {
            long timeoutMillis = requestTimeout.toMillis();
            Request request = httpClient.newRequest(url).method(method).timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .followRedirects(false).header(HttpHeader.ACCEPT, ACCEPT);
            if (kind != Kind.PROBE) {
                request.header(HttpHeader.CONTENT_TYPE, CONTENT_TYPE_JSON);
            }
            if (jsonBody != null) {
                request.content(new StringContentProvider(CONTENT_TYPE_JSON, jsonBody, StandardCharsets.UTF_8));
            }
            logger.debug("KAS #{} {} {} (timeout {} ms)", id, method, logUrl, timeoutMillis);
            if (jsonBody != null && logger.isTraceEnabled()) {
                logger.trace("KAS #{} request body: {}", id, LogSafe.shorten(redactor.redact(jsonBody), LOG_BODY_MAX));
            }
            if (future.attach(request)) {
                request.send(new BoundedResponseListener(this, future));
            }
        } catch (RuntimeException e) {
            future.finish(KasResult.of(KasOutcome.COMMUNICATION_ERROR,
                    "The request could not be sent: " + describe(e, redactor) + "."));
        }
        return future;
    }

    /** Maps a failed exchange to a result. */
    private KasResult failureResult(RequestFuture future, Throwable failure, int status) {
        Redactor redactor = future.redactor;
        Kind kind = future.kind;
        String host = baseUrl.host();
        if (kind == Kind.PROBE && status > 0) {
            return reachable(status);
        }
        String answered = status > 0 ? " after the status line (HTTP " + status + ")" : "";
        String maybeExecuted = kind == Kind.UNLOCK ? " The unlock command may or may not have been executed." : "";
        if (find(failure, TimeoutException.class) != null || find(failure, SocketTimeoutException.class) != null) {
            return KasResult.of(KasOutcome.TIMEOUT, "No " + (status > 0 ? "complete " : "")
                    + "answer from the KAS cloud within " + requestTimeout.toMillis() + " ms." + maybeExecuted, status);
        }
        if (find(failure, UnknownHostException.class) != null) {
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR, "The host name '" + host
                    + "' of the KAS cloud could not be resolved (DNS); check the cloud URL and the network.");
        }
        if (find(failure, ConnectException.class) != null) {
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR, "The connection to " + hostAndPort()
                    + " was refused or could not be established; check the cloud URL and the network.");
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR,
                    "There is no network route to " + hostAndPort() + "; check the network.");
        }
        if (find(failure, SSLHandshakeException.class) != null || find(failure, SSLException.class) != null) {
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR, "The secure (TLS) connection to " + host + " failed: "
                    + describe(failure, redactor) + ". Check the system clock and the certificates.");
        }
        if (find(failure, HttpResponseException.class) != null) {
            return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE,
                    "The KAS cloud sent an invalid HTTP answer: " + describe(failure, redactor) + "." + maybeExecuted,
                    status);
        }
        if (find(failure, EOFException.class) != null || find(failure, ClosedChannelException.class) != null
                || isReset(failure)) {
            String how = isReset(failure) ? "reset" : "closed";
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR, "The connection was " + how + " by " + hostAndPort()
                    + answered + " before a complete answer." + maybeExecuted, status);
        }
        if (find(failure, RejectedExecutionException.class) != null) {
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR,
                    "The HTTP client rejected the request (stopped or overloaded): " + describe(failure, redactor)
                            + ".");
        }
        return KasResult.of(KasOutcome.COMMUNICATION_ERROR, "Communication with the KAS cloud failed" + answered + ": "
                + describe(failure, redactor) + "." + maybeExecuted, status);
    }

    private KasResult reachable(int status) {
        return KasResult.accepted("The KAS cloud at " + baseUrl.host() + " is reachable (HTTP " + status + ").",
                status);
    }

    private String hostAndPort() {
        return baseUrl.authority();
    }

    private static boolean isReset(Throwable failure) {
        SocketException socket = find(failure, SocketException.class);
        if (socket == null) {
            return false;
        }
        String message = socket.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("reset");
    }

    /** The exception's simple class name and sanitised message (key masked, shortened). */
    private static String describe(Throwable failure, Redactor redactor) {
        Throwable root = failure;
        for (int depth = 0; depth < 10; depth++) {
            Throwable cause = root.getCause();
            if (cause == null) {
                break;
            }
            root = cause;
        }
        String message = root.getMessage();
        String text = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return LogSafe.shorten(redactor.redact(text), EXCEPTION_TEXT_MAX);
    }

    private static <T extends Throwable> @Nullable T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; depth < 10; depth++) {
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

    private static Charset charsetOf(@Nullable String contentType) {
        if (contentType != null) {
            for (String parameter : contentType.split(";")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length == 2 && "charset".equalsIgnoreCase(pair[0].strip())) {
                    String name = pair[1].strip().replace("\"", "");
                    try {
                        return Charset.forName(name);
                    } catch (IllegalArgumentException e) {
                        // unknown or illegal charset name: fall back to UTF-8
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Masks the API key of one exchange (and anything else that looks secret) in a text. */
    @FunctionalInterface
    private interface Redactor {
        String redact(String text);
    }

    /** The kind of request. */
    private enum Kind {
        UNLOCK,
        PIN_CODE,
        PROBE
    }

    /** Aborts a request when the caller cancels it. */
    private static final class CancelledByCaller extends Exception {
        private static final long serialVersionUID = 1L;

        CancelledByCaller() {
            super("cancelled", null, false, false);
        }
    }

    /** Aborts a response whose body exceeds {@link KasCloudClient#MAX_BODY_BYTES}. */
    private static final class BodyTooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("response larger than " + MAX_BODY_BYTES / 1024 + " KiB", null, false, false);
        }
    }

    /**
     * The future handed out for one request: completes exactly once, logs the outcome, aborts the request when
     * cancelled.
     */
    private static final class RequestFuture extends CompletableFuture<KasResult> {
        final KasCloudClient owner;
        final long id;
        final Kind kind;
        final String logRequest;
        final Redactor redactor;
        final long startNanos = System.nanoTime();
        private final AtomicBoolean finishing = new AtomicBoolean();
        private volatile @Nullable Request request;

        RequestFuture(KasCloudClient owner, Redactor redactor, Kind kind, String logRequest, long id) {
            this.owner = owner;
            this.id = id;
            this.kind = kind;
            this.logRequest = logRequest;
            this.redactor = redactor;
        }

        /**
         * @return whether the request is to be sent (false if the future was cancelled before)
         */
        boolean attach(Request request) {
            this.request = request;
            if (finishing.get() || isDone()) {
                request.abort(new CancelledByCaller());
                return false;
            }
            return true;
        }

        /**
         * Completes the future with {@link KasOutcome#CANCELLED} and aborts the request.
         *
         * @return whether this call completed the future
         */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return cancel("The request was cancelled.");
        }

        boolean cancel(String reason) {
            boolean completed = finish(KasResult.cancelled(reason));
            Request current = request;
            if (current != null) {
                current.abort(new CancelledByCaller());
            }
            return completed;
        }

        /**
         * Completes the future unless done already; the outcome is logged first, so that the log line comes before
         * anything the caller does with the result.
         *
         * @return whether this call completed the future
         */
        boolean finish(KasResult result) {
            if (!finishing.compareAndSet(false, true)) {
                return false;
            }
            if (owner.logger.isDebugEnabled()) {
                owner.logger.debug("KAS #{} {} -> {} ({}{} ms): {}", id, logRequest, result.outcome(),
                        result.httpStatus() > 0 ? "HTTP " + result.httpStatus() + ", " : "",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), result.message());
            }
            return complete(result);
        }
    }

    /** Reads the answer into a bounded buffer and completes the future. */
    private static final class BoundedResponseListener extends Response.Listener.Adapter {
        private final KasCloudClient owner;
        private final RequestFuture future;
        private byte[] buffer = new byte[0];
        private int size;
        private boolean oversized;
        private volatile boolean begun;

        BoundedResponseListener(KasCloudClient owner, RequestFuture future) {
            this.owner = owner;
            this.future = future;
        }

        @Override
        public void onBegin(@Nullable Response response) {
            // the status line has been received
            begun = true;
        }

        @Override
        public void onHeaders(@Nullable Response response) {
            if (response == null) {
                return;
            }
            long length;
            try {
                length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH.asString());
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length > MAX_BODY_BYTES) {
                oversized = true;
                response.abort(new BodyTooLarge());
            }
        }

        @Override
        public void onContent(@Nullable Response response, @Nullable ByteBuffer content) {
            if (response == null || content == null || oversized) {
                return;
            }
            int incoming = content.remaining();
            int accepted = Math.min(incoming, MAX_BODY_BYTES - size);
            if (size + accepted > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(MAX_BODY_BYTES, Math.max(size + accepted, buffer.length * 2)));
            }
            content.get(buffer, size, accepted);
            size += accepted;
            if (accepted < incoming) {
                oversized = true;
                response.abort(new BodyTooLarge());
            }
        }

        @Override
        public void onComplete(@Nullable Result result) {
            KasResult kasResult;
            try {
                kasResult = result == null
                        ? KasResult.of(KasOutcome.COMMUNICATION_ERROR, "The request ended without a result.")
                        : toKasResult(result);
            } catch (RuntimeException e) {
                kasResult = KasResult.of(KasOutcome.UNEXPECTED_RESPONSE,
                        "The answer of the KAS cloud could not be processed: " + describe(e, future.redactor) + ".");
            }
            future.finish(kasResult);
        }

        private KasResult toKasResult(Result result) {
            Response response = result.getResponse();
            // a status only counts when a status line was received (Jetty sets one for some parse failures too)
            int status = response == null || !begun ? 0 : response.getStatus();
            Throwable failure = result.getFailure();
            if (failure != null && find(failure, CancelledByCaller.class) != null) {
                return KasResult.cancelled("The request was cancelled.");
            }
            if (failure != null && !oversized) {
                KasResult failed = owner.failureResult(future, failure, status);
                owner.logger.trace("KAS #{} failure: {}", future.id, describe(failure, future.redactor));
                return failed;
            }
            if (future.kind == Kind.PROBE) {
                return owner.reachable(status);
            }
            String contentType = response == null ? null : response.getHeaders().get(HttpHeader.CONTENT_TYPE);
            String body = future.redactor.redact(new String(buffer, 0, size, charsetOf(contentType)));
            boolean pinRequest = future.kind == Kind.PIN_CODE;
            if (owner.logger.isTraceEnabled()) {
                String logBody = pinRequest && status == 200 && ResponseClassifier.extractPinCode(body) != null
                        ? "<PIN code, " + body.strip().length() + " characters>"
                        : "'" + LogSafe.shorten(body, LOG_BODY_MAX) + "'";
                owner.logger.trace("KAS #{} answer HTTP {}, {} bytes{}: {}", future.id, status, size,
                        oversized ? " (cut off)" : "", logBody);
            }
            if (oversized) {
                String tooLarge = "response larger than " + MAX_BODY_BYTES / 1024 + " KiB";
                if (status == 200) {
                    return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE,
                            "The KAS cloud answered HTTP 200 with a " + tooLarge + "; it was not read.", status);
                }
                // the status decides; the beginning of the body is enough for the reason
                KasResult classified = ResponseClassifier.classify(status, body, pinRequest);
                return new KasResult(classified.outcome(), classified.message() + " (" + tooLarge + ")",
                        classified.code(), status);
            }
            return ResponseClassifier.classify(status, body, pinRequest);
        }
    }
}
