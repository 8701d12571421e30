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

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link KasOutcome} and {@link KasResult}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class KasResultTest {

    @Test
    void outcomesAreExactlyTheAgreedOnes() {
        assertEquals(
                List.of("ACCEPTED", "NOT_ADMIN", "INVALID_TOKEN", "LOCK_NOT_FOUND", "GATEWAY_TIMEOUT", "SERVER_ERROR",
                        "SERVICE_UNAVAILABLE", "TIMEOUT", "COMMUNICATION_ERROR", "REJECTED", "INVALID_INPUT",
                        "UNEXPECTED_RESPONSE", "EXPIRED", "QUEUE_FULL", "CANCELLED"),
                Arrays.stream(KasOutcome.values()).map(Enum::name).toList());
    }

    @Test
    void onlyAcceptedIsSuccess() {
        for (KasOutcome outcome : KasOutcome.values()) {
            assertEquals(outcome == KasOutcome.ACCEPTED, outcome.isSuccess(), outcome.name());
            assertFalse(outcome.description().isBlank(), outcome.name());
        }
        assertTrue(KasOutcome.INVALID_TOKEN.isConfigurationProblem());
        assertFalse(KasOutcome.TIMEOUT.isConfigurationProblem());
        assertTrue(KasOutcome.TIMEOUT.isCloudUnreachable());
        assertFalse(KasOutcome.GATEWAY_TIMEOUT.isCloudUnreachable());
    }

    @Test
    void messageIsSanitisedAndBounded() {
        KasResult result = KasResult.of(KasOutcome.REJECTED, "bad\r\nthing\u202e " + "x".repeat(500), 400);
        assertFalse(result.message().contains("\n"));
        assertFalse(result.message().contains("\u202e"));
        assertTrue(result.message().startsWith("bad thing x"));
        assertEquals(KasResult.MAX_MESSAGE_LENGTH, result.message().length());
        assertEquals(400, result.httpStatus());
        assertFalse(result.isSuccess());
    }

    @Test
    void emptyMessageFallsBackToDescription() {
        assertEquals("Cancelled.", KasResult.cancelled(" ").message());
        assertEquals("No answer in time.", KasResult.of(KasOutcome.TIMEOUT, "").message());
    }

    @Test
    void factories() {
        KasResult pin = KasResult.pinCode("01234567", 200);
        assertEquals(KasOutcome.ACCEPTED, pin.outcome());
        assertEquals("01234567", pin.code());
        assertTrue(pin.isSuccess());
        assertEquals("PIN code created (8 digits).", pin.message());
        assertEquals(KasOutcome.EXPIRED, KasResult.expired("old").outcome());
        assertEquals(KasOutcome.QUEUE_FULL, KasResult.queueFull("full").outcome());
        assertEquals(KasOutcome.INVALID_INPUT, KasResult.invalidInput("bad").outcome());
        KasResult invalid = KasResult.invalidInput(InvalidInputException.outOfRange("duration", 99, 0, 61, ""));
        assertEquals("duration must be between 0 and 61, was 99", invalid.message());
        assertEquals(0, KasResult.of(KasOutcome.TIMEOUT, "t", -5).httpStatus());
        assertEquals(KasOutcome.ACCEPTED, KasResult.accepted("ok", 200).outcome());
    }

    @Test
    void toStringHidesThePinCode() {
        String text = KasResult.pinCode("98765432", 200).toString();
        assertFalse(text.contains("98765432"), text);
        assertTrue(text.contains("code=***"), text);
        assertTrue(text.contains("ACCEPTED"), text);
    }
}
