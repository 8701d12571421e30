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
import java.math.BigInteger;
import java.util.Arrays;
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
 * Tests {@link Configuration}, the normalization of {@link ConfigUtil} and the mapping of {@link ConfigParser}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class ConfigurationTest {

    enum Mode {
        FAST,
        SLOW
    }

    /** a configuration class like those of bindings: public fields with defaults */
    public static class SampleConfig {
        public String apiKey = "";
        public String baseUrl = "https://cloud.kas.com.au";
        public int requestTimeout = 10;
        public @Nullable Integer maxQueuedRequests;
        public long unlockMaxAge = 10;
        public boolean enabled;
        public @Nullable Boolean verbose;
        public @Nullable BigDecimal factor;
        public double ratio;
        public Mode mode = Mode.SLOW;
        public List<Integer> ports = List.of();
        public Set<String> names = Set.of();
        public final String fixed = "fixed";
        public transient String skipped = "skipped";
    }

    /** inherited fields are set too */
    public static class DerivedConfig extends SampleConfig {
        public String extra = "";
    }

    record RecordConfig(String apiKey, int requestTimeout, boolean enabled, @Nullable Integer limit) {
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void numbersAreNormalizedToBigDecimal() {
        Configuration configuration = new Configuration(
                map("i", 5, "l", 7L, "d", 1.5d, "f", 2.25f, "b", new BigDecimal("3.500"), "s", "text", "t", true));
        assertEquals(new BigDecimal(5), configuration.get("i"));
        assertEquals(new BigDecimal(7), configuration.get("l"));
        assertEquals(new BigDecimal("1.5"), configuration.get("d"));
        assertEquals(new BigDecimal("2.25"), configuration.get("f"));
        assertEquals(new BigDecimal("3.5"), configuration.get("b"));
        assertEquals("text", configuration.get("s"));
        assertEquals(Boolean.TRUE, configuration.get("t"));
    }

    @Test
    void trailingZerosAreStrippedKeepingOneFractionDigit() {
        assertEquals(new BigDecimal("2.0"), ConfigUtil.normalizeType(new BigDecimal("2.000")));
        assertEquals(new BigDecimal("2.0"), ConfigUtil.normalizeType(new BigDecimal("2.0")));
        assertEquals(new BigDecimal("20"), ConfigUtil.normalizeType(new BigDecimal("20")));
        assertEquals(new BigDecimal("1.25"), ConfigUtil.normalizeType(new BigDecimal("1.2500")));
    }

    @Test
    void collectionsBecomeListsOfOneType() {
        assertEquals(List.of(new BigDecimal(1), new BigDecimal(2)), ConfigUtil.normalizeType(List.of(1, 2L)));
        assertEquals(List.of(), ConfigUtil.normalizeType(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> ConfigUtil.normalizeType(List.of(1, "a")));
        assertThrows(IllegalArgumentException.class, () -> new Configuration().put("x", new Object()));
    }

    @Test
    void nullValuesAreRejectedLikeInOpenhab() {
        // openHAB's normalizeType(Object) fails on null with a NullPointerException; callers check for null first
        assertThrows(NullPointerException.class, () -> ConfigUtil.normalizeType(null));
        List<@Nullable Object> withNull = Arrays.asList("a", null);
        assertThrows(NullPointerException.class, () -> ConfigUtil.normalizeType(withNull));
        assertThrows(NullPointerException.class, () -> new Configuration().put("list", withNull));
        assertNull(new Configuration().put("n", null), "a null value itself is stored as null");
    }

    @Test
    void numbersThatCannotBecomeBigDecimalAreKeptAndLoggedAtTrace() {
        String normalizer = "org.openhab.core.config.core.internal.normalization.AbstractNormalizer";
        try (LogCapture log = LogCapture.start()) {
            assertEquals(BigInteger.TEN, ConfigUtil.normalizeType(BigInteger.TEN));
            assertEquals(Double.NaN, ConfigUtil.normalizeType(Double.NaN));
            List<Event> trace = log.events(normalizer, Level.TRACE);
            assertEquals(List.of("Class \"java.math.BigInteger\" cannot be converted to a decimal number.",
                    "\"NaN\" is not a valid decimal number."), trace.stream().map(Event::message).toList());
            assertInstanceOf(NumberFormatException.class, trace.get(1).throwable());
        }
    }

    @Test
    void osgiParametersAreLeftOut() {
        Map<String, @Nullable Object> normalized = ConfigUtil
                .normalizeTypes(Map.of("objectClass", "x", "component.name", "n", "component.id", 1, "a", 1));
        assertEquals(Set.of("a"), normalized.keySet());
    }

    @Test
    void putGetRemoveAndCopies() {
        Configuration configuration = new Configuration();
        assertNull(configuration.put("a", 1));
        assertTrue(configuration.containsKey("a"));
        assertEquals(new BigDecimal(1), configuration.put("a", 2));
        Configuration copy = new Configuration(configuration);
        assertEquals(configuration, copy);
        assertEquals(configuration.hashCode(), copy.hashCode());
        copy.put("b", "x");
        assertNotEquals(configuration, copy);
        assertEquals(Set.of("a"), configuration.keySet());
        assertEquals(new BigDecimal(2), configuration.remove("a"));
        assertFalse(configuration.containsKey("a"));
        assertThrows(UnsupportedOperationException.class, () -> copy.getProperties().put("c", "y"));
        configuration.put("n", null);
        assertTrue(configuration.containsKey("n"));
        assertNull(configuration.get("n"));
        copy.setProperties(map("z", 3));
        assertEquals(Map.of("z", new BigDecimal(3)), copy.getProperties());
        assertEquals("Configuration[{key=z; type=BigDecimal; value=3}]", copy.toString());
        assertEquals(new Configuration(), new Configuration((Configuration) null));
    }

    @Test
    void asMapsFieldsByNameWithConversion() {
        Configuration configuration = new Configuration(map("apiKey", "k", "requestTimeout", 30, "maxQueuedRequests",
                new BigDecimal("100"), "unlockMaxAge", "20", "enabled", true, "verbose", "true", "factor", 1.5, "ratio",
                new BigDecimal("0.25"), "mode", "FAST", "ports", List.of(80, 443), "names", List.of("a", "b"), "fixed",
                "changed", "skipped", "changed", "unknown", "ignored"));
        SampleConfig config = configuration.as(SampleConfig.class);
        assertEquals("k", config.apiKey);
        assertEquals("https://cloud.kas.com.au", config.baseUrl, "fields without a value keep their default");
        assertEquals(30, config.requestTimeout);
        assertEquals(100, config.maxQueuedRequests);
        assertEquals(20L, config.unlockMaxAge);
        assertTrue(config.enabled);
        assertEquals(Boolean.TRUE, config.verbose);
        assertEquals(new BigDecimal("1.5"), config.factor);
        assertEquals(0.25d, config.ratio);
        assertEquals(Mode.FAST, config.mode);
        assertEquals(List.of(80, 443), config.ports);
        assertEquals(Set.of("a", "b"), config.names);
        assertEquals("fixed", config.fixed);
        assertEquals("skipped", config.skipped);
    }

    @Test
    void valuesThatCannotBeConvertedLeaveTheDefault() {
        SampleConfig config = new Configuration(map("requestTimeout", "ten", "enabled", "maybe", "mode", "OTHER"))
                .as(SampleConfig.class);
        assertEquals(10, config.requestTimeout);
        assertFalse(config.enabled, "Boolean.valueOf(\"maybe\") is false, as in openHAB");
        assertEquals(Mode.SLOW, config.mode);
    }

    @Test
    void inheritedFieldsAreSet() {
        DerivedConfig config = new Configuration(map("extra", "e", "apiKey", "k")).as(DerivedConfig.class);
        assertEquals("e", config.extra);
        assertEquals("k", config.apiKey);
    }

    @Test
    void recordsAreCreatedWithPrimitiveDefaults() {
        RecordConfig config = new Configuration(map("apiKey", "k")).as(RecordConfig.class);
        assertEquals(new RecordConfig("k", 0, false, null), config);
        assertEquals(new RecordConfig("k", 15, true, 3),
                new Configuration(map("apiKey", "k", "requestTimeout", 15, "enabled", true, "limit", 3))
                        .as(RecordConfig.class));
    }

    @Test
    void valueAsConverts() {
        assertEquals(5, ConfigParser.valueAs(new BigDecimal("5.7"), Integer.class));
        assertEquals(5, ConfigParser.valueAs("5", int.class));
        assertEquals(5L, ConfigParser.valueAs(5, Long.class));
        assertEquals(new BigDecimal("2.5"), ConfigParser.valueAs(2.5d, BigDecimal.class));
        assertEquals(Boolean.FALSE, ConfigParser.valueAs("false", boolean.class));
        assertEquals(Set.of("a"), ConfigParser.valueAs("a", Set.class));
        assertEquals(List.of("a"), ConfigParser.valueAs("a", List.class));
        assertNull(ConfigParser.valueAs(5, String.class));
        assertNull(ConfigParser.valueAs(null, String.class));
        assertNull(ConfigParser.valueAs("x", Integer.class));
        assertEquals(7, ConfigParser.valueAsOrElse("x", Integer.class, 7));
        assertNull(ConfigParser.configurationAs(Map.of(), NoDefaultConstructor.class));
    }

    /** cannot be created from a configuration */
    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String unused) {
        }
    }

    @Test
    void environmentReferencesAreResolved() {
        String path = System.getenv("PATH");
        assertNotNull(path, "the test needs PATH in the environment");
        assertEquals("before " + path + " after", ConfigUtil.resolveVariables("before ${ENV:PATH} after"));
        assertEquals(List.of(path, 1), ConfigUtil.resolveVariables(List.of("${ENV:PATH}", 1)));
        assertEquals(5, ConfigUtil.resolveVariables((Object) 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigUtil.resolveVariables("${ENV:KAS_STANDIN_SURELY_NOT_SET}"));
        assertEquals("Could not resolve environment variable 'KAS_STANDIN_SURELY_NOT_SET'!", e.getMessage());
        Configuration resolved = ConfigUtil.resolveVariables(new Configuration(map("p", "${ENV:PATH}", "n", 2)));
        assertEquals(path, resolved.get("p"));
        assertEquals(new BigDecimal(2), resolved.get("n"));
    }
}
