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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The API key of a KAS account (a JSON Web Token: three base64url parts separated by dots).
 * <p>
 * The key is a secret. It appears in the path of the remote-unlock URL, so everything that could change that URL
 * ({@code / ? # %}, whitespace, control or non-ASCII characters) is rejected. {@link #toString()} and
 * {@link #masked()} never show it, and no validation message ever quotes it. Only {@link KasCloudClient} reads the
 * value, to build the request.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ApiKey {

    /** The longest accepted key. */
    public static final int MAX_LENGTH = 4096;

    /** The parameter name reported in {@link InvalidInputException#parameter()}. */
    public static final String PARAMETER = "apiKey";

    /** What is shown instead of the key. */
    public static final String MASK = "***";

    private static final String SHAPE_HINT = "a KAS API key consists of three parts of letters, digits, '-' and '_', "
            + "separated by '.'";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * Validates an API key.
     *
     * @param raw the key as entered by the user; surrounding whitespace is removed
     * @return the validated key
     * @throws InvalidInputException (an {@link IllegalArgumentException}) whose message says what is wrong without
     *             quoting the key
     */
    public static ApiKey parse(@Nullable String raw) {
        if (raw == null) {
            throw invalid("The API key is missing; copy it from your KAS account.");
        }
        String candidate = raw.strip();
        if (candidate.isEmpty()) {
            throw invalid("The API key is empty; copy it from your KAS account.");
        }
        if (candidate.length() > MAX_LENGTH) {
            throw invalid("The API key is too long (" + candidate.length() + " characters, at most " + MAX_LENGTH
                    + "); copy only the key from your KAS account.");
        }
        char first = candidate.charAt(0);
        char last = candidate.charAt(candidate.length() - 1);
        if (candidate.length() >= 2 && (first == '"' || first == '\'') && last == first) {
            throw invalid("The API key is enclosed in quotes; enter it without the quotes.");
        }
        for (int i = 0; i < candidate.length();) {
            int cp = candidate.codePointAt(i);
            checkCharacter(cp);
            i += Character.charCount(cp);
        }
        String[] parts = candidate.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid("The API key does not have the expected form: " + SHAPE_HINT + ", but it has " + parts.length
                    + (parts.length == 1 ? " part." : " parts."));
        }
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                throw invalid("Part " + (i + 1) + " of 3 of the API key is empty; " + SHAPE_HINT + ".");
            }
        }
        return new ApiKey(candidate);
    }

    private static void checkCharacter(int cp) {
        if (cp == '/' || cp == '?' || cp == '#' || cp == '%') {
            throw invalid("The API key contains '" + (char) cp + "', a character that would change the request URL; "
                    + SHAPE_HINT + ".");
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            throw invalid("The API key contains whitespace (a space, tab or line break) inside it; "
                    + "paste it again as a single line.");
        }
        if (Character.isISOControl(cp)) {
            throw invalid("The API key contains a control character (" + LogSafe.codePoint(cp)
                    + "); paste it again as plain text.");
        }
        if (cp > 0x7f) {
            throw invalid("The API key contains a non-ASCII character (" + LogSafe.codePoint(cp)
                    + "), e.g. a typographic quote or an invisible character; " + SHAPE_HINT + ".");
        }
        boolean allowed = (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-'
                || cp == '_' || cp == '.';
        if (!allowed) {
            throw invalid("The API key contains the character '" + (char) cp + "', which is not allowed; " + SHAPE_HINT
                    + ".");
        }
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(PARAMETER, message);
    }

    /**
     * The key itself. Only for building a request; never log or show it.
     *
     * @return the key
     */
    String value() {
        return value;
    }

    /**
     * @return {@value #MASK}, what is shown instead of the key
     */
    public String masked() {
        return MASK;
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        return obj instanceof ApiKey other && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                other.value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * @return {@code ApiKey[***]}; the key is never shown
     */
    @Override
    public String toString() {
        return "ApiKey[" + MASK + "]";
    }
}
