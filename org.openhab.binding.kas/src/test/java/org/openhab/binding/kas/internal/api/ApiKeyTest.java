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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link ApiKey}: every rule, and that no message or string form shows the key.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class ApiKeyTest {

    /** A JWT-shaped test key (not a real token). */
    static final String KEY = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrYXMtdGVzdCJ9.c2VjcmV0LXNpZ25hdHVyZV8tX3Rlc3Q";
    /** A part of the key that must never appear in a message. */
    private static final String SECRET_PART = "c2VjcmV0LXNpZ25hdHVyZV8tX3Rlc3Q";

    private static String rejected(@Nullable String raw) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ApiKey.parse(raw));
        assertEquals("apiKey", e.parameter());
        String text = String.valueOf(e.getMessage());
        assertFalse(text.contains(SECRET_PART), "message shows the key: " + text);
        assertFalse(text.contains("eyJ"), "message shows the key: " + text);
        return text;
    }

    @Test
    void acceptsJwtShapedKey() {
        ApiKey key = ApiKey.parse(KEY);
        assertEquals(KEY, key.value());
    }

    @Test
    void acceptsTheVendorsDemoKeyShape() {
        String demo = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJfaWQiOiI1YzI3Yjk3ZDRiMTJhMTAwMTc3MTVlZmYiLCJsYXRlc3Rf"
                + "dG9rZW5fZGF0ZSI6IjIwMTktMDEtMTNUMDY6NTI6MzUuMjg5WiIsImlhdCI6MTU0NzUwMTM5Mn0.v8cuLVqum_sWuM1OsSWi"
                + "M3MUpRYRHuSMsBYucZIYVk0";
        assertEquals(demo, ApiKey.parse(demo).value());
    }

    @Test
    void trims() {
        assertEquals(KEY, ApiKey.parse("  " + KEY + "\n").value());
    }

    @Test
    void neverShowsTheKey() {
        ApiKey key = ApiKey.parse(KEY);
        assertEquals("ApiKey[***]", key.toString());
        assertEquals("***", key.masked());
        assertFalse(String.valueOf(key).contains(SECRET_PART));
    }

    @Test
    void valueSemantics() {
        assertEquals(ApiKey.parse(KEY), ApiKey.parse(" " + KEY));
        assertEquals(ApiKey.parse(KEY).hashCode(), ApiKey.parse(KEY).hashCode());
        assertNotEquals(ApiKey.parse(KEY), ApiKey.parse(KEY + "x"));
        assertNotEquals((Object) ApiKey.parse(KEY), KEY);
    }

    @Test
    void rejectsMissingAndEmpty() {
        assertTrue(rejected(null).contains("missing"));
        assertTrue(rejected("").contains("empty"));
        assertTrue(rejected("  \t ").contains("empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "?", "#", "%" })
    void rejectsUrlCharacters(String character) {
        String message = rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrYXMtdGVzdCJ9" + character + SECRET_PART);
        assertTrue(message.contains("'" + character + "'"), message);
        assertTrue(message.contains("would change the request URL"), message);
    }

    @Test
    void rejectsPathTraversal() {
        assertTrue(rejected("../../admin." + SECRET_PART + ".x").contains("'/'"));
    }

    @Test
    void rejectsInnerWhitespace() {
        assertTrue(rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi OiJrYXMtdGVzdCJ9." + SECRET_PART).contains("whitespace"));
        assertTrue(rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi\nOiJrYXMtdGVzdCJ9." + SECRET_PART).contains("whitespace"));
        assertTrue(rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi\tOiJrYXMtdGVzdCJ9." + SECRET_PART).contains("whitespace"));
        assertTrue(
                rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi\u00a0OiJrYXMtdGVzdCJ9." + SECRET_PART).contains("whitespace"));
    }

    @Test
    void rejectsControlCharacters() {
        String message = rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi\u0000OiJrYXMtdGVzdCJ9." + SECRET_PART);
        assertTrue(message.contains("control character (U+0000)"), message);
        assertTrue(rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi\u007fOiJ9." + SECRET_PART).contains("control character"));
    }

    @Test
    void rejectsNonAscii() {
        String message = rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi\u00e9OiJ9." + SECRET_PART);
        assertTrue(message.contains("non-ASCII character (U+00E9)"), message);
        assertTrue(rejected("\u201c" + KEY + "\u201d").contains("non-ASCII character (U+201C)"));
        assertTrue(rejected("eyJhbGciOiJIUzI1NiJ9.eyJ\u200bzdWIi.x").contains("U+200B"));
    }

    @Test
    void rejectsQuotedKey() {
        assertTrue(rejected("\"" + KEY + "\"").contains("enclosed in quotes"));
        assertTrue(rejected("'" + KEY + "'").contains("enclosed in quotes"));
    }

    @Test
    void rejectsOtherPunctuation() {
        assertTrue(rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ9+." + SECRET_PART).contains("'+'"));
        assertTrue(rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ9." + SECRET_PART + "=").contains("'='"));
        assertTrue(rejected("eyJhbGciOiJIUzI1NiJ9.eyJzdWIi;OiJ9." + SECRET_PART).contains("';'"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "k", "0123456789", "static-key_v2.~", "a.b", "a.b.c.d", ".x.", "a..b", "~", "K.A.S" })
    void acceptsAnyKeyOfUnreservedCharacters(String key) {
        // KAS also issues static keys of no documented form: only what may stand in a URL path is checked
        assertEquals(key, ApiKey.parse(key).value());
    }

    @ParameterizedTest
    @ValueSource(strings = { ".", "..", " .. " })
    void rejectsAKeyOfDotsThatAUrlWouldReadAsADirectoryStep(String key) {
        // "/remote_unlock/../S000510" would be normalised to "/S000510" by a URL library or a proxy
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ApiKey.parse(key));
        assertEquals("api-key-dot-segment", e.reason());
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains("dots only"), message);
        assertEquals("...", ApiKey.parse("...").value(), "three dots are no path step and stay a key");
    }

    @Test
    void acceptsEveryUnreservedCharacter() {
        String all = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
        assertEquals(all, ApiKey.parse(all).value());
        for (int cp = 0; cp < 0x80; cp++) {
            boolean unreserved = all.indexOf(cp) >= 0;
            assertEquals(unreserved, ApiKey.isUnreserved(cp), "U+" + Integer.toHexString(cp));
        }
    }

    @Test
    void rejectionsNameAReasonAndOnlyNamesAndNumbers() {
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> ApiKey.parse("k".repeat(ApiKey.MAX_LENGTH + 1)));
        assertEquals("api-key-too-long", tooLong.reason());
        assertEquals(List.of("4097", "4096"), tooLong.arguments());
        InvalidInputException slash = assertThrows(InvalidInputException.class,
                () -> ApiKey.parse("ab/" + SECRET_PART));
        assertEquals("api-key-url-character", slash.reason());
        assertEquals(List.of("'/'"), slash.arguments());
        InvalidInputException plus = assertThrows(InvalidInputException.class, () -> ApiKey.parse("ab+" + SECRET_PART));
        assertEquals("api-key-character", plus.reason());
        assertEquals(List.of("'+'"), plus.arguments());
        assertEquals("api-key-non-ascii",
                assertThrows(InvalidInputException.class, () -> ApiKey.parse("\u00e9" + SECRET_PART)).reason());
        assertEquals("api-key-missing", assertThrows(InvalidInputException.class, () -> ApiKey.parse(null)).reason());
    }

    @Test
    void rejectsTooLong() {
        String longKey = "eyJhbGciOiJIUzI1NiJ9." + "a".repeat(4096) + "." + SECRET_PART;
        String message = rejected(longKey);
        assertTrue(message.contains("too long"), message);
        assertTrue(message.contains("at most 4096"), message);
        String maximal = "eyJ." + "a".repeat(4096 - 6) + ".b";
        assertEquals(4096, ApiKey.parse(maximal).value().length());
        assertEquals(4096, ApiKey.parse("7".repeat(4096)).value().length());
    }
}
