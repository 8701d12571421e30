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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;

/**
 * What a benchmark needs from one Jetty line (9.4 or 12): a started HTTP client configured like openHAB's shared
 * one, the add-on's transport of that line on it, and a bare asynchronous GET with a buffering listener on the same
 * client, the baseline of the unlock latency. Jetty 9.4 and Jetty 12 cannot share a class path (same package names),
 * so each line is implemented in a module of its own, on the Jetty-free {@link ClientLine}: Jetty 9.4 in this one
 * ({@code org.openhab.addons.kas.benchmarks.jetty9.Jetty9Line}), Jetty 12 in {@code benchmarks-jetty12}. Nothing
 * else in the benchmarks refers to Jetty.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public interface JettyLine {

    /** Threads of the client's pool at most, as openHAB's common HTTP client. */
    int POOL_MAX_THREADS = 40;
    /** Threads of the client's pool at least. */
    int POOL_MIN_THREADS = 10;
    /** Name of the client's threads. */
    String POOL_NAME = "bench-httpClient";
    /** How much of an answer a bare GET buffers at most. */
    int MAX_BODY_BYTES = 16 * 1024;

    /**
     * @return the line, e.g. {@code Jetty 9.4}
     */
    String name();

    /**
     * @return the version of the Jetty on the class path, e.g. {@code 9.4.58.v20250814}
     */
    String version();

    /**
     * Creates and starts an HTTP client: a daemon thread pool of {@value #POOL_MIN_THREADS} to
     * {@value #POOL_MAX_THREADS} threads, redirects not followed.
     *
     * @param maxConnectionsPerDestination connections per destination at most
     * @return the started client; close it
     * @throws Exception if the client does not start
     */
    Client start(int maxConnectionsPerDestination) throws Exception;

    /**
     * A started HTTP client of one line.
     *
     * @author KAS binding contributors - Initial contribution
     */
    interface Client extends AutoCloseable {

        /**
         * @return the add-on's {@link HttpTransport} of this line on this client (one instance, stateless)
         */
        HttpTransport transport();

        /**
         * Sends a GET on this client, asynchronously, with Jetty's buffering response listener (at most
         * {@value JettyLine#MAX_BODY_BYTES} bytes), and calls the listener once from the listener's
         * {@code onComplete}, after the body is read.
         *
         * @param url the URL
         * @param timeout for the whole exchange
         * @param listener called once, on a Jetty thread
         */
        void get(String url, Duration timeout, AnswerListener listener);

        /**
         * Stops the client (and its thread pool).
         */
        @Override
        void close();
    }

    /**
     * What a bare GET got, read inside the listener's {@code onComplete}.
     *
     * @author KAS binding contributors - Initial contribution
     */
    interface Answer {

        /**
         * @return whether the exchange completed without failure
         */
        boolean succeeded();

        /**
         * @return the HTTP status, 0 when there is none
         */
        int status();

        /**
         * @return the buffered body decoded as UTF-8 (decoded on each call), empty when there is none
         */
        String body();
    }

    /**
     * Receives the answer of a bare GET.
     *
     * @author KAS binding contributors - Initial contribution
     */
    @FunctionalInterface
    interface AnswerListener {

        /**
         * @param answer the answer, valid only during this call
         */
        void completed(Answer answer);
    }
}
