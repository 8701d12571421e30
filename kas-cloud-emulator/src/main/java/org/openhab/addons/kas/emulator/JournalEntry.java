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

import java.time.Instant;

/**
 * One request the emulator received, as recorded in its journal. API keys never appear in it: the key segment of an
 * unlock path, the {@code apiKey} member of a PIN body and every registered key found anywhere else are replaced by
 * {@code ***}.
 *
 * @param receivedAt when the request arrived (after its body was read)
 * @param method the HTTP method
 * @param maskedPath the request path (without query string) with the API key masked as {@code ***}
 * @param body the request body (UTF-8) with the API key masked; empty if there was none
 * @param status the HTTP status answered; {@code 0} while the request has not been answered (yet) and for requests that
 *            never get a status line: held by {@link Fault#silent()}, cut by {@link Fault#resetConnection()}, or
 *            abandoned when the emulator closed
 * @param factoryNumber the factory number from the path of an {@link Endpoint#UNLOCK} or {@link Endpoint#PIN_CODE}
 *            request, {@code null} for the other endpoints
 * @param endpoint the endpoint the request was routed to
 *
 * @author KAS binding contributors - Initial contribution
 */
public record JournalEntry(Instant receivedAt, String method, String maskedPath, String body, int status,
        String factoryNumber, Endpoint endpoint) {
}
