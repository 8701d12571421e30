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

import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The factory number of a KAS lock as shown in the KAS app, e.g. {@code SS000510}, {@code UL000777} or
 * {@code S000510}.
 * <p>
 * KAS says that numbers start with {@code SS} or {@code UL}, but its own example ({@code S000510}) does not, so any
 * number of {@value #MIN_LENGTH} to {@value #MAX_LENGTH} capital letters and digits is accepted;
 * {@link #hasDocumentedPrefix()} tells whether it starts as documented. The number becomes part of the request path,
 * so anything else ({@code /}, {@code ..}, spaces, non-ASCII characters) is rejected. Surrounding whitespace is
 * removed, but the case is never changed: {@code ss000510} is rejected with a hint to enter {@code SS000510}, because
 * the cloud compares the number exactly and a silently corrected value would hide a configuration mistake.
 * <p>
 * Factory numbers are not secret: {@link #toString()} returns the number.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class FactoryNumber {

    /** The shortest accepted factory number. */
    public static final int MIN_LENGTH = 2;

    /** The longest accepted factory number. */
    public static final int MAX_LENGTH = 32;

    /** The parameter name reported in {@link InvalidInputException#parameter()}. */
    public static final String PARAMETER = "factoryNumber";

    private final String value;

    private FactoryNumber(String value) {
        this.value = value;
    }

    /**
     * Validates a factory number.
     *
     * @param raw the number as entered by the user
     * @return the validated number (surrounding whitespace removed, nothing else changed)
     * @throws InvalidInputException (an {@link IllegalArgumentException}) with a message that explains the problem
     */
    public static FactoryNumber parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("factory-number-empty", List.of(),
                    "The factory number is empty; enter the number shown in the KAS app, e.g. SS000510.");
        }
        String candidate = raw.strip();
        if (candidate.length() > MAX_LENGTH) {
            throw invalid("factory-number-too-long",
                    List.of(String.valueOf(candidate.length()), String.valueOf(MAX_LENGTH)),
                    "The factory number is too long (" + candidate.length() + " characters, at most " + MAX_LENGTH
                            + "); enter only the number shown in the KAS app, e.g. SS000510.");
        }
        int position = 1;
        for (int i = 0; i < candidate.length(); position++) {
            int cp = candidate.codePointAt(i);
            if (!isAsciiLetterOrDigit(cp)) {
                String name = LogSafe.characterName(cp);
                throw invalid("factory-number-character", List.of(name, String.valueOf(position)),
                        "The factory number contains " + LogSafe.describeCharacter(cp) + " at position " + position
                                + "; only the letters A-Z and the digits 0-9 are allowed (e.g. SS000510).");
            }
            i += Character.charCount(cp);
        }
        if (candidate.length() < MIN_LENGTH) {
            throw invalid("factory-number-too-short",
                    List.of(String.valueOf(candidate.length()), String.valueOf(MIN_LENGTH)),
                    "The factory number is too short (" + candidate.length() + " character, at least " + MIN_LENGTH
                            + "); enter the complete number shown in the KAS app, e.g. SS000510.");
        }
        // only ASCII letters and digits are left, so the upper-case form is well defined
        String upper = candidate.toUpperCase(Locale.ROOT);
        if (!candidate.equals(upper)) {
            throw invalid("factory-number-lower-case", List.of(upper),
                    "The factory number '" + candidate
                            + "' contains lower-case letters; factory numbers are used exactly as entered and are not "
                            + "converted to upper case. Enter '" + upper + "'.");
        }
        return new FactoryNumber(candidate);
    }

    /**
     * @return whether the number starts with {@code SS} or {@code UL}, as the KAS documentation says numbers do
     */
    public boolean hasDocumentedPrefix() {
        return value.startsWith("SS") || value.startsWith("UL");
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9');
    }

    private static InvalidInputException invalid(String reason, List<String> arguments, String message) {
        return new InvalidInputException(PARAMETER, reason, arguments, message);
    }

    /**
     * @return the factory number, e.g. {@code SS000510}
     */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return this == obj || (obj instanceof FactoryNumber other && value.equals(other.value));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * @return the factory number itself (it is not secret)
     */
    @Override
    public String toString() {
        return value;
    }
}
