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
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The API key of a KAS account.
 * <p>
 * KAS issues JSON Web Tokens and also "static" keys whose form it does not document, so nothing here assumes a
 * structure: a key is 1 to {@value #MAX_LENGTH} characters (after surrounding whitespace is removed) that can stand
 * unescaped in a URL path segment, the RFC 3986 "unreserved" characters {@code A-Z a-z 0-9 - . _ ~}. Everything else
 * is rejected, because the key is a segment of the remote-unlock URL and must not change it; for the same reason a key
 * may not be {@code .} or {@code ..}, which URL normalisation would remove or turn into a step up.
 * <p>
 * The key is a secret. {@link #toString()} and {@link #masked()} never show it, and no validation message ever quotes
 * it. Only {@link KasCloudClient} reads the value, to build the request.
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

    private static final String ALLOWED = "letters, digits, '-', '.', '_' and '~'";

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
            throw invalid("api-key-missing", List.of(), "The API key is missing; copy it from your KAS account.");
        }
        String candidate = raw.strip();
        if (candidate.isEmpty()) {
            throw invalid("api-key-empty", List.of(), "The API key is empty; copy it from your KAS account.");
        }
        if (candidate.length() > MAX_LENGTH) {
            throw invalid("api-key-too-long", List.of(String.valueOf(candidate.length()), String.valueOf(MAX_LENGTH)),
                    "The API key is too long (" + candidate.length() + " characters, at most " + MAX_LENGTH
                            + "); copy only the key from your KAS account.");
        }
        char first = candidate.charAt(0);
        char last = candidate.charAt(candidate.length() - 1);
        if (candidate.length() >= 2 && (first == '"' || first == '\'') && last == first) {
            throw invalid("api-key-quoted", List.of(),
                    "The API key is enclosed in quotes; enter it without the quotes.");
        }
        for (int i = 0; i < candidate.length();) {
            int cp = candidate.codePointAt(i);
            checkCharacter(cp);
            i += Character.charCount(cp);
        }
        if (".".equals(candidate) || "..".equals(candidate)) {
            throw invalid("api-key-dot-segment", List.of(),
                    "The API key consists of dots only, which a URL path reads as a directory step; "
                            + "copy the key from your KAS account.");
        }
        return new ApiKey(candidate);
    }

    /**
     * @return whether the code point is an RFC 3986 unreserved character: it stands in a URL path as it is
     */
    static boolean isUnreserved(int cp) {
        return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp == '-'
                || cp == '.' || cp == '_' || cp == '~';
    }

    private static void checkCharacter(int cp) {
        if (isUnreserved(cp)) {
            return;
        }
        String name = LogSafe.characterName(cp);
        if (cp == '/' || cp == '?' || cp == '#' || cp == '%') {
            throw invalid("api-key-url-character", List.of(name), "The API key contains " + name
                    + ", a character that would change the request URL; a key consists of " + ALLOWED + ".");
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            throw invalid("api-key-whitespace", List.of(),
                    "The API key contains whitespace (a space, tab or line break) inside it; "
                            + "paste it again as a single line.");
        }
        if (Character.isISOControl(cp)) {
            throw invalid("api-key-control-character", List.of(name),
                    "The API key contains a control character (" + name + "); paste it again as plain text.");
        }
        if (cp > 0x7f) {
            throw invalid("api-key-non-ascii", List.of(name), "The API key contains a non-ASCII character (" + name
                    + "), e.g. a typographic quote or an invisible character; a key consists of " + ALLOWED + ".");
        }
        throw invalid("api-key-character", List.of(name), "The API key contains the character " + name
                + ", which is not allowed; a key consists of " + ALLOWED + ".");
    }

    private static InvalidInputException invalid(String reason, List<String> arguments, String message) {
        return new InvalidInputException(PARAMETER, reason, arguments, message);
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
