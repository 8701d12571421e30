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

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

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
     * One HTTP library line: how its clients are made, started and stopped, and the transport under test on one.
     *
     * @param <C> its HTTP client type
     * @param newClient makes a new, not started client
     * @param newUnresolvingClient makes a new, not started client that fails every host name lookup with an
     *            {@link java.net.UnknownHostException} (see {@link ClientFixture#noLookups(String)})
     * @param start starts a client
     * @param stop stops a client
     * @param requestHeadersLimit the most bytes of request line and headers a client can send
     * @param connectionsPerDestination sets how many connections a client opens per destination
     * @param transport the transport under test on a client
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Library<C>(Supplier<C> newClient, Supplier<C> newUnresolvingClient, ClientStep<C> start,
            ClientStep<C> stop, ToIntFunction<C> requestHeadersLimit, ObjIntConsumer<C> connectionsPerDestination,
            Function<C, HttpTransport> transport) {
    }

    /**
     * Starts or stops a client.
     *
     * @param <C> the HTTP client type
     *
     * @author KAS binding contributors - Initial contribution
     */
    @FunctionalInterface
    public interface ClientStep<C> {
        /** Starts or stops the client. */
        void run(C client) throws Exception;
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
            C client = start(library.newClient().get());
            transport = library.transport().apply(client);
            sharedClient = client;
            shared = transport;
        }
        return transport;
    }

    @Override
    public synchronized int requestHeadersLimit() {
        transport();
        @Nullable
        C client = sharedClient;
        if (client == null) {
            throw new IllegalStateException("no shared client");
        }
        return library.requestHeadersLimit().applyAsInt(client);
    }

    @Override
    public HttpTransport stoppedTransport() {
        return library.transport().apply(library.newClient().get());
    }

    @Override
    public HttpTransport unresolvingTransport() {
        return library.transport().apply(start(library.newUnresolvingClient().get()));
    }

    @Override
    public HttpTransport singleConnectionTransport() {
        C client = library.newClient().get();
        library.connectionsPerDestination().accept(client, 1);
        return library.transport().apply(start(client));
    }

    private synchronized C start(C client) {
        try {
            library.start().run(client);
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP client does not start", e);
        }
        started.add(client);
        return client;
    }

    @Override
    public synchronized void close() throws Exception {
        for (C client : started) {
            library.stop().run(client);
        }
        started.clear();
        sharedClient = null;
        shared = null;
    }

    /**
     * @param host the host name a client of a test was asked to look up
     * @return the failure of every lookup of an unresolving client
     */
    public static UnknownHostException noLookups(String host) {
        return new UnknownHostException(host + ": no lookups in this test");
    }
}
