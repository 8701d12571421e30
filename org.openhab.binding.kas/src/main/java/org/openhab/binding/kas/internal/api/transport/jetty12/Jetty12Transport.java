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
package org.openhab.binding.kas.internal.api.transport.jetty12;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.HttpResponseException;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.openhab.binding.kas.internal.api.transport.AnswerCollector;
import org.openhab.binding.kas.internal.api.transport.HttpAnswer;
import org.openhab.binding.kas.internal.api.transport.HttpCall;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException;
import org.openhab.binding.kas.internal.api.transport.HttpTransportException.Reason;

/**
 * {@link HttpTransport} on the Jetty 12 HTTP client of openHAB 5.3 and later. It uses the client it is given and never
 * starts or stops it. Compiled against Jetty 12.1 in a build step of its own (Jetty 9.4 and Jetty 12 cannot share a
 * class path); the add-on loads it only where the OSGi framework wired Jetty 12.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Jetty12Transport implements HttpTransport {

    private final HttpClient client;

    /**
     * @param client a started client (openHAB's common one)
     */
    public Jetty12Transport(HttpClient client) {
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
            String contentType = call.contentType();
            request = client.newRequest(call.url()).method(call.method())
                    .timeout(call.timeout().toMillis(), TimeUnit.MILLISECONDS).followRedirects(false)
                    .headers(headers -> {
                        headers.put(HttpHeader.ACCEPT, call.accept());
                        if (contentType != null) {
                            headers.put(HttpHeader.CONTENT_TYPE, contentType);
                        }
                    });
            String body = call.body();
            if (body != null) {
                request.body(new StringRequestContent(contentType, body, StandardCharsets.UTF_8));
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
        return "Jetty 12";
    }

    /** Feeds Jetty's events of one answer to an {@link AnswerCollector}. */
    private static final class Listener implements Response.Listener {
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
                length = response.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
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
                    HttpResponseException.class, Listener::unwritable);
        }

        /**
         * @return whether Jetty 12 failed to write the request: its generator rejects request headers over the
         *         client's limit with "Request headers too large" (an {@link HttpException}, since Jetty 12.1.6 no
         *         longer the deprecated {@code BadMessageException} by name), before anything is written
         */
        private static boolean unwritable(Throwable failure) {
            return failure instanceof HttpException || (failure instanceof IllegalArgumentException
                    && String.valueOf(failure.getMessage()).contains("too large"));
        }
    }
}
