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

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scriptable misbehaviour of the emulated cloud, registered with {@link KasCloudEmulator#addFault(Fault)}.
 * <p>
 * Built in a fluent style: {@code Fault.on(Endpoint.UNLOCK).forLock("SS000510").times(2).gatewayTimeout()}. The
 * builder methods change and return this fault, so they may also be called after the fault has been added. A fault has
 * a filter ({@link #on(Endpoint)} or {@link #any()}, {@link #forLock(String)}), a budget ({@link #times(int)}, default
 * unlimited), an optional {@link #delay(Duration)} and at most one action (the last action method called wins). A
 * fault with a delay and no action delays the request and then lets the emulator answer normally.
 * <p>
 * Faults are checked after routing and the queue accounting and before the business logic; the first matching fault
 * with budget left is
 * used (and its budget reduced), the others are not looked at. A fault action replaces the business logic: an unlock
 * answered by a fault action is never executed (it does not appear in {@link KasCloudEmulator#executedUnlocks()}).
 * {@link #hold()} is the exception: it only defers the normal answer until {@link #release()}.
 *
 * @author KAS binding contributors - Initial contribution
 */
public final class Fault {

    private static final int UNLIMITED = -1;

    private final Endpoint endpoint;
    private volatile String factoryNumber;
    private final AtomicInteger remaining = new AtomicInteger(UNLIMITED);
    private final AtomicInteger hits = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;
    private volatile FaultSpec.Action action = FaultSpec.Action.NONE;
    private volatile int status;
    private volatile String contentType;
    private volatile String body = "";
    private volatile int bytes;
    /** the requests this fault holds now ({@link #hold()} or {@link #silent()}) */
    private final HeldRequests held = new HeldRequests();

    private Fault(Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * A fault for requests routed to one endpoint.
     *
     * @param endpoint the endpoint, not {@code null}
     * @return a new fault without action (add one, or a delay)
     */
    public static Fault on(Endpoint endpoint) {
        return new Fault(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /**
     * A fault for requests to any endpoint, including {@code GET /} and unknown paths.
     *
     * @return a new fault without action (add one, or a delay)
     */
    public static Fault any() {
        return new Fault(null);
    }

    /**
     * Restricts the fault to requests for one lock (the factory number in the path). Requests without a factory
     * number ({@link Endpoint#ROOT}, {@link Endpoint#OTHER}) then never match.
     *
     * @param factoryNumber the factory number, e.g. {@code SS000510}
     * @return this fault
     */
    public Fault forLock(String factoryNumber) {
        this.factoryNumber = Objects.requireNonNull(factoryNumber, "factoryNumber");
        return this;
    }

    /**
     * Limits how many requests the fault affects; afterwards it no longer matches. Default: unlimited until
     * {@link KasCloudEmulator#clearFaults()}.
     *
     * @param n the number of requests, {@code >= 0}
     * @return this fault
     */
    public Fault times(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("times must be >= 0, was " + n);
        }
        remaining.set(n);
        return this;
    }

    /**
     * Delays the answer (on top of the emulator's default delay), then answers normally or applies this fault's
     * action. The delay holds no platform thread.
     *
     * @param d the delay, not negative
     * @return this fault
     */
    public Fault delay(Duration d) {
        Objects.requireNonNull(d, "delay");
        if (d.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + d);
        }
        this.delay = d;
        return this;
    }

    /**
     * Answers with the given status, content type and body instead of the normal answer.
     *
     * @param status the HTTP status
     * @param contentType the content type, or {@code null} for none
     * @param body the body, sent as UTF-8
     * @return this fault
     * @throws IllegalArgumentException if the status is not 100..999 or the content type has a line break
     */
    public Fault respond(int status, String contentType, String body) {
        checkStatus(status);
        if (contentType != null && (contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("a content type must not contain a line break");
        }
        this.status = status;
        this.contentType = contentType;
        this.body = Objects.requireNonNull(body, "body");
        return action(FaultSpec.Action.RESPOND);
    }

    /**
     * Answers {@code 500 Unknown Error} ({@code text/plain;charset=utf-8}), as KAS documents for internal errors.
     * (A shortcut for {@link #respond(int, String, String)}.)
     *
     * @return this fault
     */
    public Fault unknownError() {
        return respond(500, Answer.TEXT, BusinessLogic.UNKNOWN_ERROR);
    }

    /**
     * Answers with the given status and a small HTML error page ({@code text/html}), as a proxy or load balancer in
     * front of the cloud would, e.g. 502 or 503.
     *
     * @param status the HTTP status
     * @return this fault
     */
    public Fault htmlErrorPage(int status) {
        checkStatus(status);
        this.status = status;
        return action(FaultSpec.Action.HTML_ERROR_PAGE);
    }

    /**
     * Answers {@code 504} with the documented JSON body, as KAS does when the lock's gateway is offline.
     *
     * @return this fault
     */
    public Fault gatewayTimeout() {
        return action(FaultSpec.Action.GATEWAY_TIMEOUT);
    }

    /**
     * Sends the status line, the headers (with a {@code Content-Length} larger than what follows) and part of the
     * body, then kills the connection.
     *
     * @return this fault
     */
    public Fault closeMidResponse() {
        return action(FaultSpec.Action.CLOSE_MID_RESPONSE);
    }

    /**
     * Closes the connection (with a TCP reset where possible) before any byte of the response.
     *
     * @return this fault
     */
    public Fault resetConnection() {
        return action(FaultSpec.Action.RESET_CONNECTION);
    }

    /**
     * Answers {@code 200} with a body of exactly that many bytes: digits for the PIN endpoint, ASCII text otherwise.
     *
     * @param bytes the body size, {@code >= 0}
     * @return this fault
     */
    public Fault oversizedBody(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, was " + bytes);
        }
        this.bytes = bytes;
        return action(FaultSpec.Action.OVERSIZED_BODY);
    }

    /**
     * Answers {@code 200} ({@code text/plain;charset=utf-8}) with the given body, e.g. a PIN that is not 8 digits.
     * Meant for the PIN endpoint, but applies to whatever endpoint the fault matches.
     *
     * @param body the body
     * @return this fault
     */
    public Fault malformedPin(String body) {
        this.body = Objects.requireNonNull(body, "body");
        return action(FaultSpec.Action.MALFORMED_PIN);
    }

    /**
     * Never answers: the request is held (holding no platform thread) until the client gives up (closes the
     * connection), the emulator is closed, or {@link KasCloudEmulator#abortHeldRequests()} is called; then the
     * connection is closed without an answer. A held request of an account counts as in flight for the queue limit
     * until then. {@link #release()} does not end it.
     *
     * @return this fault
     */
    public Fault silent() {
        return action(FaultSpec.Action.SILENT);
    }

    /**
     * Holds the request until {@link #release()} is called on this fault; then it gets its normal answer, made at
     * release time (the business logic runs then, with the state of that moment; a call dropped by the queue limit
     * gets its {@code 200}). Lets tests control time instead of waiting for a {@link #delay(Duration)}.
     * <p>
     * Until released, a held request counts as in flight for its account. A delay (the emulator's default delay or
     * this fault's) still applies, counted from the request's arrival: the answer comes at release or when the delay
     * is over, whichever is later. A client that gives up does not end the hold (like a slow cloud, the emulator does
     * not notice): the request is still answered, and an unlock executed, at release. {@link
     * KasCloudEmulator#abortHeldRequests()} and {@link KasCloudEmulator#close()} end held requests without an answer.
     *
     * @return this fault
     */
    public Fault hold() {
        return action(FaultSpec.Action.HOLD);
    }

    /**
     * Releases every request this fault holds now ({@link #hold()}): each gets its normal answer. Requests that match
     * later are held again (use {@link #times(int)} or {@link KasCloudEmulator#clearFaults()} to stop that). Requests
     * held by {@link #silent()} are not affected.
     *
     * @return how many requests were released
     */
    public int release() {
        return held.release();
    }

    /**
     * How many requests this fault holds now: {@link #hold()} requests not yet released and {@link #silent()}
     * requests whose connection is still open. Requests count from the moment they are in
     * {@link KasCloudEmulator#requests()} (see {@link KasCloudEmulator#awaitRequests(int, Duration)}).
     *
     * @return the number of held requests
     */
    public int held() {
        return held.count();
    }

    /**
     * How many requests this fault has affected so far.
     *
     * @return the number of requests
     */
    public int hits() {
        return hits.get();
    }

    @Override
    public String toString() {
        return "Fault[" + (endpoint == null ? "any" : endpoint)
                + (factoryNumber == null ? "" : " lock " + factoryNumber) + ", action " + action
                + (delay.isZero() ? "" : ", delay " + delay) + ", remaining "
                + (remaining.get() == UNLIMITED ? "unlimited" : remaining.get()) + ", hits " + hits.get() + "]";
    }

    // ---- used by the emulator

    /**
     * Matches the request and, if it matches and budget is left, takes one unit of the budget and counts a hit.
     */
    boolean tryClaim(Endpoint requestEndpoint, String requestFactoryNumber) {
        if (endpoint != null && endpoint != requestEndpoint) {
            return false;
        }
        String lock = factoryNumber;
        if (lock != null && !lock.equals(requestFactoryNumber)) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left == UNLIMITED) {
                break;
            }
            if (left <= 0) {
                return false;
            }
            if (remaining.compareAndSet(left, left - 1)) {
                break;
            }
        }
        hits.incrementAndGet();
        return true;
    }

    /** @return what this fault does, as set now */
    FaultSpec spec() {
        return new FaultSpec(action, delay, status, contentType, body, bytes);
    }

    /** @return the requests this fault holds now */
    HeldRequests heldRequests() {
        return held;
    }

    private Fault action(FaultSpec.Action newAction) {
        this.action = newAction;
        return this;
    }

    private static void checkStatus(int status) {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
    }
}
