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

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One HTTP request as the KAS cloud client wants it sent: what goes on the wire and the limits of the exchange.
 *
 * @param method {@code GET} or {@code POST}
 * @param url the absolute URL (it may contain the API key: never log it unredacted)
 * @param accept the value of the {@code Accept} header
 * @param contentType the value of the {@code Content-Type} header, {@code null} for none
 * @param body the request body (UTF-8), {@code null} for none
 * @param timeout total time allowed for the exchange, from sending to the last byte of the answer
 * @param maxBodyBytes the largest answer body that is read; a larger one is cut off
 * @param mayBegin asked when the HTTP client is about to write the request, that is once it has a connection (which
 *            may take a while: name lookup, connection, TLS, a free slot): {@code false} aborts the request before
 *            anything of it is written ({@link HttpTransportException.Reason#NOT_BEGUN})
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record HttpCall(String method, String url, String accept, @Nullable String contentType, @Nullable String body,
        Duration timeout, int maxBodyBytes, BooleanSupplier mayBegin) {
}
