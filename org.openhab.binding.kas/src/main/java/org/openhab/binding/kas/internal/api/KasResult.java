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

import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The result of one call to the KAS cloud (an immutable value with record-style accessors).
 * <p>
 * {@code message} is a human sentence that is safe to log and to show to the user: control characters are removed
 * and it is at most {@value #MAX_MESSAGE_LENGTH} characters long. It never contains an API key (the client masks
 * keys before building it) and never the PIN code. {@link #toString()} does not show the PIN code either, because it
 * opens the door.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class KasResult {

    /** The longest message kept. */
    public static final int MAX_MESSAGE_LENGTH = 200;

    private final KasOutcome outcome;
    private final String message;
    /** The PIN code, "" when there is none (a non-null field keeps static analysis simple). */
    private final String code;
    private final int httpStatus;
    private final ConnectionFailure connectionFailure;

    /**
     * Sanitises and shortens the message; an empty message is replaced by the outcome's description, a negative
     * status by 0.
     *
     * @param outcome what happened
     * @param message human sentence
     * @param code the PIN code for an accepted PIN request, otherwise {@code null}
     * @param httpStatus the HTTP status of the answer, 0 when there was none
     */
    public KasResult(KasOutcome outcome, String message, @Nullable String code, int httpStatus) {
        this(outcome, message, code, httpStatus, ConnectionFailure.NONE);
    }

    private KasResult(KasOutcome outcome, String message, @Nullable String code, int httpStatus,
            ConnectionFailure connectionFailure) {
        String sanitised = LogSafe.shorten(message, MAX_MESSAGE_LENGTH);
        if (sanitised.isEmpty()) {
            String description = outcome.description();
            sanitised = Character.toUpperCase(description.charAt(0)) + description.substring(1) + ".";
        }
        this.outcome = outcome;
        this.message = sanitised;
        this.code = code == null ? "" : code;
        this.httpStatus = Math.max(httpStatus, 0);
        this.connectionFailure = connectionFailure;
    }

    /**
     * @return a result without HTTP status and code
     */
    public static KasResult of(KasOutcome outcome, String message) {
        return new KasResult(outcome, message, null, 0);
    }

    /**
     * @return a result without code
     */
    public static KasResult of(KasOutcome outcome, String message, int httpStatus) {
        return new KasResult(outcome, message, null, httpStatus);
    }

    /**
     * @param outcome {@link KasOutcome#TIMEOUT} or {@link KasOutcome#COMMUNICATION_ERROR}
     * @param failure why the request got no (complete) answer
     * @param message human sentence
     * @param httpStatus the HTTP status if a status line was received, otherwise 0
     * @return a result that also names the connection failure
     */
    public static KasResult connectionFailed(KasOutcome outcome, ConnectionFailure failure, String message,
            int httpStatus) {
        return new KasResult(outcome, message, null, httpStatus, failure);
    }

    /**
     * @return an {@link KasOutcome#ACCEPTED} result without code
     */
    public static KasResult accepted(String message, int httpStatus) {
        return new KasResult(KasOutcome.ACCEPTED, message, null, httpStatus);
    }

    /**
     * @param code the PIN code as received (digits)
     * @return an {@link KasOutcome#ACCEPTED} result carrying the code (not in the message)
     */
    public static KasResult pinCode(String code, int httpStatus) {
        return new KasResult(KasOutcome.ACCEPTED, "PIN code created (" + code.length() + " digits).", code, httpStatus);
    }

    /**
     * @return a {@link KasOutcome#CANCELLED} result
     */
    public static KasResult cancelled(String message) {
        return of(KasOutcome.CANCELLED, message);
    }

    /**
     * @return an {@link KasOutcome#EXPIRED} result
     */
    public static KasResult expired(String message) {
        return of(KasOutcome.EXPIRED, message);
    }

    /**
     * @return a {@link KasOutcome#QUEUE_FULL} result
     */
    public static KasResult queueFull(String message) {
        return of(KasOutcome.QUEUE_FULL, message);
    }

    /**
     * @return an {@link KasOutcome#INVALID_INPUT} result
     */
    public static KasResult invalidInput(String message) {
        return of(KasOutcome.INVALID_INPUT, message);
    }

    /**
     * @return an {@link KasOutcome#INVALID_INPUT} result with the exception's message (which never contains a key)
     */
    public static KasResult invalidInput(IllegalArgumentException e) {
        String message = e.getMessage();
        return invalidInput(message == null ? "Invalid input." : message);
    }

    /**
     * @return what happened
     */
    public KasOutcome outcome() {
        return outcome;
    }

    /**
     * @return a human sentence, sanitised, at most {@value #MAX_MESSAGE_LENGTH} characters, without key or PIN code
     */
    public String message() {
        return message;
    }

    /**
     * @return the PIN code (digits as text, leading zeros kept) of an accepted PIN request, otherwise {@code null}
     */
    public @Nullable String code() {
        return code.isEmpty() ? null : code;
    }

    /**
     * @return the HTTP status of the answer, 0 when there was none
     */
    public int httpStatus() {
        return httpStatus;
    }

    /**
     * @return why the request got no (complete) answer, {@link ConnectionFailure#NONE} when it got one (or failed
     *         for another reason)
     */
    public ConnectionFailure connectionFailure() {
        return connectionFailure;
    }

    /**
     * @return whether the outcome is {@link KasOutcome#ACCEPTED}
     */
    public boolean isSuccess() {
        return outcome.isSuccess();
    }

    /**
     * @return the outcome, status and message; a PIN code is replaced by {@code ***}
     */
    @Override
    public String toString() {
        return "KasResult[outcome=" + outcome + ", httpStatus=" + httpStatus + (code.isEmpty() ? "" : ", code=***")
                + ", message=" + message + "]";
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return this == obj || (obj instanceof KasResult other && outcome == other.outcome
                && message.equals(other.message) && code.equals(other.code) && httpStatus == other.httpStatus
                && connectionFailure == other.connectionFailure);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, message, code, httpStatus, connectionFailure);
    }
}
