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

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/**
 * Routing and masking of {@link Route}, without a server.
 *
 * @author KAS binding contributors - Initial contribution
 */
class RouteTest {

    @Test
    void routesUnlock() {
        Route route = Route.parse("GET", "/api/lockCommand/remoteUnlock/SS000510/a.b.c", "");
        assertEquals(Endpoint.UNLOCK, route.endpoint());
        assertEquals("SS000510", route.factoryNumber());
        assertEquals("a.b.c", route.apiKey());
        assertEquals("/api/lockCommand/remoteUnlock/SS000510/***", route.maskedPath());
        assertEquals("k+y/\u00e9", Route.parse("GET", "/api/lockCommand/remoteUnlock/SS1/k+y%2F%C3%A9", "").apiKey());
    }

    @Test
    void routesPin() {
        Route route = Route.parse("POST", "/api/lockCommand/pinCode/UL1",
                "{\"mode\":1,\"duration\":61,\"startTime\":2147483647,\"apiKey\":\"x\"}");
        assertEquals(Endpoint.PIN_CODE, route.endpoint());
        assertEquals("UL1", route.factoryNumber());
        assertEquals("x", route.apiKey());
        assertEquals(new Route.PinRequest(1, 61, 2147483647L, "x"), route.pin());

        Route invalid = Route.parse("POST", "/api/lockCommand/pinCode/UL1", "{\"mode\":3,\"apiKey\":\"x\"}");
        assertEquals(Endpoint.PIN_CODE, invalid.endpoint());
        assertEquals("x", invalid.apiKey()); // still counted for the account's queue
        assertNull(invalid.pin());
        assertEquals(new Route.PinRequest(0, 0, 5, "x"), Route.parse("POST", "/api/lockCommand/pinCode/UL1",
                "{\"mode\":0.0,\"duration\":0,\"startTime\":5,\"apiKey\":\"x\"}").pin());
    }

    @Test
    void routesRootAndOthers() {
        assertEquals(Endpoint.ROOT, Route.parse("GET", "/", "").endpoint());
        assertEquals(Endpoint.OTHER, Route.parse("HEAD", "/", "").endpoint()); // never answered with a body
        assertEquals(Endpoint.OTHER, Route.parse("HEAD", "/api/lockCommand/remoteUnlock/SS1/k", "").endpoint());
        assertEquals(Endpoint.OTHER, Route.parse("POST", "/", "").endpoint());
        assertEquals(Endpoint.OTHER, Route.parse("GET", "/api/lockCommand/pinCode/UL1", "").endpoint());
        assertEquals(Endpoint.OTHER, Route.parse("POST", "/api/lockCommand/pinCode/", "").endpoint());
        assertEquals(Endpoint.OTHER, Route.parse("GET", "/api/lockCommand/remoteUnlock//k", "").endpoint());
        Route extra = Route.parse("GET", "/api/lockCommand/remoteUnlock/SS1/key/x", "");
        assertEquals(Endpoint.OTHER, extra.endpoint());
        assertNull(extra.factoryNumber());
        assertEquals("/api/lockCommand/remoteUnlock/SS1/***", extra.maskedPath());
    }

    @Test
    void masksKeyMembersInBodies() {
        assertEquals("{\"apiKey\":\"***\"}", Route.maskBody("{\"apiKey\":\"se\\\"cret\"}", null));
        assertEquals("{\"api_key\" : \"***\",\"x\":\"***\"}",
                Route.maskBody("{\"api_key\" : \"secret\",\"x\":\"secret\"}", "secret"));
        assertEquals("no json secret", Route.maskBody("no json secret", null));
    }
}
