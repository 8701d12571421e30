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
package org.openhab.binding.kas.internal.safety;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.action.KasLockActions;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Transport;
import org.openhab.binding.kas.internal.handler.KasAccountHandler;
import org.openhab.binding.kas.internal.test.TestSecrets;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;

/**
 * Bad input gets a specific error and changes nothing else (rule 6 and the validation around it): invalid account
 * and lock configurations and action arguments are refused naming the parameter, no request reaches the cloud (not
 * even the key-less probe of an invalid account), the other things keep their status and keep working; and of all
 * command types on all channels only ON on {@code unlock} and OFF on {@code lock} send anything. Complements the
 * per-parameter tables of the handler and action tests with further values and the "nothing else changes" checks.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class BadInputTest extends SafetyTestBase {

    private static final String CONFIG_ERROR = "@text/offline.config-error.";
    private static final String KEY_HEAD = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiYWQtaW5wdXQifQ";
    private static final ThingUID BAD_ACCOUNT_UID = new ThingUID(THING_TYPE_ACCOUNT, "bad");

    /**
     * Checks that the thing is OFFLINE with a configuration error whose translated description gives the reason and
     * its arguments (names and numbers only, never the input).
     *
     * @param reason the reason, the last part of the description's key {@code offline.config-error.<reason>}
     * @param arguments the arguments of the description as the thing status shows them, e.g. {@code ["'%'"]}, or
     *            {@code ""} for none
     * @return the status description
     */
    private static String assertConfigurationError(Thing thing, String reason, String arguments) {
        ThingStatusInfo status = thing.getStatusInfo();
        assertEquals(ThingStatus.OFFLINE, status.getStatus());
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, status.getStatusDetail());
        String description = String.valueOf(status.getDescription());
        assertEquals(CONFIG_ERROR + reason + (arguments.isEmpty() ? "" : " " + arguments), description);
        return description;
    }

    /**
     * Checks that no request reached the cloud (once every gate is idle) and that nothing was reported for the things
     * since the marks.
     */
    private void assertNothingSentAndNothingNoticed(CallbackMark... marks) {
        awaitRequestsSettled();
        assertEquals(List.of(), emulator.requests());
        for (CallbackMark mark : marks) {
            assertEquals(List.of(), callbacksSince(mark));
        }
    }

    static Stream<Arguments> invalidAccountConfigurations() {
        return Stream.of(
                // parameter, value, reason and arguments of the status description
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ".c2ln%2F..%2Fx", "api-key-url-character", "[\"'%'\"]"), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ".c2lnbm F0dXJl", "api-key-whitespace", ""), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ".c2lnbmF0\ndXJl", "api-key-whitespace", ""), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ".c2lnbmF0\tdXJl", "api-key-whitespace", ""), //
                Arguments.of(CONFIG_API_KEY, "Bearer " + KEY_HEAD + ".c2lnbmF0dXJlQmVhcmVy", "api-key-whitespace", ""), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ".c2lnbmF0dXJl\u00e9", "api-key-non-ascii", "[\"U+00E9\"]"), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ".c2lnbmF0\u200bdXJl", "api-key-non-ascii", "[\"U+200B\"]"), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + "." + "QUJD".repeat(2560), "api-key-too-long",
                        "[\"10288\", \"4096\"]"), //
                Arguments.of(CONFIG_API_KEY, "'" + KEY_HEAD + ".c2lnbmF0dXJl'", "api-key-quoted", ""), //
                Arguments.of(CONFIG_API_KEY, "..", "api-key-dot-segment", ""), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ".c2lnbmF0\u0000dXJl", "api-key-control-character",
                        "[\"U+0000\"]"), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ":c2lnbmF0dXJl", "api-key-character", "[\"':'\"]"), //
                // characters that a status description's argument cannot carry are named by code point
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + ",c2lnbmF0dXJl", "api-key-character", "[\"U+002C\"]"), //
                Arguments.of(CONFIG_API_KEY, KEY_HEAD + "[0]", "api-key-character", "[\"U+005B\"]"), //
                Arguments.of(CONFIG_BASE_URL, "http://127.0.0.1.nip.io:8080", "base-url-http",
                        "[\"127.0.0.1.nip.io\"]"), //
                Arguments.of(CONFIG_BASE_URL, "http://[::2]:8080", "base-url-http", "[\"(::2)\"]"), //
                Arguments.of(CONFIG_BASE_URL, "http://10.0.0.1", "base-url-http", "[\"10.0.0.1\"]"), //
                Arguments.of(CONFIG_BASE_URL, "file:///etc/passwd", "base-url-scheme", "[\"file\"]"), //
                Arguments.of(CONFIG_BASE_URL, "javascript:alert(1)", "base-url-not-absolute", ""), //
                Arguments.of(CONFIG_BASE_URL, "https://kas.example.com:99999", "base-url-port", "[\"99999\"]"), //
                Arguments.of(CONFIG_BASE_URL, "https://kas.example.com/a/../b", "base-url-dot-segment", ""), //
                Arguments.of(CONFIG_BASE_URL, "https://kas.example.com?apiKey=x", "base-url-query", ""), //
                Arguments.of(CONFIG_BASE_URL, "https://kas.example.com#x", "base-url-fragment", ""), //
                Arguments.of(CONFIG_BASE_URL, "https://kas.example.com/\u202eevil", "base-url-character",
                        "[\"U+202E\"]"), //
                Arguments.of(CONFIG_REQUEST_TIMEOUT, -5, "range", "[\"requestTimeout\", \"1\", \"60\", \"-5\"]"), //
                Arguments.of(CONFIG_REQUEST_TIMEOUT, 3600, "range", "[\"requestTimeout\", \"1\", \"60\", \"3600\"]"), //
                Arguments.of(CONFIG_UNLOCK_MAX_AGE, -1, "range", "[\"unlockMaxAge\", \"1\", \"60\", \"-1\"]"), //
                Arguments.of(CONFIG_UNLOCK_MAX_AGE, 86400, "range", "[\"unlockMaxAge\", \"1\", \"60\", \"86400\"]"), //
                Arguments.of(CONFIG_MAX_CONCURRENT_REQUESTS, 100, "range",
                        "[\"maxConcurrentRequests\", \"1\", \"30\", \"100\"]"), //
                Arguments.of(CONFIG_MAX_QUEUED_REQUESTS, 1_000_000, "range",
                        "[\"maxQueuedRequests\", \"0\", \"1000\", \"1000000\"]"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidAccountConfigurations")
    void anInvalidAccountConfigurationIsRefusedAndChangesNothingElse(String parameter, Object value, String reason,
            String arguments) {
        InMemoryBridge home = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        if (CONFIG_API_KEY.equals(parameter)) {
            // even a malformed key is a secret: it must not show up anywhere
            String key = String.valueOf(value);
            TestSecrets.register(key);
            addSecret(key.strip());
        }
        emulator.resetJournal();
        CallbackMark homeMark = mark(home);
        CallbackMark frontMark = mark(front);
        Map<String, Object> config = accountConfig();
        config.put(parameter, value);
        InMemoryBridge bad = new InMemoryBridge(BAD_ACCOUNT_UID, THING_TYPE_ACCOUNT, configuration(config));
        KasAccountHandler badHandler = new KasAccountHandler(bad, new Jetty9Transport(httpClient), clock, timers);
        bad.setHandler(badHandler);
        badHandler.setCallback(recorder.callback());
        recorder.register(bad);
        try {
            bad.setStatusInfo(new ThingStatusInfo(ThingStatus.INITIALIZING, ThingStatusDetail.NONE, null));
            badHandler.initialize();

            String description = assertConfigurationError(bad, reason, arguments);
            assertTrue(description.length() < 600, "the reason is a sentence, not the input: " + description);
            // nothing was sent, not even the key-less probe; the other account and its lock did not notice
            assertNothingSentAndNothingNoticed(homeMark, frontMark);
            assertEquals(ThingStatus.ONLINE, home.getStatus());
            assertEquals(ThingStatus.ONLINE, front.getStatus());
            assertEquals("", badHandler.gateSummary(), "no gate, no client for an invalid configuration");
            // and they keep working: one unlock, one request
            assertEquals(KasOutcome.ACCEPTED, outcomeOf(actionsOf(front).unlock()));
            assertEquals(1, requests(Endpoint.UNLOCK).size());
            assertEquals(1, keyedRequests().size());
        } finally {
            badHandler.dispose();
            recorder.unregister(BAD_ACCOUNT_UID);
        }
    }

    static Stream<Arguments> invalidFactoryNumbers() {
        return Stream.of( //
                // number, reason and arguments of the status description
                Arguments.of("SS000\n510", "factory-number-character", "[\"U+000A\", \"6\"]"), //
                Arguments.of("SS%2E%2E", "factory-number-character", "[\"'%'\", \"3\"]"), //
                Arguments.of("SS000510?apiKey=x", "factory-number-character", "[\"'?'\", \"9\"]"), //
                Arguments.of("SS0005#10", "factory-number-character", "[\"'#'\", \"7\"]"), //
                Arguments.of("SS000,510", "factory-number-character", "[\"U+002C\", \"6\"]"), //
                Arguments.of("SS000\"510", "factory-number-character", "[\"U+0022\", \"6\"]"), //
                Arguments.of("..", "factory-number-character", "[\"'.'\", \"1\"]"), //
                Arguments.of("UL\u0000510", "factory-number-character", "[\"U+0000\", \"3\"]"), //
                Arguments.of("UL\u0130510", "factory-number-character", "[\"U+0130\", \"3\"]"), //
                Arguments.of("SS000510\u202e", "factory-number-character", "[\"U+202E\", \"9\"]"), //
                Arguments.of("S S000510", "factory-number-character", "[\"U+0020\", \"2\"]"), //
                Arguments.of("ULTRA-510", "factory-number-character", "[\"'-'\", \"6\"]"), //
                Arguments.of("S", "factory-number-too-short", "[\"1\", \"2\"]"), //
                Arguments.of("SS" + "0".repeat(31), "factory-number-too-long", "[\"33\", \"32\"]"), //
                Arguments.of("ss000510", "factory-number-lower-case", "[\"SS000510\"]"));
    }

    @ParameterizedTest(name = "factoryNumber = {0}")
    @MethodSource("invalidFactoryNumbers")
    void anInvalidFactoryNumberIsRefusedAndChangesNothingElse(String factoryNumber, String reason, String arguments) {
        InMemoryBridge home = startAccount();
        InMemoryThing back = startLock("back", BACK_FN);
        emulator.resetJournal();
        CallbackMark homeMark = mark(home);
        CallbackMark backMark = mark(back);
        InMemoryThing bad = createLock("bad", lockConfig(factoryNumber));

        initialize(bad);

        String description = assertConfigurationError(bad, reason, arguments);
        assertFalse(description.contains("\n") || description.contains("\u0000") || description.contains("\u202e"),
                "no raw control or formatting characters in the status: " + description);
        // commands and actions of the broken lock are refused with their own outcome, nothing is sent
        command(bad, CHANNEL_UNLOCK, OnOffType.ON);
        Map<String, Object> action = actionsOf(bad).unlock();
        Map<String, Object> pin = actionsOf(bad).generatePinCode(0, 10, null);
        assertEquals(KasOutcome.INVALID_INPUT, outcomeOf(action));
        assertEquals(KasOutcome.INVALID_INPUT, outcomeOf(pin));
        assertEquals(new StringType(KasOutcome.INVALID_INPUT.name()), lastState(bad, CHANNEL_LAST_RESULT));
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, bad.getStatusInfo().getStatusDetail());
        // nothing was sent; the account and the other lock did not notice, and still work
        assertNothingSentAndNothingNoticed(homeMark, backMark);
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(actionsOf(back).unlock()));
        assertEquals(1, keyedRequests().size());
        assertEquals(BACK_FN, requests(Endpoint.UNLOCK).getFirst().factoryNumber());
    }

    static Stream<Arguments> invalidActionArguments() {
        return Stream.of( //
                Arguments.of(Integer.MIN_VALUE, 24, null, "mode"), //
                Arguments.of(Integer.MAX_VALUE, 24, null, "mode"), //
                Arguments.of(0, Integer.MAX_VALUE, null, "duration"), //
                Arguments.of(1, Integer.MIN_VALUE, null, "duration"), //
                // 2038-01-19T03:14:08Z, written in another zone
                Arguments.of(1, 0, ZonedDateTime.of(2038, 1, 19, 4, 14, 8, 0, ZoneOffset.ofHours(1)), "startTime"), //
                // 1969-12-31T23:59:59Z, written in another zone
                Arguments.of(0, 0, ZonedDateTime.of(1970, 1, 1, 0, 59, 59, 0, ZoneOffset.ofHours(1)), "startTime"), //
                Arguments.of(0, 0, ZonedDateTime.of(-5000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), "startTime"), //
                Arguments.of(null, Integer.MAX_VALUE, null, "mode"));
    }

    @ParameterizedTest(name = "mode={0} duration={1} startTime={2}")
    @MethodSource("invalidActionArguments")
    void invalidActionArgumentsAreRefusedAndChangeNothing(@Nullable Integer mode, @Nullable Integer duration,
            @Nullable ZonedDateTime startTime, String parameter) {
        InMemoryBridge home = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        CallbackMark homeMark = mark(home);
        CallbackMark frontMark = mark(front);
        CallbackMark backMark = mark(back);

        Map<String, Object> result = actionsOf(front).generatePinCode(mode, duration, startTime);

        assertEquals(KasOutcome.INVALID_INPUT, outcomeOf(result));
        assertEquals(Boolean.FALSE, result.get(KasLockActions.OUTPUT_SUCCESS));
        assertEquals("", result.get(KasLockActions.OUTPUT_CODE));
        assertTrue(messageOf(result).startsWith(parameter + " "), messageOf(result));
        assertKeyedRequestsStay(0);
        for (CallbackMark mark : List.of(homeMark, frontMark, backMark)) {
            assertEquals(List.of(), callbacksSince(mark));
        }
    }

    @Test
    void theLastValidStartTimeInAnotherZoneIsAccepted() {
        startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        // 2038-01-19T03:14:07Z, the largest start time KAS takes
        ZonedDateTime last = ZonedDateTime.of(2038, 1, 19, 4, 14, 7, 0, ZoneOffset.ofHours(1));

        Map<String, Object> result = actionsOf(front).generatePinCode(1, 61, last);

        assertEquals(KasOutcome.ACCEPTED, outcomeOf(result));
        assertEquals(KasCloudEmulator.pinFor(FRONT_FN, 1, 61, Integer.MAX_VALUE),
                result.get(KasLockActions.OUTPUT_CODE));
        assertKeyedRequestsStay(1);
        assertEquals(List.of(), requests(Endpoint.UNLOCK), "a PIN code request is no unlock");
    }

    @Test
    void ofAllCommandTypesOnAllChannelsOnlyTheExplicitUnlocksSendAnything() {
        InMemoryBridge home = startAccount();
        Map<String, Object> lockConfig = lockConfig(FRONT_FN);
        lockConfig.put(CONFIG_UNLOCKED_DURATION, 0);
        InMemoryThing front = startLock("front", lockConfig);
        List<String> channels = List.of(CHANNEL_UNLOCK, CHANNEL_LOCK, CHANNEL_LAST_UNLOCK, CHANNEL_LAST_RESULT,
                CHANNEL_EVENT, "no-such-channel");
        List<Command> commands = List.of(OnOffType.ON, OnOffType.OFF, RefreshType.REFRESH, new StringType("ON"),
                new StringType("OFF"), new StringType("UNLOCK"), StringType.EMPTY,
                new DateTimeType(Instant.parse("2026-01-01T00:00:00Z")));
        List<String> explicit = new ArrayList<>();
        for (String channel : channels) {
            for (Command command : commands) {
                if ((CHANNEL_UNLOCK.equals(channel) && command == OnOffType.ON)
                        || (CHANNEL_LOCK.equals(channel) && command == OnOffType.OFF)) {
                    explicit.add(channel);
                    continue;
                }
                command(front, channel, command);
            }
            handlerOf(front).channelLinked(new ChannelUID(front.getUID(), channel));
            // the bridge has no channels: commands to it are ignored
            for (Command command : commands) {
                handlerOf(home).handleCommand(new ChannelUID(home.getUID(), channel), command);
            }
        }
        // neither do the thing's life events
        handlerOf(front).bridgeStatusChanged(home.getStatusInfo());
        lockHandler(front).handleConfigurationUpdate(Map.of(CONFIG_UNLOCKED_DURATION, 1));
        accountHandler(home).handleConfigurationUpdate(Map.of(CONFIG_REQUEST_TIMEOUT, 9));
        awaitStatus(home, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        reinitialize(front);
        assertKeyedRequestsStay(0);
        assertEquals(List.of(), events(front));
        assertEquals(List.of(CHANNEL_UNLOCK, CHANNEL_LOCK), explicit);

        // the two explicit unlocks, one after the other
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).size() == 1);
        command(front, CHANNEL_LOCK, OnOffType.OFF);
        await().atMost(WAIT).until(() -> events(front).size() == 2);
        // and everything else again, after an accepted unlock: REFRESH shows the state, it does not repeat the unlock
        for (String channel : channels) {
            for (Command command : commands) {
                if (!(CHANNEL_UNLOCK.equals(channel) && command == OnOffType.ON)
                        && !(CHANNEL_LOCK.equals(channel) && command == OnOffType.OFF)) {
                    command(front, channel, command);
                }
            }
        }
        assertKeyedRequestsStay(2);
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED, EVENT_UNLOCK_ACCEPTED), events(front));
        assertEquals(2, emulator.executedUnlocks().size());
    }
}
