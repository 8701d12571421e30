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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The HTTP transport under test, for the transport-neutral client tests ({@code KasCloudClientContract},
 * {@code KasCloudClientWireContract}): one implementation per Jetty line. Jetty 9.4 and Jetty 12 cannot share a class
 * path, so the contracts name no Jetty type; each line's test module supplies its fixture.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public interface TransportFixture extends AutoCloseable {

    /**
     * @return a transport on a started HTTP client (created on first use, closed by {@link #close()})
     */
    HttpTransport transport();

    /**
     * @return a transport whose HTTP client has never been started
     */
    HttpTransport stoppedTransport();

    /**
     * @return a transport on a started HTTP client that resolves no host name: every lookup fails with
     *         {@link java.net.UnknownHostException}, so that no DNS query is sent (closed by {@link #close()})
     */
    HttpTransport unresolvingTransport();

    /**
     * @return a transport on a started HTTP client with one connection per destination, so that a second request
     *         waits in the client until the first is done (closed by {@link #close()})
     */
    HttpTransport singleConnectionTransport();

    /**
     * @return the most bytes of request line and headers that the client of {@link #transport()} can send (the
     *         library's own default, as on openHAB's common client)
     */
    int requestHeadersLimit();

    /**
     * Stops the HTTP clients this fixture started.
     */
    @Override
    void close() throws Exception;
}
