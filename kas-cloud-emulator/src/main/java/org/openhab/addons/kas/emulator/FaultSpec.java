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

import java.time.Duration;

/**
 * What a {@link Fault} does, read once when a request claims it (its builder may still be used while requests run).
 *
 * @param action what it does instead of the normal answer
 * @param delay how long the request waits first, on top of the default delay
 * @param status the status of {@link Action#RESPOND} and {@link Action#HTML_ERROR_PAGE}
 * @param contentType the content type of {@link Action#RESPOND}, or {@code null}
 * @param body the body of {@link Action#RESPOND} and {@link Action#MALFORMED_PIN}
 * @param bytes the body size of {@link Action#OVERSIZED_BODY}
 *
 * @author KAS binding contributors - Initial contribution
 */
record FaultSpec(FaultSpec.Action action, Duration delay, int status, String contentType, String body, int bytes) {

    /** What a request without a fault does: the normal answer, at once. */
    static final FaultSpec NONE = new FaultSpec(Action.NONE, Duration.ZERO, 0, null, "", 0);

    /**
     * What a fault does instead of the normal answer.
     *
     * @author KAS binding contributors - Initial contribution
     */
    enum Action {
        NONE,
        RESPOND,
        HTML_ERROR_PAGE,
        GATEWAY_TIMEOUT,
        CLOSE_MID_RESPONSE,
        RESET_CONNECTION,
        OVERSIZED_BODY,
        MALFORMED_PIN,
        SILENT,
        HOLD
    }
}
