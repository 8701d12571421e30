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
package org.openhab.binding.kas.internal.api;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The kinds of request the KAS cloud client sends.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
enum RequestKind {
    /** {@code GET .../remoteUnlock/{factoryNumber}/{apiKey}} */
    UNLOCK,
    /** {@code POST .../pinCode/{factoryNumber}} */
    PIN_CODE,
    /** {@code GET /}, without key: is the cloud reachable? */
    PROBE
}
