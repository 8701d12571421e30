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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A {@link TransportFixture} for an HTTP library whose clients are started and stopped: it starts the clients it
 * hands out transports on, shares one for {@link #transport()} and stops them all on {@link #close()}. The library is
 * plugged in as a {@link Library}, so that this class names no Jetty type.
 *
 * @param <C> the HTTP client type of the library
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ClientFixture<C> implements TransportFixture {

    /**
     * One HTTP library line.
     *
     * @param <C> its HTTP client type
     *
     * @author KAS binding contributors - Initial contribution
     */
    public interface Library<C> {
        /** @return a new, not started client */
        C newClient();

        /** @return a new, not started client that fails every host name lookup with an UnknownHostException */
        C newUnresolvingClient();

        /** Starts a client. */
        void start(C client) throws Exception;

        /** Stops a client. */
        void stop(C client) throws Exception;

        /** @return the most bytes of request line and headers the client can send */
        int requestHeadersLimit(C client);

        /** @return the transport under test on the client */
        HttpTransport transport(C client);
    }

    private final Library<C> library;
    private final List<C> started = new ArrayList<>();
    private @Nullable C sharedClient;
    private @Nullable HttpTransport shared;

    /**
     * @param library the HTTP library line
     */
    public ClientFixture(Library<C> library) {
        this.library = library;
    }

    @Override
    public synchronized HttpTransport transport() {
        HttpTransport transport = shared;
        if (transport == null) {
            C client = start(library.newClient());
            transport = library.transport(client);
            sharedClient = client;
            shared = transport;
        }
        return transport;
    }

    @Override
    public synchronized int requestHeadersLimit() {
        transport();
        C client = sharedClient;
        if (client == null) {
            throw new IllegalStateException("no shared client");
        }
        return library.requestHeadersLimit(client);
    }

    @Override
    public HttpTransport stoppedTransport() {
        return library.transport(library.newClient());
    }

    @Override
    public HttpTransport unresolvingTransport() {
        return library.transport(start(library.newUnresolvingClient()));
    }

    private synchronized C start(C client) {
        try {
            library.start(client);
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client does not start", e);
        }
        started.add(client);
        return client;
    }

    @Override
    public synchronized void close() throws Exception {
        for (C client : started) {
            library.stop(client);
        }
        started.clear();
        sharedClient = null;
        shared = null;
    }
}
