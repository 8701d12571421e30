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
package org.openhab.binding.kas.internal.config;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.kas.internal.config.EnvReferences.Unresolved;

/**
 * Tests of {@link EnvReferences}: which configuration values are {@code ${ENV:NAME}} references (openHAB core
 * 5.2's rule), which of them name a variable that is not set, which one is reported first, and that the
 * environment is asked for the names of references only.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class EnvReferencesTest {

    /** The environment of the tests: {@code SET} and {@code EMPTY} are set, nothing else. */
    private static final Map<String, String> ENVIRONMENT = Map.of("SET", "value", "EMPTY", "");

    private final List<String> lookedUp = new ArrayList<>();
    private final EnvReferences references = new EnvReferences(name -> {
        lookedUp.add(name);
        return ENVIRONMENT.get(name);
    });

    private @Nullable Unresolved firstUnresolvedIn(@Nullable Object value) {
        Map<String, @Nullable Object> configuration = new HashMap<>();
        configuration.put("apiKey", value);
        return references.firstUnresolved(configuration);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "${ENV:UNSET}|UNSET", "prefix-${ENV:UNSET}-suffix|UNSET",
            "${ENV:SET}${ENV:UNSET}|UNSET", "${ENV:UNSET}${ENV:OTHER}|UNSET", "'${ENV: spaced name }'|' spaced name '",
            "${ENV:lower.case-name}|lower.case-name", "${ENV:A{B}|A{B", "${ENV:${ENV:SET}}|${ENV:SET",
            "${ENV:UNSET}}|UNSET", "${ENV:${ENV:UNSET}|${ENV:UNSET" })
    void aReferenceToAVariableThatIsNotSetIsUnresolved(String value, String variable) {
        assertEquals(new Unresolved("apiKey", variable), firstUnresolvedIn(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "${ENV:SET}", "a ${ENV:SET} and ${ENV:SET} again", "${ENV:EMPTY}" })
    void aReferenceToASetVariableIsResolvedEvenWhenItsValueIsEmpty(String value) {
        assertNull(firstUnresolvedIn(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "plain-api-key", "${ENV:}", "$ENV:UNSET", "{ENV:UNSET}", "$(ENV:UNSET)",
            "${env:UNSET}", "${ENV UNSET}", "${ENV:UNSET", "$ {ENV:UNSET}", "${ ENV:UNSET}", "${UNSET}" })
    void textThatIsNoReferenceIsNeverLookedUp(String value) {
        assertNull(firstUnresolvedIn(value));
        assertEquals(List.of(), lookedUp);
    }

    @Test
    void valuesThatAreNoTextAreIgnored() {
        for (Object value : List.of(BigDecimal.TEN, 5, true, Map.of("k", "${ENV:UNSET}"))) {
            assertNull(firstUnresolvedIn(value), value.toString());
        }
        assertNull(firstUnresolvedIn(null));
        assertEquals(List.of(), lookedUp);
    }

    @Test
    void referencesInsideCollectionsAreFoundAtAnyDepth() {
        assertEquals(new Unresolved("apiKey", "UNSET"),
                firstUnresolvedIn(List.of("${ENV:SET}", List.of(3, "x ${ENV:UNSET}"), "${ENV:LATER}")));
        assertNull(firstUnresolvedIn(List.of("${ENV:SET}", List.of(), 7)));
    }

    @Test
    void theFirstParameterInNameOrderIsReported() {
        Map<String, Object> configuration = Map.of("requestTimeout", "${ENV:THIRD}", "baseUrl", "${ENV:SECOND}",
                "apiKey", "${ENV:SET}", "unlockMaxAge", "${ENV:FOURTH}");
        assertEquals(new Unresolved("baseUrl", "SECOND"), references.firstUnresolved(configuration));
    }

    @Test
    void anEmptyConfigurationHasNothingUnresolved() {
        assertNull(references.firstUnresolved(Map.of()));
    }

    @Test
    void theEnvironmentIsAskedForTheReferencedNamesOnly() {
        firstUnresolvedIn("key-${ENV:SET}-${ENV:UNSET}-${ENV:NEVER_REACHED}");
        assertEquals(List.of("SET", "UNSET"), lookedUp, "stops at the first unresolved reference");
    }

    @Test
    void theSystemEnvironmentIsAskedWhenBuiltForTheSystem() {
        String unset = "KAS_TEST_UNSET_" + UUID.randomUUID().toString().replace('-', '_');
        assertEquals(new Unresolved("apiKey", unset),
                EnvReferences.ofSystem().firstUnresolved(Map.of("apiKey", "${ENV:" + unset + "}")));
    }
}
