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
package org.openhab.addons.kas.emulator;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the server hands every request: routes it, masks keys for the journal, does the queue accounting, picks a
 * fault, records the request and runs it as an {@link Exchange}. Keeps the faults and the requests in progress (to
 * abort held ones, and to drop all of them when the emulator closes).
 *
 * @author KAS binding contributors - Initial contribution
 */
final class RequestDispatcher implements HttpServer.RequestHandler {

    private static final System.Logger LOGGER = System.getLogger(KasCloudEmulator.class.getName());

    private final CloudState state;
    private final Journal journal;
    private final QueueAccounting queue;
    private final BusinessLogic logic;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Set<Exchange> inProgress = ConcurrentHashMap.newKeySet();
    private volatile Duration defaultDelay = Duration.ZERO;
    private volatile boolean closed;

    RequestDispatcher(CloudState state, Journal journal, QueueAccounting queue) {
        this.state = state;
        this.journal = journal;
        this.queue = queue;
        this.logic = new BusinessLogic(state, journal);
    }

    @Override
    public void handle(ParsedRequest request, ResponseChannel channel) {
        String method = request.method();
        String body = request.bodyText();
        Instant receivedAt = Instant.now();
        Route route = Route.parse(method, request.path(), body);
        String maskedPath = state.maskKnownKeys(route.maskedPath());
        String maskedBody = state.maskKnownKeys(Route.maskBody(body, route.apiKey()));
        QueueAccounting.Ticket ticket = QueueAccounting.Ticket.NONE;
        if ((route.endpoint() == Endpoint.UNLOCK || route.endpoint() == Endpoint.PIN_CODE)
                && state.hasAccount(route.apiKey())) {
            ticket = queue.admit(route.apiKey());
        }
        Fault fault = claimFault(route.endpoint(), route.factoryNumber());
        Journal.Slot slot = new Journal.Slot(receivedAt, method, maskedPath, maskedBody, route.factoryNumber(),
                route.endpoint());
        Exchange exchange = new Exchange(channel, route, slot, ticket, logic, fault, defaultDelay);
        // in progress and tracked by its fault before it is recorded: after awaitRequests(n), inFlight, droppedCalls,
        // Fault.hits() and Fault.held() include these n requests, and abortHeldRequests() and release() reach them
        inProgress.add(exchange);
        exchange.trackHold();
        journal.record(slot);
        LOGGER.log(Level.DEBUG, "{0} {1} -> {2}{3}{4}", method, maskedPath, route.endpoint(),
                ticket.dropped() ? " (dropped: queue full)" : "", fault == null ? "" : " with " + fault);
        try {
            if (closed) {
                exchange.abandon(); // close() may have looked at inProgress before the add
            } else {
                exchange.run();
            }
        } finally {
            inProgress.remove(exchange);
        }
    }

    void setDefaultDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        this.defaultDelay = delay;
    }

    void addFault(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
    }

    void clearFaults() {
        faults.clear();
    }

    /** @return how many held requests were dropped */
    int abortHeld() {
        int count = 0;
        for (Exchange exchange : List.copyOf(inProgress)) {
            if (exchange.abandonIfHeld()) {
                count++;
            }
        }
        return count;
    }

    /** Drops every request in progress, and every request that arrives from now on. */
    void close() {
        closed = true;
        for (Exchange exchange : List.copyOf(inProgress)) {
            exchange.abandon();
        }
    }

    private Fault claimFault(Endpoint endpoint, String factoryNumber) {
        for (Fault fault : faults) {
            if (fault.tryClaim(endpoint, factoryNumber)) {
                return fault;
            }
        }
        return null;
    }
}
