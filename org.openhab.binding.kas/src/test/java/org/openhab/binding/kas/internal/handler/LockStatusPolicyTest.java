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

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.binding.kas.internal.api.ConnectionFailure;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.handler.LockStatusPolicy.StatusChange;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Tests of {@link LockStatusPolicy}: which outcome of a request changes the lock thing's status to what (only a
 * success and the two configuration problems of the lock do), and which outcomes are logged at WARN (only a full
 * queue).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class LockStatusPolicyTest {

    static final String LOCK = "SS000510";

    /**
     * The status a lock gets for an outcome, as the handler's users see it; shared with {@link OutcomeReporterTest}.
     *
     * @return the expected status change, {@code null} when the outcome is about the request only
     */
    static @Nullable StatusChange expectedStatus(KasOutcome outcome, String lock) {
        return switch (outcome) {
            case ACCEPTED -> new StatusChange(ThingStatus.ONLINE, ThingStatusDetail.NONE, null);
            case NOT_ADMIN -> new StatusChange(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.not-admin [\"" + lock + "\"]");
            case LOCK_NOT_FOUND -> new StatusChange(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.lock-not-found [\"" + lock + "\"]");
            case INVALID_TOKEN, GATEWAY_TIMEOUT, SERVER_ERROR, SERVICE_UNAVAILABLE, TIMEOUT, COMMUNICATION_ERROR,
                    REJECTED, INVALID_INPUT, UNEXPECTED_RESPONSE, EXPIRED, QUEUE_FULL, CANCELLED ->
                null;
        };
    }

    @ParameterizedTest
    @EnumSource(KasOutcome.class)
    void everyOutcomeGivesItsStatusChange(KasOutcome outcome) {
        assertEquals(expectedStatus(outcome, LOCK), LockStatusPolicy.statusFor(KasResult.of(outcome, "Any."), LOCK));
    }

    @ParameterizedTest
    @EnumSource(KasOutcome.class)
    void theStatusDependsOnTheOutcomeOnlyNotOnTheHttpStatusOrMessage(KasOutcome outcome) {
        StatusChange plain = LockStatusPolicy.statusFor(KasResult.of(outcome, ""), LOCK);
        assertEquals(plain, LockStatusPolicy.statusFor(KasResult.of(outcome, "Something else entirely.", 400), LOCK));
        assertEquals(plain, LockStatusPolicy
                .statusFor(KasResult.connectionFailed(outcome, ConnectionFailure.CONNECTION_LOST, "Lost.", 0), LOCK));
    }

    @Test
    void theDescriptionNamesTheLockAsOneSafeArgument() {
        StatusChange change = LockStatusPolicy.statusFor(KasResult.of(KasOutcome.NOT_ADMIN, "No."), "front, \"[x]\"");
        assertNotNull(change);
        assertEquals("@text/offline.not-admin [\"front; (x)\"]", change.description());
    }

    @Test
    void onlineIsOnlineWithoutDetailOrDescription() {
        assertEquals(new StatusChange(ThingStatus.ONLINE, ThingStatusDetail.NONE, null), StatusChange.ONLINE);
    }

    @ParameterizedTest
    @EnumSource(KasOutcome.class)
    void onlyAFullQueueIsAWarning(KasOutcome outcome) {
        assertEquals(outcome == KasOutcome.QUEUE_FULL, LockStatusPolicy.isWarning(outcome));
    }

    @Test
    void noOutcomeThatAStatusShowsIsAlsoAWarning() {
        List<KasOutcome> both = Arrays.stream(KasOutcome.values()).filter(LockStatusPolicy::isWarning)
                .filter(o -> LockStatusPolicy.statusFor(KasResult.of(o, "x"), LOCK) != null).toList();
        assertEquals(List.of(), both);
    }
}
