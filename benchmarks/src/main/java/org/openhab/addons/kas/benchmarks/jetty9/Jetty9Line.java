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
package org.openhab.addons.kas.benchmarks.jetty9;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.openhab.addons.kas.benchmarks.JettyLine;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Transport;

/**
 * The Jetty 9.4 line of openHAB 5.0 to 5.2: Jetty 9.4's {@link HttpClient} with the add-on's {@link Jetty9Transport}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Jetty9Line implements JettyLine {

    @Override
    public String name() {
        return "Jetty 9.4";
    }

    @Override
    public String version() {
        return Jetty.VERSION;
    }

    @Override
    public Client start(int maxConnectionsPerDestination) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(POOL_MAX_THREADS, POOL_MIN_THREADS);
        pool.setName(POOL_NAME);
        pool.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(pool);
        client.setMaxConnectionsPerDestination(maxConnectionsPerDestination);
        client.setFollowRedirects(false);
        client.start();
        return new Started(client);
    }

    /**
     * A started Jetty 9.4 client.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private static final class Started implements Client {

        private final HttpClient client;
        private final HttpTransport transport;

        Started(HttpClient client) {
            this.client = client;
            this.transport = new Jetty9Transport(client);
        }

        @Override
        public HttpTransport transport() {
            return transport;
        }

        @Override
        public void get(String url, Duration timeout, AnswerListener listener) {
            client.newRequest(url).method(HttpMethod.GET).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .send(new BufferedGet(listener));
        }

        @Override
        public void close() {
            try {
                client.stop();
            } catch (Exception e) {
                System.err.println("benchmarks: stopping the Jetty 9.4 HTTP client failed: " + e);
            }
        }
    }

    /**
     * Jetty 9.4's buffering listener, handing the completed exchange to an {@link AnswerListener}.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private static final class BufferedGet extends BufferingResponseListener implements Answer {

        private final AnswerListener listener;
        private @Nullable Result result;

        BufferedGet(AnswerListener listener) {
            super(MAX_BODY_BYTES);
            this.listener = listener;
        }

        @Override
        public void onComplete(@Nullable Result result) {
            this.result = result;
            listener.completed(this);
        }

        @Override
        public boolean succeeded() {
            Result current = result;
            return current != null && current.isSucceeded();
        }

        @Override
        public int status() {
            Result current = result;
            return current == null ? 0 : current.getResponse().getStatus();
        }

        @Override
        public String body() {
            String body = getContentAsString(StandardCharsets.UTF_8);
            return body == null ? "" : body;
        }
    }
}
