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
package org.openhab.binding.kas.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * What the outcome of a request says about the lock thing's status, and which outcomes are logged at WARN.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class LockStatusPolicy {

    private LockStatusPolicy() {
    }

    /**
     * A status to set.
     *
     * @param status the status
     * @param detail the detail
     * @param description the {@code @text/...} description, {@code null} for none
     *
     * @author KAS binding contributors - Initial contribution
     */
    record StatusChange(ThingStatus status, ThingStatusDetail detail, @Nullable String description) {
        static final StatusChange ONLINE = new StatusChange(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
    }

    /**
     * A request's failure changes the lock's status only when it proves a configuration problem of the lock (the
     * account is not its admin, or KAS does not know it on this account); time-outs, gateway, server and connection
     * failures are about the request and show on its outcome only (the account checks whether the cloud is gone). A
     * success shows the lock can be used.
     *
     * @param result the outcome of an unlock or PIN request
     * @param lock the lock's factory number (or thing id), for the description
     * @return the status the lock gets, or {@code null} when the outcome is about the request only
     */
    static @Nullable StatusChange statusFor(KasResult result, String lock) {
        return switch (result.outcome()) {
            case ACCEPTED -> StatusChange.ONLINE;
            case NOT_ADMIN -> configurationError("offline.not-admin", lock);
            case LOCK_NOT_FOUND -> configurationError("offline.lock-not-found", lock);
            // INVALID_TOKEN is the account's status; the others are about this one request, not the lock
            default -> null;
        };
    }

    /**
     * Only what a user must act on and no status shows is a warning: a full queue means commands were refused. The
     * configuration problems show in a status, the rest on {@code last-result} and the {@code event} channel.
     *
     * @return whether the outcome is logged at WARN (otherwise DEBUG)
     */
    static boolean isWarning(KasOutcome outcome) {
        return outcome == KasOutcome.QUEUE_FULL;
    }

    private static StatusChange configurationError(String key, String lock) {
        return new StatusChange(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                StatusTexts.text(key, lock));
    }
}
