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

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * {@link KasCloudEmulator#pinFor(String, int, int, long)}: deterministic, 8 digits, sometimes a leading zero.
 *
 * @author KAS binding contributors - Initial contribution
 */
class PinForTest {

    /** Finds a start time for which the code starts with 0 (about one in ten do). */
    static long startTimeWithLeadingZero(String factoryNumber, int mode, int duration) {
        for (long startTime = 1_700_000_000L; startTime < 1_700_001_000L; startTime++) {
            if (KasCloudEmulator.pinFor(factoryNumber, mode, duration, startTime).charAt(0) == '0') {
                return startTime;
            }
        }
        throw new AssertionError("no code with a leading zero in 1000 start times");
    }

    @Test
    void deterministicAndEightDigits() {
        String first = KasCloudEmulator.pinFor("SS000510", 0, 10, 1_700_000_000L);
        assertEquals(first, KasCloudEmulator.pinFor("SS000510", 0, 10, 1_700_000_000L));
        assertTrue(first.matches("\\d{8}"), first);
        for (int i = 0; i < 2000; i++) {
            assertTrue(KasCloudEmulator.pinFor("UL" + i, i % 2, i % 62, i * 977L).matches("\\d{8}"));
        }
    }

    @Test
    void everyInputMatters() {
        Set<String> codes = new HashSet<>();
        codes.add(KasCloudEmulator.pinFor("SS000510", 0, 10, 1_700_000_000L));
        codes.add(KasCloudEmulator.pinFor("SS000511", 0, 10, 1_700_000_000L));
        codes.add(KasCloudEmulator.pinFor("SS000510", 1, 10, 1_700_000_000L));
        codes.add(KasCloudEmulator.pinFor("SS000510", 0, 11, 1_700_000_000L));
        codes.add(KasCloudEmulator.pinFor("SS000510", 0, 10, 1_700_000_001L));
        assertEquals(5, codes.size(), codes::toString);
    }

    @Test
    void someCodesStartWithZero() {
        long startTime = startTimeWithLeadingZero("SS000510", 0, 10);
        String code = KasCloudEmulator.pinFor("SS000510", 0, 10, startTime);
        assertEquals('0', code.charAt(0));
        assertEquals(8, code.length());
        int withZero = 0;
        for (int i = 0; i < 10_000; i++) {
            if (KasCloudEmulator.pinFor("UL000777", 1, 30, i).charAt(0) == '0') {
                withZero++;
            }
        }
        assertTrue(withZero > 500 && withZero < 1500, "codes with a leading zero: " + withZero);
    }
}
