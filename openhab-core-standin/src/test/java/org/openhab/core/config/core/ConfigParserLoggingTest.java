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
package org.openhab.core.config.core;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.standin.testing.LogCapture.Event;

import ch.qos.logback.classic.Level;

/**
 * Checks that {@link ConfigParser} logs what openHAB core 5.2.1's logs: the logger of the class, TRACE for every
 * skipped field and every value set (the value included, so a secret in a configuration shows at TRACE), WARN for
 * what cannot be mapped.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class ConfigParserLoggingTest {

    private static final String SETTING_FIELD = "Setting value ({}) {} to field '{}' in configuration class {}";
    private static final String SKIPPING_FIELD = "Skipping field '{}', because config has no entry for it";

    /** a configuration class as bindings have one */
    public static class AccountConfig {
        public String apiKey = "";
        public int requestTimeout = 10;
        public String baseUrl = "https://cloud.example";
    }

    record RecordConfig(String apiKey, int limit, @Nullable String label) {
    }

    /** collection fields openHAB cannot fill */
    @SuppressWarnings("rawtypes")
    public static class CollectionConfig {
        public Collection<String> anyCollection = List.of();
        public List rawList = List.of();
        public List<? extends Number> wildcardList = List.of();
    }

    private static Map<String, @Nullable Object> map(@Nullable Object... keysAndValues) {
        Map<String, @Nullable Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void everyValueSetIsLoggedAtTraceWithTheValue() {
        try (LogCapture log = LogCapture.start()) {
            AccountConfig config = ConfigParser.configurationAs(
                    map("apiKey", "secret-api-key-0123", "requestTimeout", new BigDecimal(30)), AccountConfig.class);

            assertNotNull(config);
            List<Event> trace = log.events(ConfigParser.class, Level.TRACE);
            Event apiKey = trace.stream().filter(e -> e.pattern().equals(SETTING_FIELD))
                    .filter(e -> "apiKey".equals(e.arguments().get(2))).findFirst().orElseThrow();
            assertEquals(List.of("String", "secret-api-key-0123", "apiKey", AccountConfig.class.getName()),
                    apiKey.arguments());
            assertEquals("Setting value (String) secret-api-key-0123 to field 'apiKey' in configuration class "
                    + AccountConfig.class.getName(), apiKey.message());
            assertTrue(trace.stream().anyMatch(
                    e -> e.message().equals("Setting value (int) 30 to field 'requestTimeout' in configuration class "
                            + AccountConfig.class.getName())));
            assertEquals(List.of("baseUrl"), trace.stream().filter(e -> e.pattern().equals(SKIPPING_FIELD))
                    .map(e -> e.arguments().getFirst()).toList());
            assertEquals(3, trace.size(), () -> "one line per field: " + trace);
            assertEquals(List.of(), log.events(ConfigParser.class, Level.WARN));
        }
    }

    @Test
    void recordComponentsAreLoggedAtTraceIncludingDefaults() {
        try (LogCapture log = LogCapture.start()) {
            RecordConfig config = ConfigParser.configurationAs(map("apiKey", "secret-0123"), RecordConfig.class);

            assertEquals(new RecordConfig("secret-0123", 0, null), config);
            String type = RecordConfig.class.getName();
            assertEquals(List.of( //
                    "Setting value (String) secret-0123 to component 'apiKey' in configuration class " + type,
                    "Skipping component 'limit', because config has no entry for it",
                    "Setting default value (int) 0 to component 'limit' in configuration class " + type,
                    "Skipping component 'label', because config has no entry for it"),
                    log.events(ConfigParser.class, Level.TRACE).stream().map(Event::message).toList());
        }
    }

    @Test
    void valuesThatCannotBeConvertedAreLoggedAtWarn() {
        try (LogCapture log = LogCapture.start()) {
            AccountConfig config = ConfigParser.configurationAs(map("requestTimeout", "ten"), AccountConfig.class);

            assertNotNull(config);
            assertEquals(10, config.requestTimeout);
            assertEquals(List.of(
                    "Conversion of value 'ten' with type 'class java.lang.String' to 'int' failed: For input string: \"ten\". Returning null",
                    "Could not set value for field 'requestTimeout' because conversion failed. Check your configuration value."),
                    log.events(ConfigParser.class, Level.WARN).stream().map(Event::message).toList());
        }
    }

    @Test
    void collectionFieldsOpenhabCannotFillAreLoggedAtWarn() {
        try (LogCapture log = LogCapture.start()) {
            ConfigParser.configurationAs(
                    map("anyCollection", List.of("a"), "rawList", List.of("b"), "wildcardList", List.of(1)),
                    CollectionConfig.class);

            // fields are visited in the order reflection gives them
            assertEquals(Set.of(
                    "Skipping field 'anyCollection', only List and Set are supported as target collection types",
                    "Skipping field 'rawList', target collection type must declare a generic element type",
                    "Skipping field 'wildcardList', collection element type '? extends java.lang.Number' is not supported (only simple class element types are supported)"),
                    Set.copyOf(log.events(ConfigParser.class, Level.WARN).stream().map(Event::message).toList()));
        }
    }

    @Test
    void aClassThatCannotBeCreatedIsLoggedAtWarnWithTheException() {
        try (LogCapture log = LogCapture.start()) {
            assertNull(ConfigParser.configurationAs(map("a", "b"), ConfigurationTest.NoDefaultConstructor.class));

            Event warning = log.events(ConfigParser.class, Level.WARN).getFirst();
            assertEquals("Could not create configuration instance of '{}' with properties keys {}: {}",
                    warning.pattern());
            assertInstanceOf(NoSuchMethodException.class, warning.throwable());
        }
    }
}
