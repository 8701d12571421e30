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
 * What became of a call to the KAS cloud (or of a call that was never sent).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public enum KasOutcome {
    /** HTTP 200: the cloud accepted the command (an unlock is queued for the gateway, not yet confirmed). */
    ACCEPTED("accepted by the KAS cloud"),
    /** HTTP 400 "You are not the admin.": the account is not an administrator of the lock. */
    NOT_ADMIN("the account is not an admin of the lock"),
    /** HTTP 400 "Invalid Token.": the API key was rejected. */
    INVALID_TOKEN("the API key was rejected"),
    /** HTTP 400 "Lock is not found.": no such lock for this account. */
    LOCK_NOT_FOUND("the lock was not found for this account"),
    /** HTTP 504: the lock's gateway did not answer (offline or out of range). */
    GATEWAY_TIMEOUT("the lock's gateway did not answer"),
    /** HTTP 500: internal error of the KAS cloud. */
    SERVER_ERROR("internal error of the KAS cloud"),
    /** HTTP 429, 502 or 503: the cloud is overloaded or temporarily unavailable. */
    SERVICE_UNAVAILABLE("the KAS cloud is temporarily unavailable"),
    /** No (complete) answer within the request timeout; the command may or may not have been executed. */
    TIMEOUT("no answer in time"),
    /** The connection failed: unknown host, refused, reset or closed, TLS failure. */
    COMMUNICATION_ERROR("the KAS cloud could not be reached"),
    /** HTTP 400 with any other message. */
    REJECTED("the KAS cloud rejected the request"),
    /** The request was not sent because an input was invalid. */
    INVALID_INPUT("invalid input"),
    /** An answer that does not fit the KAS API (other status, malformed or oversized body). */
    UNEXPECTED_RESPONSE("unexpected answer from the KAS cloud"),
    /** The request waited too long to be sent and was dropped (an old unlock must not open the door later). */
    EXPIRED("dropped because it waited too long"),
    /** The request was not queued because too many requests were waiting already. */
    QUEUE_FULL("too many requests waiting"),
    /** The request was cancelled (thing disposed or shutting down). */
    CANCELLED("cancelled");

    private final String description;

    KasOutcome(String description) {
        this.description = description;
    }

    /**
     * @return a short English description, e.g. "the API key was rejected"
     */
    public String description() {
        return description;
    }

    /**
     * @return {@code true} only for {@link #ACCEPTED}
     */
    public boolean isSuccess() {
        return this == ACCEPTED;
    }

    /**
     * @return {@code true} for outcomes that need a change of the configuration or of the KAS account
     *         ({@link #NOT_ADMIN}, {@link #INVALID_TOKEN}, {@link #LOCK_NOT_FOUND}, {@link #INVALID_INPUT})
     */
    public boolean isConfigurationProblem() {
        return this == NOT_ADMIN || this == INVALID_TOKEN || this == LOCK_NOT_FOUND || this == INVALID_INPUT;
    }

    /**
     * @return {@code true} when the cloud could not be reached or did not answer usefully for a temporary reason
     *         ({@link #TIMEOUT}, {@link #COMMUNICATION_ERROR}, {@link #SERVICE_UNAVAILABLE})
     */
    public boolean isCloudUnreachable() {
        return this == TIMEOUT || this == COMMUNICATION_ERROR || this == SERVICE_UNAVAILABLE;
    }
}
