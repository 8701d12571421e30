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
import org.openhab.addons.kas.benchmarks.ClientLine;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Transport;

/**
 * The Jetty 9.4 line of openHAB 5.0 to 5.2: Jetty 9.4's {@link HttpClient} with the add-on's {@link Jetty9Transport}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Jetty9Line extends ClientLine<HttpClient> {

    /**
     * The Jetty 9.4 line on the class path.
     */
    public Jetty9Line() {
        super("Jetty 9.4", Jetty.VERSION);
    }

    @Override
    protected HttpClient startClient(int maxConnectionsPerDestination) throws Exception {
        QueuedThreadPool pool = new QueuedThreadPool(POOL_MAX_THREADS, POOL_MIN_THREADS);
        pool.setName(POOL_NAME);
        pool.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(pool);
        client.setMaxConnectionsPerDestination(maxConnectionsPerDestination);
        client.setFollowRedirects(false);
        client.start();
        return client;
    }

    @Override
    protected HttpTransport transport(HttpClient client) {
        return new Jetty9Transport(client);
    }

    @Override
    protected void get(HttpClient client, String url, Duration timeout, AnswerListener listener) {
        client.newRequest(url).method(HttpMethod.GET).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .send(new BufferedGet(listener));
    }

    @Override
    protected void stop(HttpClient client) throws Exception {
        client.stop();
    }

    /**
     * Jetty 9.4's buffering listener, handing the completed exchange to an {@link AnswerListener}.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private static final class BufferedGet extends BufferingResponseListener {

        private final AnswerListener listener;

        BufferedGet(AnswerListener listener) {
            super(MAX_BODY_BYTES);
            this.listener = listener;
        }

        @Override
        public void onComplete(@Nullable Result result) {
            complete(listener, result != null && result.isSucceeded(),
                    result == null ? 0 : result.getResponse().getStatus(),
                    () -> getContentAsString(StandardCharsets.UTF_8));
        }
    }
}
