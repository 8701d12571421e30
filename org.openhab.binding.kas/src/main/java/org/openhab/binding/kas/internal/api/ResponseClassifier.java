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

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Maps an HTTP answer of the KAS cloud (status and body) to a {@link KasResult}. Pure and thread-safe.
 * <p>
 * The vendor says to rely on the HTTP status; the 400 bodies tell the reason. They are matched tolerantly (surrounding
 * whitespace and quotes, case, internal whitespace, a trailing {@code .}, {@code ...} or {@code …} do not matter, and
 * a JSON body <code>{"message":"..."}</code> is understood), because such texts tend to change slightly over time.
 * <p>
 * The body passed in must already have the API key masked ({@link LogSafe#maskKey(String, ApiKey)}); everything
 * quoted from it is additionally sanitised and shortened.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ResponseClassifier {

    /** The documented answer to an accepted unlock, in canonical form (see {@link #canonical(String)}). */
    static final String UNLOCKING = "door is unlocking";
    /** The answer to an accepted unlock word for word as KAS documents it: recognised without canonicalising. */
    static final String UNLOCKING_AS_DOCUMENTED = "Door is unlocking\u2026";
    static final String NOT_ADMIN = "you are not the admin";
    static final String INVALID_TOKEN = "invalid token";
    static final String LOCK_NOT_FOUND = "lock is not found";

    /** Longest quote of an unexpected body. */
    static final int QUOTE_MAX = 80;
    /** Longest quote of a 400 reason. */
    static final int REASON_MAX = 120;
    /** Shortest and longest accepted PIN code. */
    static final int PIN_MIN_DIGITS = 4;
    static final int PIN_MAX_DIGITS = 12;

    private static final Pattern HTML_TITLE = Pattern.compile("<title[^>]*>([^<]*)</title>", Pattern.CASE_INSENSITIVE);

    private ResponseClassifier() {
    }

    /**
     * Classifies an answer.
     *
     * @param status the HTTP status
     * @param body the body as text (key already masked); {@code null} is treated as empty
     * @param pinRequest whether the request was a PIN request (a 200 must then carry the code)
     * @return the result, never {@code null}
     */
    public static KasResult classify(int status, @Nullable String body, boolean pinRequest) {
        String text = body == null ? "" : body;
        if (status == 200) {
            return pinRequest ? classifyPinCode(text) : classifyUnlock(text);
        }
        switch (status) {
            case 400:
                return classifyBadRequest(text);
            case 500:
                String detail = extractMessage(text);
                return KasResult.of(KasOutcome.SERVER_ERROR, "The KAS cloud reported an internal error (HTTP 500"
                        + (detail.isBlank() ? "" : ": " + quote(detail)) + "); try again later.", status);
            case 504:
                return classifyGatewayTimeout(text);
            case 429:
                return KasResult.of(KasOutcome.SERVICE_UNAVAILABLE,
                        "The KAS cloud refuses requests for the moment: too many requests (HTTP 429); try again later.",
                        status);
            case 502:
            case 503:
                return KasResult.of(KasOutcome.SERVICE_UNAVAILABLE, "The KAS cloud is temporarily unavailable (HTTP "
                        + status + summary(text, ", ", "") + "); try again later.", status);
            default:
                if (status >= 300 && status < 400) {
                    return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE, "The KAS cloud answered with a redirect (HTTP "
                            + status + "), which is not followed; check the cloud URL.", status);
                }
                return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE,
                        "Unexpected answer from the KAS cloud: HTTP " + status + summary(text, " with ", "") + ".",
                        status);
        }
    }

    private static KasResult classifyUnlock(String text) {
        if (UNLOCKING_AS_DOCUMENTED.equals(text) || UNLOCKING.equals(canonical(extractMessage(text)))) {
            return KasResult.accepted("Unlock command accepted by the KAS cloud; it is on its way to the lock "
                    + "(not yet confirmed open).", 200);
        }
        String unusual = text.isBlank() ? "an empty answer" : "an unusual answer" + summary(text, ": ", "");
        return KasResult.accepted("Unlock command accepted by the KAS cloud (HTTP 200) with " + unusual + ".", 200);
    }

    private static KasResult classifyPinCode(String text) {
        String code = extractPinCode(text);
        if (code != null) {
            return KasResult.pinCode(code, 200);
        }
        if (text.isBlank()) {
            return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE,
                    "The KAS cloud answered HTTP 200 without a PIN code (empty body).", 200);
        }
        return KasResult.of(KasOutcome.UNEXPECTED_RESPONSE,
                "The KAS cloud answered HTTP 200, but the body is not a PIN code of " + PIN_MIN_DIGITS + " to "
                        + PIN_MAX_DIGITS + " digits" + summary(text, ": ", "") + ".",
                200);
    }

    private static KasResult classifyBadRequest(String text) {
        String message = extractMessage(text);
        switch (canonical(message)) {
            case NOT_ADMIN:
                return KasResult.of(KasOutcome.NOT_ADMIN, "The KAS cloud says the account is not an admin of this "
                        + "lock ('You are not the admin.'); make the account an admin in the KAS app.", 400);
            case INVALID_TOKEN:
                return KasResult.of(KasOutcome.INVALID_TOKEN, "The KAS cloud rejected the API key "
                        + "('Invalid Token.'); check the key or create a new one in your KAS account.", 400);
            case LOCK_NOT_FOUND:
                return KasResult.of(KasOutcome.LOCK_NOT_FOUND, "The KAS cloud does not know this lock for this "
                        + "account ('Lock is not found.'); check the factory number and that the lock is bound to "
                        + "the account.", 400);
            default:
                String reason = LogSafe.shorten(firstLine(message), REASON_MAX);
                return KasResult.of(KasOutcome.REJECTED, "The KAS cloud rejected the request (HTTP 400)"
                        + (reason.isEmpty() ? " without giving a reason." : ": " + reason), 400);
        }
    }

    private static KasResult classifyGatewayTimeout(String text) {
        String ref = "";
        JsonObject json = parseObject(text);
        if (json != null) {
            ref = LogSafe.shorten(memberAsString(json, "ref"), 40);
        }
        return KasResult.of(KasOutcome.GATEWAY_TIMEOUT,
                "The lock's gateway did not answer (HTTP 504); check that the gateway is powered, online and in "
                        + "range of the lock." + (ref.isEmpty() ? "" : " KAS reference: " + ref + "."),
                504);
    }

    /**
     * Extracts the PIN code: the trimmed body, optionally in JSON string quotes, must be {@value #PIN_MIN_DIGITS}
     * to {@value #PIN_MAX_DIGITS} ASCII digits. The code is kept as text, so leading zeros survive.
     *
     * @return the code, or {@code null} if the body is not a code
     */
    static @Nullable String extractPinCode(String body) {
        String text = stripInvisible(body).strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.length() < PIN_MIN_DIGITS || text.length() > PIN_MAX_DIGITS) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return text;
    }

    /**
     * The message of a body: the {@code message} member of a JSON object, the content of a JSON string, or else the
     * trimmed body.
     */
    static String extractMessage(String body) {
        String text = stripInvisible(body).strip();
        if (text.startsWith("{")) {
            JsonObject json = parseObject(text);
            if (json != null) {
                String message = memberAsString(json, "message");
                if (!message.isEmpty()) {
                    return message.strip();
                }
            }
            return text;
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            try {
                JsonElement element = JsonParser.parseString(text);
                if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
                    return element.getAsString().strip();
                }
            } catch (JsonParseException | IllegalStateException e) {
                // not a valid JSON string: strip the quotes below
            }
            return text.substring(1, text.length() - 1).strip();
        }
        return text;
    }

    /**
     * The canonical form of a message for comparison: surrounding whitespace and quotes removed, lower case,
     * whitespace runs collapsed to one space, trailing dots and ellipses ({@code .}, {@code ...}, {@code …})
     * removed.
     */
    static String canonical(String message) {
        String text = LogSafe.shorten(message, Integer.MAX_VALUE - 1);
        text = stripQuotes(text);
        text = text.toLowerCase(Locale.ROOT);
        boolean changed = true;
        while (changed) {
            changed = false;
            String stripped = text.strip();
            if (stripped.endsWith(".") || stripped.endsWith("\u2026")) {
                stripped = stripped.substring(0, stripped.length() - 1);
                changed = true;
            }
            text = stripped;
        }
        return text;
    }

    private static String stripQuotes(String text) {
        if (text.length() >= 2) {
            char first = text.charAt(0);
            char last = text.charAt(text.length() - 1);
            if ((first == '"' && last == '"') || (first == '\'' && last == '\'')
                    || (first == '\u201c' && last == '\u201d')) {
                return text.substring(1, text.length() - 1).strip();
            }
        }
        return text;
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = 0;
        while (end < stripped.length() && stripped.charAt(end) != '\n' && stripped.charAt(end) != '\r') {
            end++;
        }
        return stripped.substring(0, end);
    }

    /** Removes a byte order mark and other invisible formatting characters. */
    private static String stripInvisible(String text) {
        boolean found = false;
        for (int i = 0; i < text.length() && !found; i++) {
            found = Character.getType(text.charAt(i)) == Character.FORMAT;
        }
        if (!found) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT).forEach(out::appendCodePoint);
        return out.toString();
    }

    /**
     * A short description of a body for a message: nothing for an empty body, the title of an HTML page, or the
     * sanitised beginning of the text in quotes.
     */
    static String summary(String body, String prefix, String suffix) {
        String text = body.strip();
        if (text.isEmpty()) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("<!doctype html") || lower.startsWith("<html") || lower.contains("<body")) {
            Matcher title = HTML_TITLE.matcher(text);
            String titleText = title.find() ? LogSafe.shorten(title.group(1), QUOTE_MAX) : "";
            return prefix + "an HTML page" + (titleText.isEmpty() ? "" : " titled '" + titleText + "'") + suffix;
        }
        return prefix + quote(extractMessage(text)) + suffix;
    }

    private static String quote(String text) {
        return "'" + LogSafe.shorten(text, QUOTE_MAX) + "'";
    }

    private static @Nullable JsonObject parseObject(String text) {
        String stripped = text.strip();
        if (!stripped.startsWith("{")) {
            return null;
        }
        try {
            JsonElement element = JsonParser.parseString(stripped);
            return element.isJsonObject() ? element.getAsJsonObject() : null;
        } catch (JsonParseException | IllegalStateException e) {
            return null;
        }
    }

    private static String memberAsString(JsonObject json, String name) {
        JsonElement member = json.get(name);
        if (member != null && member.isJsonPrimitive()) {
            return member.getAsString();
        }
        return "";
    }
}
