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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests of {@link PinCodeRequest}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class PinCodeRequestTest {

    @ParameterizedTest
    @CsvSource({ "0,0,0", "1,61,2147483647", "0,24,1767225600", "1,1,1" })
    void acceptsRangeLimits(int mode, int duration, long startTime) {
        PinCodeRequest request = PinCodeRequest.of(mode, duration, startTime);
        assertEquals(mode, request.mode());
        assertEquals(duration, request.duration());
        assertEquals(startTime, request.startTime());
    }

    @ParameterizedTest
    @CsvSource({ "mode,-1,24,0,mode must be between 0 and 1; was -1", "mode,2,24,0,mode must be between 0 and 1; was 2",
            "duration,0,-1,0,duration must be between 0 and 61; was -1",
            "duration,0,62,0,duration must be between 0 and 61; was 62",
            "duration,0,99,0,duration must be between 0 and 61; was 99",
            "startTime,0,24,-1,startTime must be between 0 and 2147483647 (epoch seconds); was -1",
            "startTime,0,24,2147483648,startTime must be between 0 and 2147483647 (epoch seconds); was 2147483648" })
    void rejectsOutOfRange(String parameter, int mode, int duration, long startTime, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PinCodeRequest.of(mode, duration, startTime));
        assertEquals(parameter, e.parameter());
        // CSV cannot hold the comma of the message; ';' stands for it
        assertEquals(expected.replace(';', ','), e.getMessage());
    }

    @Test
    void isAnIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> new PinCodeRequest(0, 99, 0));
    }

    @Test
    void valueSemantics() {
        assertEquals(PinCodeRequest.of(0, 24, 1767225600), PinCodeRequest.of(0, 24, 1767225600));
        assertNotEquals(PinCodeRequest.of(0, 24, 1767225600), PinCodeRequest.of(1, 24, 1767225600));
    }
}
