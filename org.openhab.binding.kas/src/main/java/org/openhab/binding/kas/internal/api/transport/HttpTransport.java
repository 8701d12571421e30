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
package org.openhab.binding.kas.internal.api.transport;

import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Sends HTTP requests for the KAS cloud client. This is the add-on's only seam to an HTTP library: openHAB 5.0 to 5.2
 * ship Jetty 9.4, openHAB 5.3 and later Jetty 12, and one implementation per line lives behind this interface.
 * <p>
 * Implementations never follow redirects, never retry, read at most {@link HttpCall#maxBodyBytes()} of an answer
 * (announced larger bodies are not read at all) and apply {@link HttpCall#timeout()} to the whole exchange. They log
 * nothing that could contain the URL.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public interface HttpTransport {

    /**
     * Starts an exchange. Returns at once.
     *
     * @param call what to send
     * @param onAnswer called exactly once with the outcome, on a thread of the HTTP library (or on the calling thread
     *            before this method returns, when the request cannot be sent at all); it must not block
     * @return a handle to abort the exchange; after an abort the answer is a {@link HttpAnswer.Failed}
     */
    Exchange send(HttpCall call, Consumer<HttpAnswer> onAnswer);

    /**
     * @return a short name of the HTTP library and its line, e.g. {@code Jetty 9.4}, for logs and measurements
     */
    String name();

    /**
     * A started exchange.
     *
     * @author KAS binding contributors - Initial contribution
     */
    @FunctionalInterface
    interface Exchange {

        /** An exchange that has already ended. */
        Exchange ENDED = () -> {
        };

        /**
         * Aborts the exchange if it is still going on; does nothing otherwise.
         */
        void abort();
    }
}
