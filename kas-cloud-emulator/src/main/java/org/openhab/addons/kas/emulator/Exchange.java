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
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

import com.google.gson.JsonObject;

/**
 * The life of one request after it was routed: optional delay (asynchronous, on the emulator's scheduler) or hold,
 * then the fault action or the business logic, then the answer; releases the account's in-flight slot exactly once,
 * just before the answer is written (so a client that got an answer never finds its slot still taken).
 *
 * @author KAS binding contributors - Initial contribution
 */
final class Exchange {

    /**
     * The journal record of one request; the status is filled in when the answer is written.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class JournalSlot {
        private final Instant receivedAt;
        private final String method;
        private final String maskedPath;
        private final String body;
        private final String factoryNumber;
        private final Endpoint endpoint;
        private volatile int status;

        JournalSlot(Instant receivedAt, String method, String maskedPath, String body, String factoryNumber,
                Endpoint endpoint) {
            this.receivedAt = receivedAt;
            this.method = method;
            this.maskedPath = maskedPath;
            this.body = body;
            this.factoryNumber = factoryNumber;
            this.endpoint = endpoint;
        }

        Instant receivedAt() {
            return receivedAt;
        }

        void setStatus(int status) {
            this.status = status;
        }

        JournalEntry toEntry() {
            return new JournalEntry(receivedAt, method, maskedPath, body, status, factoryNumber, endpoint);
        }
    }

    private static final System.Logger LOGGER = System.getLogger(KasCloudEmulator.class.getName());
    private static final String TEXT = "text/plain;charset=utf-8";
    private static final String HTML = "text/html;charset=utf-8";
    private static final String JSON = "application/json;charset=utf-8";
    private static final int CHUNK = 8192;

    private final KasCloudEmulator emulator;
    private final Request baseRequest;
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Route route;
    private final JournalSlot slot;
    private final KasCloudEmulator.AccountStats stats;
    private final boolean dropped;
    private final Fault.Action action;
    private final int faultStatus;
    private final String faultContentType;
    private final String faultBody;
    private final int faultBytes;
    private final Duration delay;
    /** set by whoever answers or abandons the request first */
    private final AtomicBoolean done = new AtomicBoolean();
    private final AtomicBoolean released = new AtomicBoolean();
    private volatile AsyncContext async;

    Exchange(KasCloudEmulator emulator, Request baseRequest, HttpServletRequest request, HttpServletResponse response,
            Route route, JournalSlot slot, KasCloudEmulator.AccountStats stats, boolean dropped, Fault fault) {
        this.emulator = emulator;
        this.baseRequest = baseRequest;
        this.request = request;
        this.response = response;
        this.route = route;
        this.slot = slot;
        this.stats = stats;
        this.dropped = dropped;
        // read the fault once: its builder may still be used while requests run
        this.action = fault == null ? Fault.Action.NONE : fault.action();
        this.faultStatus = fault == null ? 0 : fault.status();
        this.faultContentType = fault == null ? null : fault.contentType();
        this.faultBody = fault == null ? "" : fault.body();
        this.faultBytes = fault == null ? 0 : fault.bytes();
        Duration total = emulator.defaultDelay();
        if (fault != null) {
            total = total.plus(fault.delayValue());
        }
        this.delay = total;
    }

    /** Called on the Jetty thread that handles the request. */
    void begin() {
        if (action == Fault.Action.SILENT) {
            suspend();
            if (emulator.isClosed()) {
                abandon();
            } else {
                watchForClientGivingUp();
            }
            return;
        }
        if (delay.isZero()) {
            answer();
            return;
        }
        suspend();
        try {
            emulator.scheduler().schedule(this::resume, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            abandon(); // closing
        }
    }

    /** Whether this request is held by a silent fault. */
    boolean isHeld() {
        return action == Fault.Action.SILENT;
    }

    /** Closes the connection without an answer (emulator closing, or held requests aborted). */
    void abandon() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        release();
        abortConnection("abandoned by the KAS cloud emulator");
        completeAsync();
        emulator.finished(this);
    }

