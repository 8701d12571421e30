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

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.api.transport.TransportFixture;

/**
 * {@link TransportFixture} of the Jetty 9.4 transport (openHAB 5.0 to 5.2).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Jetty9Fixture implements TransportFixture {

    private final List<HttpClient> started = new ArrayList<>();
    private @Nullable HttpTransport shared;

    @Override
    public synchronized HttpTransport transport() {
        HttpTransport transport = shared;
        if (transport == null) {
            transport = new Jetty9Transport(start(new HttpClient()));
            shared = transport;
        }
        return transport;
    }

    @Override
    public HttpTransport stoppedTransport() {
        return new Jetty9Transport(new HttpClient());
    }

    @Override
    public HttpTransport unresolvingTransport() {
        HttpClient noDns = new HttpClient(new SslContextFactory.Client());
        noDns.setSocketAddressResolver((host, port, promise) -> promise
                .failed(new UnknownHostException(host + ": Name or service not known")));
        return new Jetty9Transport(start(noDns));
    }

    private synchronized HttpClient start(HttpClient client) {
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Jetty 9.4 client does not start", e);
        }
        started.add(client);
        return client;
    }

    @Override
    public synchronized void close() throws Exception {
        for (HttpClient client : started) {
            client.stop();
        }
        started.clear();
        shared = null;
    }
}
