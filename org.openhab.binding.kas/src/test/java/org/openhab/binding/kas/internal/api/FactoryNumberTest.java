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
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link FactoryNumber}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class FactoryNumberTest {

    private static InvalidInputException reject(@Nullable String raw) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FactoryNumber.parse(raw));
        assertEquals("factoryNumber", e.parameter());
        return e;
    }

    private static String message(InvalidInputException e) {
        return String.valueOf(e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = { "SS000510", "UL000777", "SS1", "ULABC123", "SS0123456789ABCDEFGHIJKLMNOPQRST", "S000510",
            "XX000510", "000510", "SS", "UL", "AB", "00" })
    void acceptsValidNumbers(String raw) {
        FactoryNumber number = FactoryNumber.parse(raw);
        assertEquals(raw, number.value());
        assertEquals(raw, number.toString());
    }

    @Test
    void stripsSurroundingWhitespaceOnly() {
        assertEquals("SS000510", FactoryNumber.parse("  SS000510\t\n").value());
    }

    @Test
    void valueSemantics() {
        assertEquals(FactoryNumber.parse("SS000510"), FactoryNumber.parse(" SS000510 "));
        assertEquals(FactoryNumber.parse("SS000510").hashCode(), FactoryNumber.parse("SS000510").hashCode());
        assertNotEquals(FactoryNumber.parse("SS000510"), FactoryNumber.parse("SS000511"));
        assertNotEquals((Object) FactoryNumber.parse("SS000510"), "SS000510");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "\t\n" })
    void rejectsEmpty(@Nullable String raw) {
        String message = message(reject(raw));
        assertTrue(message.startsWith("The factory number is empty"), message);
        assertTrue(message.contains("e.g. SS000510"), message);
        assertEquals("factory-number-empty", reject(raw).reason());
    }

    @Test
    void acceptsTheUndocumentedPrefixOfKassOwnExampleAndTellsWhetherThePrefixIsDocumented() {
        // KAS's console API page uses S000510, although its text says numbers start with SS or UL
        assertFalse(FactoryNumber.parse("S000510").hasDocumentedPrefix());
        assertFalse(FactoryNumber.parse("XX000510").hasDocumentedPrefix());
        assertTrue(FactoryNumber.parse("SS000510").hasDocumentedPrefix());
        assertTrue(FactoryNumber.parse("UL000777").hasDocumentedPrefix());
    }

    @Test
    void rejectsLowerCaseWithoutNormalising() {
        String message = message(reject("ss000510"));
        assertTrue(message.contains("lower-case"), message);
        assertTrue(message.contains("not converted to upper case"), message);
        assertTrue(message.contains("'SS000510'"), message);
        assertEquals("factory-number-lower-case", reject("ss000510").reason());
        assertEquals(List.of("SS000510"), reject("ss000510").arguments());
        assertTrue(message(reject("s000510")).contains("'S000510'"));
        assertTrue(message(reject("SS000abc")).contains("'SS000ABC'"));
        assertTrue(message(reject("Ul000777")).contains("'UL000777'"));
    }

    @Test
    void rejectsPathCharacters() {
        String message = message(reject("SS000510/../x"));
        assertTrue(message.contains("'/'"), message);
        assertTrue(message.contains("position 9"), message);
        assertTrue(message.contains("only the letters A-Z and the digits 0-9"), message);
        assertEquals(List.of("'/'", "9"), reject("SS000510/../x").arguments());
        assertTrue(message(reject("../SS000510")).contains("'.'"));
        assertTrue(message(reject("SS0005%2F")).contains("'%'"));
        assertTrue(message(reject("SS000510?x=1")).contains("'?'"));
        assertTrue(message(reject("SS000510#")).contains("'#'"));
    }

    @Test
    void rejectsInnerWhitespaceAndControlCharacters() {
        assertTrue(message(reject("SS 000510")).contains("a space at position 3"));
        assertTrue(message(reject("SS\t000510")).contains("a tab"));
        assertTrue(message(reject("SS00\n0510")).contains("a line break"));
        assertTrue(message(reject("SS00\u00070510")).contains("a control character (U+0007)"));
    }

    @Test
    void rejectsNonAscii() {
        String message = message(reject("SS00051\u00d6"));
        assertTrue(message.contains("a non-ASCII character (U+00D6)"), message);
        // full-width digits look like digits but are not ASCII
        assertTrue(message(reject("SS\uff10\uff10\uff10")).contains("U+FF10"));
        // right-to-left override must not reach a log unescaped
        String bidi = message(reject("SS\u202e015000"));
        assertTrue(bidi.contains("U+202E"), bidi);
        assertFalse(bidi.contains("\u202e"), bidi);
    }

    @Test
    void rejectsTooLong() {
        String raw = "SS" + "0".repeat(31);
        String message = message(reject(raw));
        assertTrue(message.contains("too long (33 characters, at most 32)"), message);
        assertEquals(32, FactoryNumber.parse("SS" + "0".repeat(30)).value().length());
    }

    @Test
    void rejectsASingleCharacter() {
        InvalidInputException single = reject("S");
        assertEquals("factory-number-too-short", single.reason());
        assertEquals(List.of("1", "2"), single.arguments());
        assertTrue(message(single).contains("too short"), message(single));
        assertEquals("factory-number-too-short", reject("7").reason());
        assertTrue(message(reject("ul")).contains("'UL'"));
    }
}
