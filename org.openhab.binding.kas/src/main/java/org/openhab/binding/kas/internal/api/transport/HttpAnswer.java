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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How an HTTP exchange ended: an answer was {@link Received}, or the exchange {@link Failed}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public sealed interface HttpAnswer {

    /**
     * A complete answer, or one whose body was cut off at {@link HttpCall#maxBodyBytes()}.
     *
     * @param status the HTTP status
     * @param contentType the {@code Content-Type} header, {@code null} when there was none
     * @param body the body bytes read (at most the call's limit)
     * @param oversized whether the body was larger than the limit (announced or received) and was cut off
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Received(int status, @Nullable String contentType, byte[] body, boolean oversized) implements HttpAnswer {
    }

    /**
     * An exchange that ended without a complete answer.
     *
     * @param failure why: an exception of the JDK ({@code java.util.concurrent.TimeoutException},
     *            {@code java.net.ConnectException}, ...), possibly wrapped, or an {@link HttpTransportException}
     * @param status the HTTP status when a status line had been received before the failure, otherwise 0
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Failed(Throwable failure, int status) implements HttpAnswer {
    }
}
