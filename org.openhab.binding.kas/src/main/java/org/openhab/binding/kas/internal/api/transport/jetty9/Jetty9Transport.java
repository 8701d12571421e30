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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Response;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.StringContentProvider;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.openhab.binding.kas.internal.api.transport.AnswerCollector;
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
            // asked once Jetty has a connection for the request, right before it writes anything of it
            BooleanSupplier mayBegin = call.mayBegin();
            request.onRequestBegin(begun -> {
                if (!mayBegin.getAsBoolean()) {
                    begun.abort(AnswerCollector.notBegun());
                }
            });
            request.send(new Listener(call.maxBodyBytes(), onAnswer));
        } catch (RuntimeException e) {
            onAnswer.accept(new HttpAnswer.Failed(new HttpTransportException(Reason.NOT_SENT, e), 0));
            return Exchange.ENDED;
        }
        Request sent = request;
        return () -> sent.abort(AnswerCollector.abortedByCaller());
    }

    @Override
    public String name() {
        return "Jetty 9.4";
    }

    /** Feeds Jetty's events of one answer to an {@link AnswerCollector}. */
    private static final class Listener extends Response.Listener.Adapter {
        private final AnswerCollector answer;

        Listener(int limit, Consumer<HttpAnswer> onAnswer) {
            this.answer = new AnswerCollector(limit, onAnswer);
        }

        @Override
        public void onBegin(@Nullable Response response) {
            answer.begin();
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
            if (!answer.headers(length)) {
                response.abort(AnswerCollector.bodyTooLarge());
            }
        }

        @Override
        public void onContent(@Nullable Response response, @Nullable ByteBuffer content) {
            if (response != null && content != null && !answer.content(content)) {
                response.abort(AnswerCollector.bodyTooLarge());
            }
        }

        @Override
        public void onComplete(@Nullable Result result) {
            Response response = result == null ? null : result.getResponse();
            answer.complete(response == null ? 0 : response.getStatus(),
                    response == null ? null : response.getHeaders().get(HttpHeader.CONTENT_TYPE),
                    result == null ? new IllegalStateException("no result") : result.getFailure(),
                    HttpResponseException.class, BadMessageException.class::isInstance);
        }
    }
}
