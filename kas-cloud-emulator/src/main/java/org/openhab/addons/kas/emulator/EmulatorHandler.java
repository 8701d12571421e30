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

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;

/**
 * The single Jetty handler of the emulator: reads the request, routes it, records it in the journal, does the queue
 * accounting, picks a fault and hands the rest to an {@link Exchange}.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class EmulatorHandler extends AbstractHandler {

    /** bodies longer than this are cut (a PIN body is about 100 bytes) */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final System.Logger LOGGER = System.getLogger(KasCloudEmulator.class.getName());

    private final KasCloudEmulator emulator;

    EmulatorHandler(KasCloudEmulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        baseRequest.setHandled(true);
        String method = request.getMethod();
        String body = readBody(request);
        Instant receivedAt = Instant.now();
        Route route = Route.parse(method, request.getRequestURI(), body);

        String maskedPath = emulator.maskKnownKeys(route.maskedPath());
        String maskedBody = emulator.maskKnownKeys(Route.maskBody(body, route.apiKey()));
        KasCloudEmulator.AccountStats stats = null;
        boolean dropped = false;
        if ((route.endpoint() == Endpoint.UNLOCK || route.endpoint() == Endpoint.PIN_CODE)
                && emulator.hasAccount(route.apiKey())) {
            stats = emulator.statsFor(route.apiKey());
            int inFlight = stats.inFlight.incrementAndGet();
            stats.peak.accumulateAndGet(inFlight, Math::max);
            if (inFlight > KasCloudEmulator.QUEUE_LIMIT) {
                dropped = true;
                stats.dropped.incrementAndGet();
            }
        }
        Fault fault = emulator.claimFault(route.endpoint(), route.factoryNumber());
        // recorded after the accounting and the fault claim: after awaitRequests(n), inFlight, droppedCalls and
        // Fault.hits() include these n requests
        Exchange.JournalSlot slot = new Exchange.JournalSlot(receivedAt, method, maskedPath, maskedBody,
                route.factoryNumber(), route.endpoint());
        emulator.record(slot);
        LOGGER.log(Level.DEBUG, "{0} {1} -> {2}{3}{4}", method, maskedPath, route.endpoint(),
                dropped ? " (dropped: queue full)" : "", fault == null ? "" : " with " + fault);

        new Exchange(emulator, baseRequest, request, response, route, slot, stats, dropped, fault).begin();
    }

    private static String readBody(HttpServletRequest request) throws IOException {
        InputStream in = request.getInputStream();
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
