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
package org.openhab.binding.kas.internal.api.transport.jetty9;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Response;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.StringContentProvider;
import org.eclipse.jetty.http.HttpHeader;
import org.openhab.binding.kas.internal.api.transport.BodyBuffer;
import org.openhab.binding.kas.internal.api.transport.HttpAnswer;
import org.openhab.binding.kas.internal.api.transport.HttpCall;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException.Reason;

/**
 * {@link HttpTransport} on the Jetty 9.4 HTTP client of openHAB 5.0 to 5.2. It uses the client it is given and never
 * starts or stops it.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Jetty9Transport implements HttpTransport {

    private final HttpClient client;

    /**
     * @param client a started client (openHAB's common one)
     */
    public Jetty9Transport(HttpClient client) {
        this.client = client;
    }

    @Override
    public Exchange send(HttpCall call, Consumer<HttpAnswer> onAnswer) {
        if (!client.isRunning()) {
            onAnswer.accept(new HttpAnswer.Failed(new HttpTransportException(Reason.NOT_RUNNING, null), 0));
            return Exchange.ENDED;
        }
        Request request;
        try {
            request = client.newRequest(call.url()).method(call.method())
                    .timeout(call.timeout().toMillis(), TimeUnit.MILLISECONDS).followRedirects(false)
                    .header(HttpHeader.ACCEPT, call.accept());
            String contentType = call.contentType();
            if (contentType != null) {
                request.header(HttpHeader.CONTENT_TYPE, contentType);
            }
            String body = call.body();
            if (body != null) {
                request.content(new StringContentProvider(contentType, body, StandardCharsets.UTF_8));
            }
            request.send(new Listener(call.maxBodyBytes(), onAnswer));
        } catch (RuntimeException e) {
            onAnswer.accept(new HttpAnswer.Failed(new HttpTransportException(Reason.NOT_SENT, e), 0));
            return Exchange.ENDED;
        }
        Request sent = request;
        return () -> sent.abort(new AbortedByCaller());
    }

    @Override
    public String name() {
        return "Jetty 9.4";
    }

    /** Aborts an exchange on request of the caller. */
    private static final class AbortedByCaller extends Exception {
        private static final long serialVersionUID = 1L;

        AbortedByCaller() {
            super("aborted by the caller", null, false, false);
        }
    }

    /** Aborts an answer whose body is larger than the limit. */
    private static final class BodyTooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        BodyTooLarge() {
            super("answer body larger than the limit", null, false, false);
        }
    }

    /** Reads the answer into a bounded buffer and reports it once. */
    private static final class Listener extends Response.Listener.Adapter {
        private final BodyBuffer body;
        private final Consumer<HttpAnswer> onAnswer;
        private volatile boolean begun;

        Listener(int limit, Consumer<HttpAnswer> onAnswer) {
            this.body = new BodyBuffer(limit);
            this.onAnswer = onAnswer;
        }

        @Override
        public void onBegin(@Nullable Response response) {
            // a status line has been received
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
            if (!body.announce(length)) {
                response.abort(new BodyTooLarge());
            }
        }

        @Override
        public void onContent(@Nullable Response response, @Nullable ByteBuffer content) {
            if (response != null && content != null && !body.append(content)) {
                response.abort(new BodyTooLarge());
            }
        }

        @Override
        public void onComplete(@Nullable Result result) {
            Response response = result == null ? null : result.getResponse();
            // a status only counts when a status line was received (Jetty sets one for some parse failures too)
            int status = response == null || !begun ? 0 : response.getStatus();
            Throwable failure = result == null ? new IllegalStateException("no result") : result.getFailure();
            String contentType = response == null ? null : response.getHeaders().get(HttpHeader.CONTENT_TYPE);
            if (body.oversized()) {
                onAnswer.accept(new HttpAnswer.Received(status, contentType, body.bytes(), true));
            } else if (failure != null) {
                onAnswer.accept(new HttpAnswer.Failed(translate(failure), status));
            } else {
                onAnswer.accept(new HttpAnswer.Received(status, contentType, body.bytes(), false));
            }
        }

        private static Throwable translate(Throwable failure) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof HttpResponseException) {
                    return new HttpTransportException(Reason.INVALID_ANSWER, failure);
                }
            }
            return failure;
        }
    }
}
