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

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Emulator tests that capture everything the emulator logs (at level ALL) and check after each test that no line
 * contains a registered key; a subclass may check more of each line.
 *
 * @author KAS binding contributors - Initial contribution
 */
abstract class LogCheckedEmulatorTestBase extends EmulatorTestBase {

    EmulatorLogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = EmulatorLogCapture.start();
    }

    @AfterEach
    void noKeyWasLogged() {
        emulator.close(); // its last lines too
        logs.close();
        for (EmulatorLogCapture.Line line : logs.lines()) {
            for (String key : List.of(KEY, OTHER_KEY)) {
                assertFalse(line.text().contains(key), () -> "a log line contains a key: " + line);
            }
            checkLine(line);
        }
    }

    /**
     * Checks one line the emulator logged during the test, after the check for keys.
     *
     * @param line the line
     */
    void checkLine(EmulatorLogCapture.Line line) {
    }
}
