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

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Tests of the test helper {@link LogCapture}: without them a "nothing secret was logged" assertion could pass
 * because nothing was captured at all.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class LogCaptureTest {

    private final Logger logger = LoggerFactory.getLogger("org.openhab.binding.kas.test.Probe");
    private final Logger foreign = LoggerFactory.getLogger("org.example.Other");

    @Test
    void isTheSlf4jProvider() {
        assertTrue(LogCapture.isInstalled());
    }

    @Test
    void capturesFormattedTraceMessagesAndThrowables() {
        try (LogCapture logs = LogCapture.start()) {
            logger.trace("value {} and {}", 1, "two");
            logger.debug("failed", new IllegalStateException("outer", new RuntimeException("inner cause")));
            assertEquals(2, logs.events().size());
            LogCapture.Event first = logs.events().get(0);
            assertEquals(Level.TRACE, first.level());
            assertEquals("value 1 and two", first.message());
            assertNull(first.throwable());
            String throwable = logs.events().get(1).throwable();
            assertNotNull(throwable);
            assertTrue(throwable != null && throwable.contains("inner cause"), throwable);
            assertTrue(logs.contains("inner cause"));
        }
    }

    @Test
    void otherLoggersOnlyFromInfo() {
        try (LogCapture logs = LogCapture.start()) {
            assertTrue(logger.isTraceEnabled());
            assertFalse(foreign.isDebugEnabled());
            foreign.debug("hidden");
            foreign.info("shown");
            assertEquals(1, logs.events().size());
            assertEquals(1, logs.eventsAtLeast(Level.INFO).size());
        }
    }

    @Test
    void prefixFilterAndClose() {
        try (LogCapture all = LogCapture.start(); LogCapture some = LogCapture.start("org.example")) {
            logger.info("a");
            foreign.warn("b");
            assertEquals(2, all.events().size());
            assertEquals(1, some.events().size());
            assertEquals(1, all.events("org.example").size());
            some.close();
            foreign.warn("c");
            assertEquals(1, some.events().size());
            all.clear();
            assertTrue(all.texts().isEmpty());
        }
    }

    @Test
    void assertNotContainedFailsWithoutRepeatingTheSecret() {
        try (LogCapture logs = LogCapture.start()) {
            logger.debug("url /x/TopSecretValue/y");
            AssertionError error = assertThrows(AssertionError.class, () -> logs.assertNotContained("TopSecretValue"));
            String message = String.valueOf(error.getMessage());
            assertFalse(message.contains("TopSecretValue"), message);
            assertTrue(message.contains("<SECRET>"), message);
            assertThrows(AssertionError.class, () -> logs.assertNotContained("topsecretvalue"));
            logs.assertNotContained("something else");
        }
    }
}
