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

import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.handler.LockStatusPolicy.StatusChange;
import org.openhab.core.thing.ThingUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the outcome of one request of a lock, exactly once: {@code last-result}, the {@code event} trigger, the log
 * line and the thing status as {@link LockStatusPolicy} says. Called with the lock handler's state lock held.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class OutcomeReporter {

    private final Logger logger = LoggerFactory.getLogger(OutcomeReporter.class);
    private final ThingUID thing;
    private final LockChannels channels;
    private final Consumer<StatusChange> status;

    /**
     * @param thing the lock thing, for the log
     * @param channels where outcomes are published
     * @param status applies a status change to the thing (unless it has that status already)
     */
    OutcomeReporter(ThingUID thing, LockChannels channels, Consumer<StatusChange> status) {
        this.thing = thing;
        this.channels = channels;
        this.status = status;
    }

    /**
     * @param result the outcome
     * @param pinRequest whether it is the outcome of a PIN code request (otherwise of an unlock)
     * @param lock the factory number (or the thing id when there is none), for the status description
     */
    void report(KasResult result, boolean pinRequest, String lock) {
        KasOutcome outcome = result.outcome();
        String event = pinRequest ? (result.isSuccess() ? EVENT_PIN_CODE_CREATED : EVENT_PIN_CODE_FAILED)
                : (result.isSuccess() ? EVENT_UNLOCK_ACCEPTED : EVENT_UNLOCK_FAILED);
        channels.outcome(outcome, event);
        String what = pinRequest ? "PIN code request" : "Unlock";
        if (LockStatusPolicy.isWarning(outcome)) {
            logger.warn("{} of lock {} failed: {}", what, thing, result.message());
        } else {
            logger.debug("{} of lock {}: {} ({})", what, thing, outcome, result.message());
        }
        StatusChange change = LockStatusPolicy.statusFor(result, lock);
        if (change != null) {
            status.accept(change);
        }
    }
}
