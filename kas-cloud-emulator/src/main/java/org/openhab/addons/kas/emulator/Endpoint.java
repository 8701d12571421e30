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

/**
 * The part of the KAS cloud API a request was routed to.
 *
 * @author KAS binding contributors - Initial contribution
 */
public enum Endpoint {
    /** {@code GET /api/lockCommand/remoteUnlock/{factoryNumber}/{apiKey}} */
    UNLOCK,
    /** {@code POST /api/lockCommand/pinCode/{factoryNumber}} with a JSON body */
    PIN_CODE,
    /** {@code GET /} (the key-less reachability probe) */
    ROOT,
    /** anything else; answered 404 */
    OTHER
}
