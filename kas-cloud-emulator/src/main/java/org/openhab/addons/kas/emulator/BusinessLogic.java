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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

import com.google.gson.JsonObject;

/**
 * What the emulated KAS cloud answers when nothing goes wrong: the business order of its checks, the PIN codes and
 * the texts of its answers. Reads the state when it is asked, i.e. at answer time (after any delay or hold), and
 * records an accepted unlock as executed right then, before the answer is written.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class BusinessLogic {

    static final String UNLOCKING = "Door is unlocking\u2026";
    static final String NOT_ADMIN = "You are not the admin.";
    static final String INVALID_TOKEN = "Invalid Token.";
    static final String LOCK_NOT_FOUND = "Lock is not found.";
    static final String INVALID_PARAMETERS = "Invalid parameters.";
    static final String UNKNOWN_ERROR = "Unknown Error";
    static final String ROOT_TEXT = "KAS cloud emulator";
    static final String NOT_FOUND = "Not Found";
    static final String GATEWAY_TIMEOUT_MESSAGE = "Gateway timeout. You should retry the request again now.";

    private final CloudState state;
    private final Journal journal;

    BusinessLogic(CloudState state, Journal journal) {
        this.state = state;
        this.journal = journal;
    }

    /**
     * The normal answer to a routed request; an accepted unlock is recorded as executed.
     *
     * @param route the request's route
     * @param receivedAt when the request arrived
     * @return the answer
     */
    Answer answer(Route route, Instant receivedAt) {
        return switch (route.endpoint()) {
            case ROOT -> Answer.text(200, ROOT_TEXT);
            case OTHER -> Answer.text(404, NOT_FOUND);
            case UNLOCK -> unlock(route, receivedAt);
            case PIN_CODE -> pinCode(route);
        };
    }

    private Answer unlock(Route route, Instant receivedAt) {
        CloudState.LockState lock = state.lock(route.factoryNumber());
        String denied = deny(route.apiKey(), lock);
        if (denied != null) {
            return Answer.text(400, denied);
        }
        if (!lock.gatewayOnline()) {
            return gatewayTimeout();
        }
        journal.recordExecuted(new ExecutedUnlock(Instant.now(), route.factoryNumber(), receivedAt));
        return Answer.text(200, UNLOCKING);
    }

    private Answer pinCode(Route route) {
        Route.PinRequest pin = route.pin();
        if (pin == null) {
            return Answer.text(400, INVALID_PARAMETERS);
        }
        String denied = deny(pin.apiKey(), state.lock(route.factoryNumber()));
        if (denied != null) {
            return Answer.text(400, denied);
        }
        return Answer.text(200, pinFor(route.factoryNumber(), pin.mode(), pin.duration(), pin.startTime()));
    }

    /** The KAS business order: key, then lock (unknown or foreign), then admin right; {@code null} if allowed. */
    private String deny(String apiKey, CloudState.LockState lock) {
        if (!state.hasAccount(apiKey)) {
            return INVALID_TOKEN;
        }
        if (lock == null || !lock.ownerApiKey().equals(apiKey)) {
            return LOCK_NOT_FOUND;
        }
        if (!lock.admin()) {
            return NOT_ADMIN;
        }
        return null;
    }

    /** @return the answer to a call dropped by the queue limit: like an accepted unlock */
    static Answer dropped() {
        return Answer.text(200, UNLOCKING);
    }

    /** @return KAS's {@code 504} JSON with a fresh random {@code ref} */
    static Answer gatewayTimeout() {
        JsonObject json = new JsonObject();
        json.addProperty("ack", 504);
        json.addProperty("message", GATEWAY_TIMEOUT_MESSAGE);
        byte[] ref = new byte[12];
        ThreadLocalRandom.current().nextBytes(ref);
        json.addProperty("ref", HexFormat.of().formatHex(ref));
        return new Answer(504, Answer.JSON, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param status the HTTP status
     * @return a small HTML error page, as a proxy in front of the cloud would send
     */
    static Answer htmlPage(int status) {
        String title = (status + " " + HttpStatusText.of(status)).strip();
        String page = "<!DOCTYPE html>\n<html>\n<head><title>" + title + "</title></head>\n<body>\n<h1>" + title
                + "</h1>\n<p>The KAS cloud emulator was told to fail this request.</p>\n</body>\n</html>\n";
        return new Answer(status, Answer.HTML, page.getBytes(StandardCharsets.UTF_8));
    }

    /** See {@link KasCloudEmulator#pinFor(String, int, int, long)}. */
    static String pinFor(String factoryNumber, int mode, int duration, long startTime) {
        Objects.requireNonNull(factoryNumber, "factoryNumber");
        String input = factoryNumber + '|' + mode + '|' + duration + '|' + startTime;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            long value = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong() & Long.MAX_VALUE;
            return String.format(Locale.ROOT, "%08d", value % 100_000_000L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
