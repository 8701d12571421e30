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
package org.openhab.binding.kas.internal.test;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * The ways a remote unlock of one lock can fail at the (emulated) KAS cloud, with what the binding must make of them:
 * the outcome, how many requests reach the cloud (a 504 is retried once) and the lock's status afterwards. Only a
 * failure that proves a configuration problem of the lock changes its status; the others are about the one request
 * and show on its outcome only. {@link #apply(KasCloudEmulator, String)} breaks the emulator for that lock (or, for
 * {@link #INVALID_TOKEN}, the account); {@link #repair(KasCloudEmulator)} repairs it.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public enum CloudFailure {
    /** 400 "You are not the admin." */
    NOT_ADMIN(KasOutcome.NOT_ADMIN, 1, ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.not-admin"),
    /** 400 "Lock is not found." for a lock KAS does not know */
    LOCK_NOT_FOUND(KasOutcome.LOCK_NOT_FOUND, 1, ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.lock-not-found"),
    /** 400 "Lock is not found." for a lock bound to another account */
    LOCK_OF_ANOTHER_ACCOUNT(KasOutcome.LOCK_NOT_FOUND, 1, ThingStatusDetail.CONFIGURATION_ERROR,
            "@text/offline.lock-not-found"),
    /** 400 "Invalid Token." (the account's problem: the lock's own status is left to the bridge) */
    INVALID_TOKEN(KasOutcome.INVALID_TOKEN, 1, null, null),
    /** 504 from an offline gateway, on both attempts */
    GATEWAY_TIMEOUT(KasOutcome.GATEWAY_TIMEOUT, 2, null, null),
    /** 500 "Unknown Error" */
    SERVER_ERROR(KasOutcome.SERVER_ERROR, 1, null, null),
    /** 503 with an HTML page from a proxy */
    SERVICE_UNAVAILABLE(KasOutcome.SERVICE_UNAVAILABLE, 1, null, null),
    /** 429 "Too Many Requests" */
    TOO_MANY_REQUESTS(KasOutcome.SERVICE_UNAVAILABLE, 1, null, null),
    /** no answer within the request timeout (run with requestTimeout = {@link #SHORT_TIMEOUT_SECONDS}) */
    TIMEOUT(KasOutcome.TIMEOUT, 1, null, null),
    /** connection reset before any byte of the answer */
    CONNECTION_RESET(KasOutcome.COMMUNICATION_ERROR, 1, null, null),
    /** connection closed in the middle of the answer */
    CLOSED_MID_RESPONSE(KasOutcome.COMMUNICATION_ERROR, 1, null, null),
    /** 400 with a reason KAS does not document */
    REJECTED(KasOutcome.REJECTED, 1, null, null),
    /** an HTTP status KAS does not use (418) */
    UNEXPECTED_STATUS(KasOutcome.UNEXPECTED_RESPONSE, 1, null, null),
    /** 200 with a body far larger than any KAS answer */
    OVERSIZED_ANSWER(KasOutcome.UNEXPECTED_RESPONSE, 1, null, null);

    /** The request timeout to configure on the account for {@link #TIMEOUT}. */
    public static final int SHORT_TIMEOUT_SECONDS = 1;

    private final KasOutcome outcome;
    private final int requests;
    private final @Nullable ThingStatusDetail lockDetail;
    private final @Nullable String descriptionKey;

    CloudFailure(KasOutcome outcome, int requests, @Nullable ThingStatusDetail lockDetail,
            @Nullable String descriptionKey) {
        this.outcome = outcome;
        this.requests = requests;
        this.lockDetail = lockDetail;
        this.descriptionKey = descriptionKey;
    }

    /**
     * @return the outcome the binding must report
     */
    public KasOutcome outcome() {
        return outcome;
    }

    /**
     * @return how many unlock requests reach the cloud
     */
    public int requests() {
        return requests;
    }

    /**
     * @return the status detail of the OFFLINE lock afterwards, or null if the lock's status must not change (it is
     *         the account's status for {@link #INVALID_TOKEN})
     */
    public @Nullable ThingStatusDetail lockDetail() {
        return lockDetail;
    }

    /**
     * @return the beginning of the lock's status description ({@code @text/<key>}), or null
     */
    public @Nullable String descriptionKey() {
        return descriptionKey;
    }

    /**
     * @return whether the account checks afterwards whether the cloud answers (its key-less {@code GET /}): after a
     *         time-out, a connection failure, a KAS 500 or a 503/429, which may mean the cloud is gone
     */
    public boolean accountChecksTheCloud() {
        return switch (outcome) {
            case TIMEOUT, COMMUNICATION_ERROR, SERVER_ERROR, SERVICE_UNAVAILABLE -> true;
            default -> false;
        };
    }

    /**
     * @return the request timeout (seconds) the account needs for this failure to show
     */
    public int requestTimeoutSeconds() {
        return this == TIMEOUT ? SHORT_TIMEOUT_SECONDS : 10;
    }

    /**
     * Breaks the emulator so that the next unlock of the lock fails this way.
     *
     * @param emulator the emulator (set up with {@link KasHandlerTestBase#populate(KasCloudEmulator)})
     * @param factoryNumber the lock
     */
    public void apply(KasCloudEmulator emulator, String factoryNumber) {
        switch (this) {
            case NOT_ADMIN -> emulator.setAdmin(factoryNumber, false);
            case LOCK_NOT_FOUND -> emulator.removeLock(factoryNumber);
            case LOCK_OF_ANOTHER_ACCOUNT ->
                emulator.addLock(factoryNumber, KasHandlerTestBase.OTHER_API_KEY, true, true);
            case INVALID_TOKEN -> emulator.removeAccount(KasHandlerTestBase.API_KEY);
            case GATEWAY_TIMEOUT -> emulator.setGatewayOnline(factoryNumber, false);
            case SERVER_ERROR -> emulator.addFault(
                    Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).respond(500, "text/plain", "Unknown Error"));
            case SERVICE_UNAVAILABLE ->
                emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).htmlErrorPage(503));
            case TOO_MANY_REQUESTS -> emulator.addFault(
                    Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).respond(429, "text/plain", "Too Many Requests"));
            case TIMEOUT -> emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).silent());
            case CONNECTION_RESET ->
                emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).resetConnection());
            case CLOSED_MID_RESPONSE ->
                emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).closeMidResponse());
            case REJECTED -> emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).respond(400,
                    "text/plain", "Too many requests for this lock, slow down."));
            case UNEXPECTED_STATUS -> emulator.addFault(
                    Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).respond(418, "text/plain", "I'm a teapot"));
            case OVERSIZED_ANSWER ->
                emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(factoryNumber).oversizedBody(100_000));
        }
    }

    /**
     * Undoes every failure: faults cleared, held requests released, account and locks as set up originally.
     *
     * @param emulator the emulator
     */
    public static void repair(KasCloudEmulator emulator) {
        emulator.clearFaults();
        emulator.abortHeldRequests();
        KasHandlerTestBase.populate(emulator);
    }
}
