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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link ResponseClassifier}: every row of the KAS table and tolerant variants.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class ResponseClassifierTest {

    private static KasResult unlock(int status, String body) {
        return ResponseClassifier.classify(status, body, false);
    }

    private static KasResult pin(int status, String body) {
        return ResponseClassifier.classify(status, body, true);
    }

    private static void assertOutcome(KasOutcome expected, KasResult result) {
        assertEquals(expected, result.outcome(), result.toString());
    }

    /** The result has the outcome, and its message contains every part. */
    private static KasResult assertResult(KasOutcome expected, KasResult result, String... messageParts) {
        assertOutcome(expected, result);
        for (String part : messageParts) {
            assertTrue(result.message().contains(part), result.message());
        }
        return result;
    }

    /** Both an unlock and a PIN code request get the outcome for the answer; returns the unlock's result. */
    private static KasResult assertBothRequests(KasOutcome expected, int status, String body) {
        assertOutcome(expected, pin(status, body));
        return assertResult(expected, unlock(status, body));
    }

    // ---- 200

    @ParameterizedTest
    @ValueSource(strings = { "Door is unlocking\u2026", "Door is unlocking...", "Door is unlocking.",
            "Door is unlocking", "  door IS   unlocking\u2026\r\n", "\"Door is unlocking\u2026\"",
            "{\"message\":\"Door is unlocking\u2026\"}", "\ufeffDoor is unlocking\u2026" })
    void unlockAcceptedWithDocumentedBody(String body) {
        KasResult result = unlock(200, body);
        assertOutcome(KasOutcome.ACCEPTED, result);
        assertEquals(200, result.httpStatus());
        assertNull(result.code());
        assertTrue(result.message().startsWith("Unlock command accepted"), result.message());
        assertTrue(result.message().contains("not yet confirmed open"), result.message());
        assertFalse(result.message().contains("unusual"), result.message());
    }

    @Test
    void unlockAcceptedWithUnusualBodyNotesIt() {
        assertResult(KasOutcome.ACCEPTED, unlock(200, "OK\nqueued"), "unusual answer: 'OK queued'");
        assertResult(KasOutcome.ACCEPTED, unlock(200, ""), "empty answer");
    }

    @ParameterizedTest
    @ValueSource(strings = { "12345678", "01234567", " 00012345\n", "\"09876543\"", "1234", "123456789012" })
    void pinCodeKeptAsText(String body) {
        KasResult result = pin(200, body);
        assertOutcome(KasOutcome.ACCEPTED, result);
        String expected = body.strip().replace("\"", "");
        assertEquals(expected, result.code());
        assertFalse(result.message().contains(expected), "the message must not show the PIN: " + result.message());
        assertFalse(result.toString().contains(expected), "toString must not show the PIN: " + result);
    }

    @Test
    void pinCodeLeadingZerosSurvive() {
        assertEquals("00000001", pin(200, "00000001").code());
    }

    @ParameterizedTest
    @ValueSource(strings = { "123", "1234567890123", "1234 5678", "12345678x", "-1234567", "1.234567",
            "\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", "Door is unlocking\u2026", "{\"code\":\"12345678\"}",
            "<html><head><title>Login</title></head><body>x</body></html>", "null", "\"\"" })
    void malformedPinIsUnexpected(String body) {
        KasResult result = assertResult(KasOutcome.UNEXPECTED_RESPONSE, pin(200, body), "not a PIN code");
        assertNull(result.code());
        assertEquals(200, result.httpStatus());
    }

    @Test
    void malformedPinQuotesAtMost80SanitisedCharacters() {
        String body = "line\u0000one\r\n" + "z".repeat(500);
        KasResult result = pin(200, body);
        assertOutcome(KasOutcome.UNEXPECTED_RESPONSE, result);
        String message = result.message();
        assertFalse(message.contains("\u0000"));
        assertFalse(message.contains("\n"));
        int start = message.indexOf('\'');
        int end = message.lastIndexOf('\'');
        assertTrue(end - start - 1 <= 80, message);
        assertTrue(message.contains("line one z"), message);
    }

    @Test
    void htmlPinBodyShowsTitleOnly() {
        KasResult result = pin(200, "<!DOCTYPE html><html><head><title>Maintenance</title></head><body>"
                + "<script>alert(1)</script></body></html>");
        assertTrue(result.message().contains("an HTML page titled 'Maintenance'"), result.message());
        assertFalse(result.message().contains("script"), result.message());
    }

    @Test
    void emptyPinBody() {
        assertResult(KasOutcome.UNEXPECTED_RESPONSE, pin(200, "  "), "empty body");
    }

    // ---- 400

    @ParameterizedTest
    @ValueSource(strings = { "You are not the admin.", "you are not the admin", "  YOU ARE NOT THE ADMIN.\n",
            "\"You are not the admin.\"", "You  are\tnot the admin\u2026", "You are not the admin...",
            "{\"message\":\"You are not the admin.\"}", "{ \"ack\": 400, \"message\": \"you are not the admin\" }" })
    void notAdmin(String body) {
        assertEquals(400, assertBothRequests(KasOutcome.NOT_ADMIN, 400, body).httpStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = { "Invalid Token.", "invalid token", "INVALID TOKEN...", "'Invalid Token.'",
            "{\"message\":\"Invalid Token.\"}", "Invalid Token\u2026" })
    void invalidToken(String body) {
        assertBothRequests(KasOutcome.INVALID_TOKEN, 400, body);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Lock is not found.", "lock is not found", " Lock is  not found. ",
            "{\"message\":\"Lock is not found.\"}", "\"Lock is not found.\"" })
    void lockNotFound(String body) {
        assertBothRequests(KasOutcome.LOCK_NOT_FOUND, 400, body);
    }

    @Test
    void messagesOfKnownRejectionsAreHelpful() {
        assertTrue(unlock(400, "Invalid Token.").message().contains("API key"));
        assertTrue(unlock(400, "Lock is not found.").message().contains("factory number"));
        assertTrue(unlock(400, "You are not the admin.").message().contains("admin"));
    }

    @Test
    void otherBadRequestIsRejectedWithFirstLine() {
        KasResult result = pin(400, "Invalid parameters.\nat line 2\nat line 3");
        assertOutcome(KasOutcome.REJECTED, result);
        assertEquals("The KAS cloud rejected the request (HTTP 400): Invalid parameters.", result.message());
        KasResult json = unlock(400, "{\"message\":\"Subscription required\"}");
        assertOutcome(KasOutcome.REJECTED, json);
        assertTrue(json.message().endsWith(": Subscription required"), json.message());
        assertResult(KasOutcome.REJECTED, unlock(400, ""), "without giving a reason");
        // near misses are not the known messages
        assertOutcome(KasOutcome.REJECTED, unlock(400, "You are not the admin of lock SS000510."));
        assertOutcome(KasOutcome.REJECTED, unlock(400, "Token expired."));
    }

    @Test
    void rejectedReasonIsSanitised() {
        KasResult result = unlock(400, "\u202eevil\u0007 text " + "w".repeat(400));
        assertOutcome(KasOutcome.REJECTED, result);
        assertFalse(result.message().contains("\u202e"));
        assertFalse(result.message().contains("\u0007"));
        assertTrue(result.message().length() <= KasResult.MAX_MESSAGE_LENGTH);
    }

    // ---- 5xx and others

    @Test
    void serverError() {
        KasResult result = assertResult(KasOutcome.SERVER_ERROR, unlock(500, "Unknown Error"), "'Unknown Error'");
        assertEquals(500, result.httpStatus());
        assertOutcome(KasOutcome.SERVER_ERROR, pin(500, ""));
    }

    @Test
    void gatewayTimeoutJson() {
        KasResult result = assertResult(KasOutcome.GATEWAY_TIMEOUT, unlock(504,
                "{\"ack\":504,\"message\":\"Gateway timeout. You should retry the request again now.\",\"ref\":\"a1b2\"}"),
                "gateway", "KAS reference: a1b2.");
        assertEquals(504, result.httpStatus());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "Gateway Timeout", "<html><body>504</body></html>", "{not json", "{\"ref\":{}}" })
    void gatewayTimeoutAnyBody(String body) {
        KasResult result = assertBothRequests(KasOutcome.GATEWAY_TIMEOUT, 504, body);
        assertFalse(result.message().contains("reference"), result.message());
    }

    @ParameterizedTest
    @ValueSource(ints = { 429, 502, 503 })
    void serviceUnavailable(int status) {
        KasResult result = assertResult(KasOutcome.SERVICE_UNAVAILABLE, unlock(status,
                "<!DOCTYPE html>\n<html><head><title>" + status + " Service Unavailable</title></head><body></body>"),
                "HTTP " + status);
        assertEquals(status, result.httpStatus());
        assertFalse(result.message().contains("<"), result.message());
    }

    @ParameterizedTest
    @ValueSource(ints = { 201, 204, 401, 403, 404, 405, 418, 501, 505, 0, 99, 999 })
    void otherStatusesAreUnexpected(int status) {
        assertResult(KasOutcome.UNEXPECTED_RESPONSE, unlock(status, "Invalid Token."), "HTTP " + status);
        assertOutcome(KasOutcome.UNEXPECTED_RESPONSE, pin(status, ""));
    }

    @Test
    void redirectsAreUnexpected() {
        assertResult(KasOutcome.UNEXPECTED_RESPONSE, unlock(302, ""), "redirect");
    }

    @Test
    void nullBodyIsEmpty() {
        assertOutcome(KasOutcome.ACCEPTED, ResponseClassifier.classify(200, null, false));
        assertOutcome(KasOutcome.UNEXPECTED_RESPONSE, ResponseClassifier.classify(200, null, true));
        assertOutcome(KasOutcome.REJECTED, ResponseClassifier.classify(400, null, false));
    }

    // ---- helpers

    @Test
    void canonicalForm() {
        assertEquals("invalid token", ResponseClassifier.canonical("  'Invalid   Token...'  "));
        assertEquals("door is unlocking", ResponseClassifier.canonical("Door is unlocking\u2026"));
        assertEquals("door is unlocking", ResponseClassifier.canonical("\u201cDoor is unlocking.\u201d"));
        assertEquals("", ResponseClassifier.canonical("..."));
    }

    @Test
    void extractMessage() {
        assertEquals("x", ResponseClassifier.extractMessage("{\"message\":\" x \"}"));
        assertEquals("a\"b", ResponseClassifier.extractMessage("\"a\\\"b\""));
        assertEquals("{\"other\":1}", ResponseClassifier.extractMessage("{\"other\":1}"));
        assertEquals("{broken", ResponseClassifier.extractMessage(" {broken "));
    }
}
