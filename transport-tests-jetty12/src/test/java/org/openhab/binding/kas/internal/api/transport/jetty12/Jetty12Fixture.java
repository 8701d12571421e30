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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.kas.internal.api.transport.ClientFixture;
import org.openhab.binding.kas.internal.api.transport.TransportFixture;

/**
 * The Jetty 12 client line (openHAB 5.3 and later) for the transport-neutral client tests.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Jetty12Fixture {

    private Jetty12Fixture() {
    }

    /**
     * @return a fixture of the Jetty 12 transport
     */
    public static TransportFixture create() {
        return new ClientFixture<>(new ClientFixture.Library<>(HttpClient::new, Jetty12Fixture::newUnresolvingClient,
                HttpClient::start, HttpClient::stop,
                // Jetty 12 grows the request buffer up to this size for the headers
                HttpClient::getMaxRequestHeadersSize, HttpClient::setMaxConnectionsPerDestination,
                Jetty12Transport::new));
    }

    private static HttpClient newUnresolvingClient() {
        HttpClient client = new HttpClient();
        // Jetty 12's resolver also gets a context map
        client.setSocketAddressResolver(
                (host, port, context, promise) -> promise.failed(ClientFixture.noLookups(host)));
        return client;
    }
}
