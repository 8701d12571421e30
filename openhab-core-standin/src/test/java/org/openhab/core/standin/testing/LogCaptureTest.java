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
package org.openhab.core.standin.testing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;

/**
 * Tests of the shared test helper {@link LogCapture}: without them a "nothing secret was logged" assertion could
 * pass because nothing was captured at all.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class LogCaptureTest {

    private final Logger logger = LoggerFactory.getLogger("org.openhab.binding.kas.test.Probe");
    private final Logger foreign = LoggerFactory.getLogger("org.example.Other");

    @Test
    void logbackIsTheSlf4jBinding() {
        assertEquals(org.slf4j.Logger.ROOT_LOGGER_NAME, LogCapture.rootLogger().getName());
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
            assertEquals("value {} and {}", first.pattern());
            assertEquals(List.of(1, "two"), first.arguments());
            assertNull(first.throwable());
            String text = logs.events().get(1).text();
            assertTrue(text.contains("inner cause") && text.contains("IllegalStateException"), text);
            assertTrue(logs.contains("inner cause"));
        }
    }

    @Test
    void prefixFilterAndClose() {
        try (LogCapture all = LogCapture.start(); LogCapture some = LogCapture.start()) {
            logger.info("a");
            foreign.warn("b");
            assertEquals(2, all.events().size());
            assertEquals(2, some.events().size());
            assertEquals(1, all.events("org.example").size());
            assertEquals(1, all.eventsAtLeast(Level.WARN).size());
            some.close();
            foreign.warn("c");
            assertEquals(2, some.events().size());
            assertEquals(3, all.events().size());
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
