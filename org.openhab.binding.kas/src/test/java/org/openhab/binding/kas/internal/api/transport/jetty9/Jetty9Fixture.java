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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.openhab.binding.kas.internal.api.transport.ClientFixture;
import org.openhab.binding.kas.internal.api.transport.TransportFixture;

/**
 * The Jetty 9.4 client line (openHAB 5.0 to 5.2) for the transport-neutral client tests.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Jetty9Fixture {

    private Jetty9Fixture() {
    }

    /**
     * @return a fixture of the Jetty 9.4 transport
     */
    public static TransportFixture create() {
        return new ClientFixture<>(new ClientFixture.Library<>(HttpClient::new, Jetty9Fixture::newUnresolvingClient,
                HttpClient::start, HttpClient::stop,
                // Jetty 9.4 writes request line and headers into one request buffer
                HttpClient::getRequestBufferSize, HttpClient::setMaxConnectionsPerDestination, Jetty9Transport::new));
    }

    private static HttpClient newUnresolvingClient() {
        HttpClient client = new HttpClient(new SslContextFactory.Client());
        client.setSocketAddressResolver((host, port, promise) -> promise.failed(ClientFixture.noLookups(host)));
        return client;
    }
}
