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
package org.openhab.binding.kas.internal.api.gate;

import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * The results a {@link RequestGate} gives itself, without a call to KAS, and how it reads the outcome of an attempt.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class GateResults {

    private GateResults() {
    }

    static KasResult closed(String description) {
        return KasResult.cancelled(description + " not sent: the KAS account was disposed or reconfigured");
    }

    static KasResult cancelledInFlight(String description) {
        return KasResult.cancelled(description + " cancelled: the KAS account was disposed or reconfigured "
                + "while the request was in flight; KAS may have received it");
    }

    static KasResult withdrawn(String description) {
        return KasResult.cancelled(description + " not sent: the lock thing was removed");
    }

    static KasResult queueFull(int waiting) {
        return KasResult.queueFull("KAS request queue is full (" + waiting + " waiting); command not sent");
    }

    static KasResult expired(String description, @Nullable Instant notAfter) {
        return KasResult
                .expired(description + " not sent: older than its maximum age (deadline " + notAfter + " passed)");
    }

    /**
     * The result of one attempt: its value, or a failure turned into an outcome. Exception messages are left out on
     * purpose: they may contain a request URL with the API key.
     */
    static KasResult ofAttempt(String description, @Nullable KasResult value, @Nullable Throwable failure) {
        if (failure != null) {
            Throwable cause = failure;
            Throwable inner = cause.getCause();
            while ((cause instanceof CompletionException || cause instanceof ExecutionException) && inner != null) {
                cause = inner;
                inner = cause.getCause();
            }
            if (cause instanceof CancellationException) {
                return KasResult.cancelled(description + " was cancelled before KAS answered");
            }
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR,
                    description + " failed before KAS answered (" + cause.getClass().getSimpleName() + ")");
        }
        if (value == null) {
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR, description + " ended without a result");
        }
        return value;
    }
}
