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
package org.openhab.addons.kas.benchmarks;

import java.time.Duration;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;

/**
 * What the two {@link JettyLine}s share, naming no Jetty type (this module's classes also run on the Jetty 12 class
 * path): the started client with the add-on's transport on it, stopping it, and the answer of a bare GET. A line
 * states only its Jetty calls: how a client is configured and started, the transport on it, the GET and the stop.
 *
 * @param <C> the HTTP client type of the line
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class ClientLine<C> implements JettyLine {

    private final String name;
    private final String version;

    /**
     * @param name the line, e.g. {@code Jetty 9.4}
     * @param version the version of the Jetty on the class path
     */
    protected ClientLine(String name, String version) {
        this.name = name;
        this.version = version;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String version() {
        return version;
    }

    @Override
    public final Client start(int maxConnectionsPerDestination) throws Exception {
        C client = startClient(maxConnectionsPerDestination);
        return new Started(client, transport(client));
    }

    /**
     * Creates and starts an HTTP client as {@link #start(int)} describes.
     *
     * @param maxConnectionsPerDestination connections per destination at most
     * @return the started client
     * @throws Exception if the client does not start
     */
    protected abstract C startClient(int maxConnectionsPerDestination) throws Exception;

    /**
     * @param client a started client
     * @return the add-on's transport of this line on the client
     */
    protected abstract HttpTransport transport(C client);

    /**
     * Sends a GET as {@link JettyLine.Client#get(String, Duration, AnswerListener)} describes; the line's buffering
     * listener hands the completed exchange to {@link #complete(AnswerListener, boolean, int, Supplier)}.
     *
     * @param client a started client
     * @param url the URL
     * @param timeout for the whole exchange
     * @param listener called once, on a Jetty thread
     */
    protected abstract void get(C client, String url, Duration timeout, AnswerListener listener);

    /**
     * Stops a client (and its thread pool).
     *
     * @param client a started client
     * @throws Exception if it does not stop
     */
    protected abstract void stop(C client) throws Exception;

    /**
     * Hands a completed bare GET to its listener.
     *
     * @param listener the listener of the GET
     * @param succeeded whether the exchange completed without failure
     * @param status the HTTP status, 0 when there is none
     * @param content the buffered body decoded as UTF-8 (decoded on each call), {@code null} when there is none
     */
    protected static void complete(AnswerListener listener, boolean succeeded, int status,
            Supplier<@Nullable String> content) {
        listener.completed(new BufferedAnswer(succeeded, status, content));
    }

    /**
     * The answer of a bare GET, valid during the listener's call.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private record BufferedAnswer(boolean succeeded, int status, Supplier<@Nullable String> content) implements Answer {

        @Override
        public String body() {
            String body = content.get();
            return body == null ? "" : body;
        }
    }

    /**
     * A started client of this line.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private final class Started implements Client {

        private final C client;
        private final HttpTransport transport;

        Started(C client, HttpTransport transport) {
            this.client = client;
            this.transport = transport;
        }

        @Override
        public HttpTransport transport() {
            return transport;
        }

        @Override
        public void get(String url, Duration timeout, AnswerListener listener) {
            ClientLine.this.get(client, url, timeout, listener);
        }

        @Override
        public void close() {
            try {
                stop(client);
            } catch (Exception e) {
                System.err.println("benchmarks: stopping the " + name + " HTTP client failed: " + e);
            }
        }
    }
}
