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

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Helpers that make text from the network, from exceptions and from user input safe for logs and for the UI: API
 * keys masked, control and bidirectional-formatting characters removed, length bounded. Pure functions, thread-safe.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class LogSafe {

    /** Replaces secrets. */
    public static final String MASK = ApiKey.MASK;

    /** Appended to shortened text. */
    public static final String ELLIPSIS = "\u2026";

    /** Printable ASCII characters that {@link #characterName(int)} names by code point. */
    private static final String NAMED_BY_CODE_POINT = "'\",[]";

    /** The key segment of a remote-unlock path: {@code /remoteUnlock/SS000510/<key>}. */
    private static final Pattern UNLOCK_PATH_KEY = Pattern.compile("(/remoteUnlock/[^/\\s?#]*/)([^/\\s?#\"'<>;,)\\]]+)",
            Pattern.CASE_INSENSITIVE);
    /** An {@code "apiKey":"..."} JSON member. */
    private static final Pattern JSON_API_KEY = Pattern.compile("(\"apiKey\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")",
            Pattern.CASE_INSENSITIVE);
    /** User info in a URL. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(://)[^/@\\s]*@");
    /** Values of query parameters. */
    private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#\\s]*=)[^&#\\s]*");

    private LogSafe() {
    }

    /**
     * Replaces every occurrence of the key in the text by {@value #MASK}.
     *
     * @param text any text, may be {@code null} (gives "")
     * @param key the key to hide, may be {@code null} (text returned unchanged)
     * @return the text without the key
     */
    public static String maskKey(@Nullable String text, @Nullable ApiKey key) {
        if (text == null) {
            return "";
        }
        if (key == null) {
            return text;
        }
        String secret = key.value();
        return secret.isEmpty() ? text : text.replace(secret, MASK);
    }

    /**
     * Masks the key and, as a second line of defence, the places where a key stands even if it is not this key: the
     * last segment of a remote-unlock path and the value of an {@code "apiKey"} JSON member. Nothing is masked for
     * its shape: KAS keys have no documented form.
     *
     * @param text any text, may be {@code null} (gives "")
     * @param key the key to hide, may be {@code null}
     * @return the redacted text (not shortened)
     */
    public static String redact(@Nullable String text, @Nullable ApiKey key) {
        String result = maskKey(text, key);
        // each pattern needs a character most answers do not have: no regular expression runs for them
        if (result.indexOf('/') >= 0) {
            result = replaceGroup(UNLOCK_PATH_KEY, result, 2);
        }
        return result.indexOf('"') >= 0 ? replaceGroup(JSON_API_KEY, result, 2) : result;
    }

    /**
     * Redacts a URL for logging: {@link #redact(String, ApiKey)}, plus user info and query parameter values.
     * For example {@code https://cloud.kas.com.au/api/lockCommand/remoteUnlock/SS000510/eyJ...} becomes
     * {@code https://cloud.kas.com.au/api/lockCommand/remoteUnlock/SS000510/***}.
     *
     * @param url the URL, may be {@code null} (gives "")
     * @param key the key to hide, may be {@code null}
     * @return the redacted URL
     */
    public static String redactUrl(@Nullable String url, @Nullable ApiKey key) {
        String result = redact(url, key);
        result = URL_USER_INFO.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        Matcher query = QUERY_VALUE.matcher(result);
        return query.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
    }

    /**
     * Redacts a URL without a known key, see {@link #redactUrl(String, ApiKey)}.
     */
    public static String redactUrl(@Nullable String url) {
        return redactUrl(url, null);
    }

    /**
     * Redacts ({@link #redact(String, ApiKey)}) and then shortens ({@link #shorten(String, int)}) text.
     */
    public static String sanitize(@Nullable String text, @Nullable ApiKey key, int max) {
        return shorten(redact(text, key), max);
    }

    /**
     * Makes text safe for a single log line: control characters (CR, LF, tab, ...) and other whitespace become a
     * space, invisible formatting characters (bidirectional controls such as U+202E, zero-width characters, byte
     * order marks) are removed, unpaired surrogates become {@code ?}, runs of spaces are collapsed, the text is
     * trimmed and, if longer than {@code max} characters, cut and ended with {@value #ELLIPSIS} (the result is never
     * longer than {@code max}).
     *
     * @param text any text, may be {@code null} (gives "")
     * @param max the maximum length of the result; 0 or less gives ""
     * @return the sanitised text
     */
    public static String shorten(@Nullable String text, int max) {
        if (text == null || max <= 0) {
            return "";
        }
        if (isShortAndPlain(text, max)) {
            return text; // nothing to change: the common case of the add-on's own messages
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        boolean pendingSpace = false;
        boolean truncated = false;
        for (int i = 0; i < text.length();) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = true;
                continue;
            }
            if (type == Character.FORMAT) {
                continue;
            }
            if (pendingSpace && !out.isEmpty()) {
                out.append(' ');
            }
            pendingSpace = false;
            if (type == Character.SURROGATE) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
            if (out.length() > max) {
                truncated = true;
                break;
            }
        }
        if (!truncated) {
            return out.toString();
        }
        int cut = max - 1;
        if (cut > 0 && Character.isHighSurrogate(out.charAt(cut - 1))) {
            cut--;
        }
        return out.substring(0, cut).stripTrailing() + ELLIPSIS;
    }

    /**
     * Describes a character for a validation message without reproducing anything unprintable, e.g. {@code '/'},
     * {@code a space}, {@code a line break}, {@code a control character (U+0007)}, {@code a non-ASCII character
     * (U+00E9)}.
     */
    static String describeCharacter(int cp) {
        if (cp == ' ') {
            return "a space";
        }
        if (cp == '\t') {
            return "a tab";
        }
        if (cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029) {
            return "a line break";
        }
        if (Character.isISOControl(cp)) {
            return "a control character (" + codePoint(cp) + ")";
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return "a whitespace character (" + codePoint(cp) + ")";
        }
        if (Character.getType(cp) == Character.FORMAT) {
            return "an invisible formatting character (" + codePoint(cp) + ")";
        }
        if (cp > 0x7e) {
            return "a non-ASCII character (" + codePoint(cp) + ")";
        }
        return "'" + (char) cp + "'";
    }

    /**
     * Names a character for a message or a translated text, without reproducing anything unprintable or anything that
     * could be read as a sentence: a printable ASCII character in single quotes (e.g. {@code '/'}), any other by its
     * code point (e.g. {@code U+0020}, {@code U+00E9}). So are the quotes and the characters that openHAB's status
     * descriptions cannot carry in an argument (comma, square brackets, double quote; see the handlers'
     * {@code StatusTexts}): {@code U+002C}, not a changed character.
     *
     * @param cp the code point
     * @return the name
     */
    public static String characterName(int cp) {
        return cp > ' ' && cp < 0x7f && NAMED_BY_CODE_POINT.indexOf(cp) < 0 ? "'" + (char) cp + "'" : codePoint(cp);
    }

    /**
     * @return the Unicode notation of a code point, e.g. {@code U+00E9}
     */
    static String codePoint(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }

    /**
     * @return whether {@link #shorten(String, int)} would return the text unchanged because it is at most {@code max}
     *         characters of printable ASCII with single spaces only between words
     */
    private static boolean isShortAndPlain(String text, int max) {
        int length = text.length();
        if (length > max || length == 0 || text.charAt(0) == ' ' || text.charAt(length - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~' || (c == ' ' && previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    private static String replaceGroup(Pattern pattern, String text, int group) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, matcher.start(group)).append(MASK);
            last = matcher.end(group);
        } while (matcher.find());
        return out.append(text, last, text.length()).toString();
    }
}
