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

import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Tests of {@link LogSafe}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class LogSafeTest {

    /** A key that is not a JWT, as KAS's static keys are (their form is not documented). */
    static final String STATIC_KEY = "kas~Static_Key-0123456789.abcdef";

    private static final ApiKey KEY = ApiKey.parse(ApiKeyTest.KEY);

    @Test
    void maskKeyReplacesEveryOccurrence() {
        String text = "GET /x/" + ApiKeyTest.KEY + " and again " + ApiKeyTest.KEY + ".";
        assertEquals("GET /x/*** and again ***.", LogSafe.maskKey(text, KEY));
        assertEquals("", LogSafe.maskKey(null, KEY));
        assertEquals("plain", LogSafe.maskKey("plain", null));
        assertEquals("plain", LogSafe.maskKey("plain", KEY));
    }

    @Test
    void redactUrlMasksTheUnlockKeySegment() {
        String url = "https://cloud.kas.com.au/api/lockCommand/remoteUnlock/SS000510/" + ApiKeyTest.KEY;
        assertEquals("https://cloud.kas.com.au/api/lockCommand/remoteUnlock/SS000510/***", LogSafe.redactUrl(url, KEY));
        // without knowing the key (e.g. an old key, or a key of another account)
        assertEquals("https://cloud.kas.com.au/api/lockCommand/remoteUnlock/SS000510/***",
                LogSafe.redactUrl("https://cloud.kas.com.au/api/lockCommand/remoteUnlock/SS000510/not-a-jwt"));
        assertEquals("http://127.0.0.1:1/api/lockCommand/pinCode/SS000510",
                LogSafe.redactUrl("http://127.0.0.1:1/api/lockCommand/pinCode/SS000510"));
    }

    @Test
    void redactUrlMasksUserInfoAndQueryValues() {
        assertEquals("https://***@host/p?apiKey=***&x=***", LogSafe.redactUrl("https://u:pw@host/p?apiKey=abc&x=1"));
        assertEquals("", LogSafe.redactUrl(null));
    }

    @Test
    void redactMasksSecretsInFreeText() {
        String jetty = "HttpRequest[GET /api/lockCommand/remoteUnlock/SS000510/" + ApiKeyTest.KEY + " HTTP/1.1]@1a2b";
        String redacted = LogSafe.redact(jetty, null);
        assertFalse(redacted.contains(ApiKeyTest.KEY), redacted);
        assertEquals("HttpRequest[GET /api/lockCommand/remoteUnlock/SS000510/*** HTTP/1.1]@1a2b", redacted);
        assertEquals("{\"mode\":0,\"apiKey\":\"***\"}", LogSafe.redact("{\"mode\":0,\"apiKey\":\"whatever\"}", null));
        assertEquals("{\"apiKey\" : \"***\"}", LogSafe.redact("{\"apiKey\" : \"a\\\"b\"}", null));
        // nothing is masked for its shape: KAS keys have no documented form, the known key is masked wherever it is
        assertEquals("token eyJabc.def-ghi.jkl_mno end", LogSafe.redact("token eyJabc.def-ghi.jkl_mno end", null));
        assertEquals("cloud.kas.com.au", LogSafe.redact("cloud.kas.com.au", null));
        ApiKey staticKey = ApiKey.parse(STATIC_KEY);
        assertEquals("answer for *** and *** again",
                LogSafe.redact("answer for " + STATIC_KEY + " and " + STATIC_KEY + " again", staticKey));
        assertEquals("GET /api/lockCommand/remoteUnlock/S000510/***",
                LogSafe.redactUrl("GET /api/lockCommand/remoteUnlock/S000510/" + STATIC_KEY, staticKey));
    }

    static Stream<Arguments> textsShortenCleansUp() {
        return Stream.of( //
                // control characters and line or paragraph separators become a space
                Arguments.of("line one\r\nline two\ttab", "line one line two tab"), //
                Arguments.of("a\u0000\u0007b", "a b"), //
                Arguments.of("a\u0085b", "a b"), //
                Arguments.of("  a \u2028\u2029 b  ", "a b"), //
                // bidi and invisible characters are removed, a lone surrogate is replaced
                Arguments.of("\u202eadmin\u202c", "admin"), //
                Arguments.of("a\u200b\u200e\u200f\u2066\u2069\ufeffb", "ab"), //
                Arguments.of("a\ud800b", "a?b"), //
                // white space is collapsed and trimmed
                Arguments.of("  a    b \n\n c  ", "a b c"), //
                Arguments.of("   ", ""), //
                Arguments.of(null, ""), //
                // plain text stays as it is; a space at either end, two spaces or DEL are still cleaned up
                Arguments.of("Door is unlocking (not yet open); ~42.", "Door is unlocking (not yet open); ~42."), //
                Arguments.of(" a", "a"), //
                Arguments.of("a ", "a"), //
                Arguments.of("a  b", "a b"), //
                Arguments.of("a\u007fb", "a b"), //
                Arguments.of("caf\u00e9 cr\u00e8me", "caf\u00e9 cr\u00e8me"));
    }

    @ParameterizedTest
    @MethodSource("textsShortenCleansUp")
    void shortenRemovesControlBidiAndInvisibleCharactersAndCollapsesWhiteSpace(@Nullable String text, String expected) {
        assertEquals(expected, LogSafe.shorten(text, 100));
    }

    @Test
    void shortenTruncatesWithEllipsis() {
        assertEquals("", LogSafe.shorten("abc", 0));
        assertEquals("abc", LogSafe.shorten("abc", 3));
        assertEquals("ab\u2026", LogSafe.shorten("abcd", 3));
        assertEquals("\u2026", LogSafe.shorten("abcd", 1));
        String longText = "x".repeat(100_000);
        String shortened = LogSafe.shorten(longText, 80);
        assertEquals(80, shortened.length());
        assertTrue(shortened.endsWith("\u2026"));
        // no space before the ellipsis, no split surrogate pair
        assertEquals("abc\u2026", LogSafe.shorten("abc defgh", 5));
        String emoji = "ab\ud83d\ude00\ud83d\ude00";
        String cut = LogSafe.shorten(emoji, 4);
        assertFalse(Character.isHighSurrogate(cut.charAt(cut.length() - 2)), cut);
        assertTrue(cut.length() <= 4);
    }

    @Test
    void sanitizeCombinesRedactAndShorten() {
        String text = "failed:\n" + ApiKeyTest.KEY + "\n" + "y".repeat(300);
        String sanitized = LogSafe.sanitize(text, KEY, 50);
        assertTrue(sanitized.startsWith("failed: *** y"), sanitized);
        assertEquals(50, sanitized.length());
    }

    static Stream<Arguments> describedCharacters() {
        return Stream.of( //
                Arguments.of((int) '/', "'/'"), //
                Arguments.of((int) ' ', "a space"), //
                Arguments.of((int) '\t', "a tab"), //
                Arguments.of((int) '\n', "a line break"), //
                Arguments.of(0x1b, "a control character (U+001B)"), //
                Arguments.of(0xa0, "a whitespace character (U+00A0)"), //
                Arguments.of(0x202e, "an invisible formatting character (U+202E)"), //
                Arguments.of(0x1f600, "a non-ASCII character (U+1F600)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = { "47|'/'", "36|'$'", "58|':'", "44|U+002C", "91|U+005B",
            "93|U+005D", "34|U+0022", "39|U+0027", "32|U+0020", "127|U+007F", "233|U+00E9", "8238|U+202E" })
    void characterNameQuotesWhatAStatusDescriptionCanCarryAndNamesTheRestByCodePoint(int codePoint, String name) {
        assertEquals(name, LogSafe.characterName(codePoint));
    }

    @ParameterizedTest
    @MethodSource("describedCharacters")
    void describeCharacter(int codePoint, String description) {
        assertEquals(description, LogSafe.describeCharacter(codePoint));
    }
}