    /**
     * A held request ends when its client gives up: a client waiting for an HTTP/1.1 answer sends nothing more, so
     * the connection becoming readable means it was closed (or the client misbehaves); either way the connection is
     * closed and the account's in-flight slot released.
     */
    private void watchForClientGivingUp() {
        try {
            baseRequest.getHttpChannel().getEndPoint().tryFillInterested(new Callback() {
                @Override
                public void succeeded() {
                    abandon();
                }

                @Override
                public void failed(Throwable cause) {
                    abandon();
                }
            });
        } catch (RuntimeException e) {
            // the connection is already gone or watched by Jetty itself: released at the latest by close()
            LOGGER.log(Level.DEBUG, "cannot watch a held request: {0}", e.toString());
        }
    }

    private void suspend() {
        AsyncContext context = request.startAsync();
        context.setTimeout(0);
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                finish();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                abandon();
            }

            @Override
            public void onError(AsyncEvent event) {
                abandon();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // nothing to do
            }
        });
        async = context;
        emulator.opened(this);
    }

    /** Runs on the scheduler when the delay is over: continue on a server thread (writing may block). */
    private void resume() {
        AsyncContext context = async;
        try {
            context.start(this::answer);
        } catch (RuntimeException e) {
            abandon();
        }
    }

    private void answer() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        try {
            respond();
        } catch (IOException | RuntimeException e) {
            // the client went away, or the connection was cut on purpose
            LOGGER.log(Level.DEBUG, "answering {0} failed: {1}", slot.maskedPath, e.toString());
            abortConnection("answer failed");
        } finally {
            release();
            completeAsync();
            emulator.finished(this);
        }
    }

    private void finish() {
        release();
        emulator.finished(this);
    }

    private void respond() throws IOException {
        switch (action) {
            case RESPOND -> send(faultStatus, faultContentType, faultBody.getBytes(StandardCharsets.UTF_8));
            case HTML_ERROR_PAGE -> send(faultStatus, HTML, htmlPage(faultStatus).getBytes(StandardCharsets.UTF_8));
            case GATEWAY_TIMEOUT -> sendGatewayTimeout();
            case MALFORMED_PIN -> sendText(HttpStatus.OK_200, faultBody);
            case OVERSIZED_BODY -> sendOversized(faultBytes);
            case CLOSE_MID_RESPONSE -> closeMidResponse();
            case RESET_CONNECTION -> resetConnection();
            case SILENT -> throw new IllegalStateException("a held request is never answered");
            case NONE -> {
                if (dropped) {
                    sendText(HttpStatus.OK_200, KasCloudEmulator.UNLOCKING);
                } else {
                    business();
                }
            }
        }
    }

    private void business() throws IOException {
        switch (route.endpoint()) {
            case ROOT -> sendText(HttpStatus.OK_200, KasCloudEmulator.ROOT_TEXT);
            case OTHER -> sendText(HttpStatus.NOT_FOUND_404, "Not Found");
            case UNLOCK -> {
                KasCloudEmulator.LockState lock = emulator.lock(route.factoryNumber());
                String denied = deny(route.apiKey(), lock);
                if (denied != null) {
                    sendText(HttpStatus.BAD_REQUEST_400, denied);
                } else if (!lock.gatewayOnline()) {
                    sendGatewayTimeout();
                } else {
                    emulator.recordExecuted(
                            new ExecutedUnlock(Instant.now(), route.factoryNumber(), slot.receivedAt()));
                    sendText(HttpStatus.OK_200, KasCloudEmulator.UNLOCKING);
                }
            }
            case PIN_CODE -> {
                Route.PinRequest pin = route.pin();
                if (pin == null) {
                    sendText(HttpStatus.BAD_REQUEST_400, KasCloudEmulator.INVALID_PARAMETERS);
                    return;
                }
                String denied = deny(pin.apiKey(), emulator.lock(route.factoryNumber()));
                if (denied != null) {
                    sendText(HttpStatus.BAD_REQUEST_400, denied);
                } else {
                    sendText(HttpStatus.OK_200, KasCloudEmulator.pinFor(route.factoryNumber(), pin.mode(),
                            pin.duration(), pin.startTime()));
                }
            }
        }
    }

    /** The KAS business order: key, then lock (unknown or foreign), then admin right; {@code null} if allowed. */
    private String deny(String apiKey, KasCloudEmulator.LockState lock) {
        if (!emulator.hasAccount(apiKey)) {
            return KasCloudEmulator.INVALID_TOKEN;
        }
        if (lock == null || !lock.ownerApiKey().equals(apiKey)) {
            return KasCloudEmulator.LOCK_NOT_FOUND;
        }
        if (!lock.admin()) {
            return KasCloudEmulator.NOT_ADMIN;
        }
        return null;
    }

    private void sendText(int status, String text) throws IOException {
        send(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    private void sendGatewayTimeout() throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("ack", HttpStatus.GATEWAY_TIMEOUT_504);
        json.addProperty("message", KasCloudEmulator.GATEWAY_TIMEOUT_MESSAGE);
        byte[] ref = new byte[12];
        ThreadLocalRandom.current().nextBytes(ref);
        json.addProperty("ref", HexFormat.of().formatHex(ref));
        send(HttpStatus.GATEWAY_TIMEOUT_504, JSON, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void send(int status, String contentType, byte[] body) throws IOException {
        startAnswer(status);
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        response.setContentLength(body.length);
        OutputStream out = response.getOutputStream();
        out.write(body);
        out.flush();
    }

    private void sendOversized(int bytes) throws IOException {
        byte[] pattern = (route.endpoint() == Endpoint.PIN_CODE ? "0123456789" : "Door is unlocking. ")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[Math.min(CHUNK, Math.max(bytes, 1))];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = pattern[i % pattern.length];
        }
        startAnswer(HttpStatus.OK_200);
        response.setStatus(HttpStatus.OK_200);
        response.setContentType(TEXT);
        response.setContentLength(bytes);
        OutputStream out = response.getOutputStream();
        int left = bytes;
        while (left > 0) {
            int n = Math.min(left, chunk.length);
            out.write(chunk, 0, n);
            left -= n;
        }
        out.flush();
    }

    private void closeMidResponse() throws IOException {
        byte[] full = (route.endpoint() == Endpoint.PIN_CODE ? "0123456789" : KasCloudEmulator.UNLOCKING)
                .getBytes(StandardCharsets.UTF_8);
        startAnswer(HttpStatus.OK_200);
        response.setStatus(HttpStatus.OK_200);
        response.setContentType(TEXT);
        response.setContentLength(full.length);
        OutputStream out = response.getOutputStream();
        out.write(full, 0, full.length / 2);
        out.flush(); // status line, headers and half of the body are on the wire
        abortConnection("closeMidResponse fault");
    }

    private void resetConnection() {
        release();
        EndPoint endPoint = baseRequest.getHttpChannel().getEndPoint();
        if (endPoint instanceof SocketChannelEndPoint socketEndPoint) {
            try {
                socketEndPoint.getSocket().setSoLinger(true, 0); // RST instead of FIN
            } catch (SocketException e) {
                // then it is a plain close
            }
        }
        abortConnection("resetConnection fault");
    }

    /** Journal status and slot release happen before the first byte, so a client that has the answer sees both. */
    private void startAnswer(int status) {
        slot.setStatus(status);
        release();
    }

    private void release() {
        if (stats != null && released.compareAndSet(false, true)) {
            stats.inFlight.decrementAndGet();
        }
    }

    private void abortConnection(String reason) {
        try {
            baseRequest.getHttpChannel().abort(new IOException(reason));
        } catch (RuntimeException e) {
            LOGGER.log(Level.DEBUG, "aborting the connection failed: {0}", e.toString());
        }
    }

    private void completeAsync() {
        AsyncContext context = async;
        if (context != null) {
            try {
                context.complete();
            } catch (RuntimeException e) {
                // already completed, or the connection is gone
            }
        }
    }

    private static String htmlPage(int status) {
        String title = status + " " + HttpStatus.getMessage(status);
        return "<!DOCTYPE html>\n<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title
                + "</h1>\n<p>The KAS cloud emulator was told to fail this request.</p>\n</body>\n</html>\n";
    }
}
