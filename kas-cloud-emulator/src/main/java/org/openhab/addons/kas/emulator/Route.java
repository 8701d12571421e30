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
package org.openhab.addons.kas.emulator;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Where a request goes: the endpoint, the factory number, the API key (from the path or the PIN body), the parsed PIN
 * parameters and the path with the key masked. Pure, no server types.
 *
 * @param endpoint the endpoint
 * @param factoryNumber the factory number for {@link Endpoint#UNLOCK} and {@link Endpoint#PIN_CODE}, else
 *            {@code null}
 * @param apiKey the API key the request carries, or {@code null} if none could be found
 * @param pin the valid PIN parameters of a {@link Endpoint#PIN_CODE} request, {@code null} if they are invalid (or
 *            for other endpoints)
 * @param maskedPath the path with everything after the factory number of an unlock path replaced by {@code ***}
 *
 * @author KAS binding contributors - Initial contribution
 */
record Route(Endpoint endpoint, String factoryNumber, String apiKey, PinRequest pin, String maskedPath) {

    /**
     * Valid parameters of a PIN code request.
     *
     * @param mode 0 or 1
     * @param duration 0..61
     * @param startTime 0..{@link Integer#MAX_VALUE} (epoch seconds)
     * @param apiKey the key from the body
     *
     * @author KAS binding contributors - Initial contribution
     */
    record PinRequest(int mode, int duration, long startTime, String apiKey) {
    }

    static final String MASK = "***";
    private static final String UNLOCK_PREFIX = "/api/lockCommand/remoteUnlock/";
    private static final String PIN_PREFIX = "/api/lockCommand/pinCode/";
    private static final Pattern API_KEY_MEMBER = Pattern.compile("(\"api_?key\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
            Pattern.CASE_INSENSITIVE);

    /**
     * Routes a request.
     *
     * @param method the HTTP method
     * @param rawPath the raw (still percent-encoded) path, without query string
     * @param body the request body as text
     * @return the route
     */
    static Route parse(String method, String rawPath, String body) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        boolean get = "GET".equals(method); // HEAD is routed to OTHER (404): a HEAD never unlocks a door
        if ("/".equals(path)) {
            return new Route(get ? Endpoint.ROOT : Endpoint.OTHER, null, null, null, path);
        }
        if (path.startsWith(UNLOCK_PREFIX)) {
            String[] rest = path.substring(UNLOCK_PREFIX.length()).split("/", -1);
            String masked = rest.length >= 2 ? UNLOCK_PREFIX + rest[0] + "/" + MASK : path;
            if (get && rest.length == 2 && !rest[0].isEmpty() && !rest[1].isEmpty()) {
                return new Route(Endpoint.UNLOCK, decode(rest[0]), decode(rest[1]), null, masked);
            }
            return new Route(Endpoint.OTHER, null, null, null, masked);
        }
        if (path.startsWith(PIN_PREFIX)) {
            String[] rest = path.substring(PIN_PREFIX.length()).split("/", -1);
            if ("POST".equals(method) && rest.length == 1 && !rest[0].isEmpty()) {
                JsonObject json = parseObject(body);
                String apiKey = json == null ? null : stringMember(json, "apiKey");
                PinRequest pin = json == null ? null : pinRequest(json, apiKey);
                return new Route(Endpoint.PIN_CODE, decode(rest[0]), apiKey, pin, path);
            }
        }
        return new Route(Endpoint.OTHER, null, null, null, path);
    }

    /**
     * Masks the {@code apiKey} member of a JSON body (and the given key wherever else it appears).
     *
     * @param body the body
     * @param apiKey the key the request carries, or {@code null}
     * @return the masked body
     */
    static String maskBody(String body, String apiKey) {
        String masked = API_KEY_MEMBER.matcher(body).replaceAll("$1\"" + MASK + "\"");
        if (apiKey != null && apiKey.length() >= 4) {
            masked = masked.replace(apiKey, MASK);
        }
        return masked;
    }

    /** Percent-decodes a path segment ({@code +} stays a plus); undecodable segments are used as they are. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    /** Parses a strict JSON object covering the whole text, {@code null} if it is anything else. */
    private static JsonObject parseObject(String body) {
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = JsonParser.parseReader(reader);
            if (!element.isJsonObject() || reader.peek() != JsonToken.END_DOCUMENT) {
                return null;
            }
            return element.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            return null;
        }
    }

    private static String stringMember(JsonObject json, String name) {
        JsonElement element = json.get(name);
        if (element instanceof JsonPrimitive primitive && primitive.isString()) {
            return primitive.getAsString();
        }
        return null;
    }

    private static PinRequest pinRequest(JsonObject json, String apiKey) {
        Long mode = integerMember(json, "mode", 0, 1);
        Long duration = integerMember(json, "duration", 0, 61);
        Long startTime = integerMember(json, "startTime", 0, Integer.MAX_VALUE);
        if (mode == null || duration == null || startTime == null || apiKey == null) {
            return null;
        }
        return new PinRequest(mode.intValue(), duration.intValue(), startTime, apiKey);
    }

    /** An integral JSON number in range, else {@code null} (strings, fractions, missing members are invalid). */
    private static Long integerMember(JsonObject json, String name, long min, long max) {
        JsonElement element = json.get(name);
        if (!(element instanceof JsonPrimitive primitive) || !primitive.isNumber()) {
            return null;
        }
        try {
            BigDecimal number = primitive.getAsBigDecimal();
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                return null;
            }
            return number.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
