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
 * A failure that only the HTTP library can recognise, in terms the rest of the add-on understands without knowing the
 * library.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class HttpTransportException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * What went wrong.
     */
    public enum Reason {
        /** The HTTP client is not running (openHAB is starting or shutting down); nothing was sent. */
        NOT_RUNNING,
        /** The request could not be built or handed to the HTTP client; nothing was sent. */
        NOT_SENT,
        /**
         * The HTTP client could not write the request, because its request line and headers do not fit the client's
         * limit; nothing of it reached the server.
         */
        NOT_WRITTEN,
        /** The server's answer is not valid HTTP. */
        INVALID_ANSWER,
        /**
         * The request was no longer wanted when the HTTP client was about to write it ({@code HttpCall.mayBegin()});
         * nothing of it was written.
         */
        NOT_BEGUN
    }

    private final Reason reason;

    /**
     * @param reason what went wrong
     * @param cause the library's exception, {@code null} for none (its message may contain a URL with the API key:
     *            redact before showing it)
     */
    public HttpTransportException(Reason reason, @Nullable Throwable cause) {
        super(reason.name(), cause, false, false);
        this.reason = reason;
    }

    /**
     * @return what went wrong
     */
    public Reason reason() {
        return reason;
    }
}
