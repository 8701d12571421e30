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

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.kas.internal.api.ApiKey;
import org.openhab.binding.kas.internal.api.CloudBaseUrl;
import org.openhab.binding.kas.internal.api.ConnectionFailure;
import org.openhab.binding.kas.internal.api.InvalidInputException;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.LogSafe;

/**
 * Tests of {@link StatusTexts}: the {@code @text/key ["arg", ...]} form, the sanitising of each argument so that
 * openHAB's parsing of the list gives back exactly the arguments passed, the keys of configuration errors and the
 * key and arguments of an unreachable cloud per kind of connection failure.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class StatusTextsTest {

    private static final CloudBaseUrl BASE_URL = CloudBaseUrl.parse("https://Cloud.Example.com:8443/kas/");

    /**
     * Parses the arguments of a status description as openHAB does: {@code [}, {@code ]} and {@code "} removed,
     * split at commas, arguments trimmed and empty ones dropped.
     */
    private static List<String> argumentsAsOpenHabReadsThem(String description) {
        int start = description.indexOf(" [");
        if (start < 0) {
            return List.of();
        }
        return Arrays.stream(description.substring(start + 1).replaceAll("[\\[\\]\"]", "").split(",")).map(String::trim)
                .filter(a -> !a.isEmpty()).toList();
    }

    static Stream<Arguments> sanitisedArguments() {
        return Stream.of( //
                Arguments.of("SS000510", "SS000510"), //
                Arguments.of("a,b,,c", "a;b;;c"), //
                Arguments.of("[x] and [y]", "(x) and (y)"), //
                Arguments.of("say \"hi\"", "say hi"), //
                Arguments.of("line\nbreak\ttab", "line break tab"), //
                Arguments.of("  padded  ", "padded"), //
                Arguments.of("", "-"), //
                Arguments.of("   ", "-"), //
                Arguments.of("\"\"", "-"), //
                Arguments.of("\u202Eevil", "evil"));
    }

    @ParameterizedTest
    @MethodSource("sanitisedArguments")
    void anArgumentIsSanitised(String value, String expected) {
        assertEquals(expected, StatusTexts.argument(value));
    }

    @Test
    void aLongArgumentIsShortenedTo160Characters() {
        String shortened = StatusTexts.argument("x".repeat(500));
        assertEquals(160, shortened.length());
        assertTrue(shortened.endsWith(LogSafe.ELLIPSIS), shortened);
        assertEquals("x".repeat(160), StatusTexts.argument("x".repeat(160)));
    }

    @Test
    void aTextWithoutArgumentsIsTheKeyAlone() {
        assertEquals("@text/offline.some-key", StatusTexts.text("offline.some-key"));
    }

    @Test
    void argumentsFollowTheKeyQuotedAndSeparatedByCommas() {
        assertEquals("@text/offline.not-admin [\"SS000510\", \"a;b\", \"-\"]",
                StatusTexts.text("offline.not-admin", "SS000510", "a,b", ""));
    }

    @Test
    void openHabReadsBackExactlyTheArgumentsPassedEachSanitised() {
        String[] arguments = { "a,b", "", "[\"x\"]", " , ", "plain", "\"", "c" };
        List<String> read = argumentsAsOpenHabReadsThem(StatusTexts.text("offline.any", arguments));
        assertEquals(Stream.of(arguments).map(StatusTexts::argument).toList(), read);
        assertEquals(arguments.length, read.size());
    }

    @Test
    void aConfigurationErrorIsTheTemplateOfItsReasonWithItsArguments() {
        assertEquals("@text/offline.config-error.range [\"duration\", \"0\", \"61\", \"99\"]",
                StatusTexts.configError(InvalidInputException.outOfRange("duration", 99, 0, 61, "")));
        assertEquals("@text/offline.config-error.required [\"mode\"]",
                StatusTexts.configError(InvalidInputException.required("mode", "0 or 1")));
        InvalidInputException empty = assertThrows(InvalidInputException.class, () -> ApiKey.parse(" "));
        assertEquals("@text/offline.config-error.api-key-empty", StatusTexts.configError(empty));
    }

    @ParameterizedTest
    @EnumSource(ConnectionFailure.class)
    void anUnreachableCloudIsDescribedPerKindOfFailure(ConnectionFailure failure) {
        String url = "https://cloud.example.com:8443/kas";
        String expected = switch (failure) {
            case TIMEOUT -> "@text/offline.cloud-unreachable.timeout [\"" + url + "\", \"40\"]";
            case UNKNOWN_HOST -> "@text/offline.cloud-unreachable.unknown-host [\"cloud.example.com\", \"40\"]";
            case REFUSED, NO_ROUTE -> "@text/offline.cloud-unreachable.refused [\"cloud.example.com:8443\", \"40\"]";
            case TLS -> "@text/offline.cloud-unreachable.tls [\"cloud.example.com\", \"40\"]";
            case NONE, CONNECTION_LOST, NOT_SENT, OTHER ->
                "@text/offline.cloud-unreachable.other [\"" + url + "\", \"40\"]";
        };
        KasResult result = KasResult.connectionFailed(KasOutcome.COMMUNICATION_ERROR, failure, "Failed.", 0);
        assertEquals(expected, StatusTexts.cloudUnreachable(BASE_URL, result, Duration.ofSeconds(40)));
    }

    @Test
    void theSecondsUntilTheNextCheckAreWholeSeconds() {
        KasResult result = KasResult.connectionFailed(KasOutcome.TIMEOUT, ConnectionFailure.TIMEOUT, "Slow.", 0);
        assertEquals(List.of(BASE_URL.toString(), "80"),
                argumentsAsOpenHabReadsThem(StatusTexts.cloudUnreachable(BASE_URL, result, Duration.ofMillis(80_999))));
    }
}
