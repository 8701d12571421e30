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
 * Why a request got no (complete) answer from the KAS cloud, for a result of {@link KasOutcome#TIMEOUT} or
 * {@link KasOutcome#COMMUNICATION_ERROR}: the same information as the result's message, as a name that a translated
 * text can be chosen by.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public enum ConnectionFailure {
    /** The request got an answer, or failed for a reason that is not about the connection. */
    NONE,
    /** No (complete) answer within the request timeout. */
    TIMEOUT,
    /** The host name could not be resolved. */
    UNKNOWN_HOST,
    /** The connection was refused or could not be established. */
    REFUSED,
    /** There is no network route to the host. */
    NO_ROUTE,
    /** The TLS handshake or connection failed. */
    TLS,
    /** The connection was reset or closed before a complete answer. */
    CONNECTION_LOST,
    /** The request was not sent: the HTTP client is not running or rejected it. */
    NOT_SENT,
    /** Anything else. */
    OTHER
}
