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
package org.openhab.binding.kas.internal.handler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.net.URI;
import java.time.Duration;
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
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.test.KasLockTestBase;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

import ch.qos.logback.classic.Level;

/**
 * Tests of {@link KasAccountHandler} against the emulator: configuration errors, the reachability probe and its
 * rechecks, and the reaction to a rejected API key. The rechecks run when the test moves time on; a probe that must
 * stay unanswered for a while is held at the emulator.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class KasAccountHandlerTest extends KasLockTestBase {

    static Stream<Arguments> invalidConfigurations() {
        return Stream.of(
                // parameter, value (null = parameter missing), reason and arguments of the status description,
                // expected part of the English message in the debug log
                Arguments.of(CONFIG_API_KEY, null, "api-key-missing", List.of(), "missing"), //
                Arguments.of(CONFIG_API_KEY, "", "api-key-empty", List.of(), "empty"), //
                Arguments.of(CONFIG_API_KEY, "   ", "api-key-empty", List.of(), "empty"), //
                Arguments.of(CONFIG_API_KEY, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig/../../x",
                        "api-key-url-character", List.of("'/'"), "request URL"), //
                Arguments.of(CONFIG_API_KEY, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig?x=1", "api-key-url-character",
                        List.of("'?'"), "request URL"), //
                Arguments.of(CONFIG_API_KEY, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig#frag", "api-key-url-character",
                        List.of("'#'"), "request URL"), //
                Arguments.of(CONFIG_API_KEY, "\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig\"", "api-key-quoted",
                        List.of(), "quotes"), //
                Arguments.of(CONFIG_API_KEY, "kas-static key-0123", "api-key-whitespace", List.of(), "whitespace"), //
                Arguments.of(CONFIG_API_KEY, "..", "api-key-dot-segment", List.of(), "dots only"), //
                Arguments.of(CONFIG_API_KEY, "kas+static=key-0123", "api-key-character", List.of("'+'"), "not allowed"), //
                Arguments.of(CONFIG_API_KEY, "\u201ckas-static-key-0123\u201d", "api-key-non-ascii", List.of("U+201C"),
                        "non-ASCII"), //
                Arguments.of(CONFIG_API_KEY, "k".repeat(4097), "api-key-too-long", List.of("4097", "4096"), "too long"), //
                Arguments.of(CONFIG_BASE_URL, "http://cloud.kas.com.au", "base-url-http", List.of("cloud.kas.com.au"),
                        "https"), //
                Arguments.of(CONFIG_BASE_URL, "http://192.168.1.10:8080", "base-url-http", List.of("192.168.1.10"),
                        "https"), //
                Arguments.of(CONFIG_BASE_URL, "ftp://127.0.0.1", "base-url-scheme", List.of("ftp"), "https"), //
                Arguments.of(CONFIG_BASE_URL, "not a url", "base-url-character", List.of("U+0020"), "a space"), //
                Arguments.of(CONFIG_BASE_URL, "https://", "base-url-syntax", List.of("9"), "not a valid URL"), //
                Arguments.of(CONFIG_BASE_URL, "cloud.kas.com.au", "base-url-not-absolute", List.of(), "absolute URL"), //
                Arguments.of(CONFIG_BASE_URL, "", "base-url-empty", List.of(), "empty"), //
                Arguments.of(CONFIG_BASE_URL, "https://user:pw@cloud.kas.com.au", "base-url-user-info", List.of(),
                        "user name"), //
                Arguments.of(CONFIG_BASE_URL, "https://cloud.kas.com.au/api/lockCommand/remoteUnlock",
                        "base-url-api-call", List.of(), "API call"), //
                Arguments.of(CONFIG_REQUEST_TIMEOUT, 0, "range", List.of(CONFIG_REQUEST_TIMEOUT, "1", "60", "0"),
                        "between 1 and 60"), //
                Arguments.of(CONFIG_REQUEST_TIMEOUT, 61, "range", List.of(CONFIG_REQUEST_TIMEOUT, "1", "60", "61"),
                        "between 1 and 60"), //
                Arguments.of(CONFIG_UNLOCK_MAX_AGE, 0, "range", List.of(CONFIG_UNLOCK_MAX_AGE, "1", "60", "0"),
                        "between 1 and 60"), //
                Arguments.of(CONFIG_UNLOCK_MAX_AGE, 61, "range", List.of(CONFIG_UNLOCK_MAX_AGE, "1", "60", "61"),
                        "between 1 and 60"), //
                Arguments.of(CONFIG_MAX_CONCURRENT_REQUESTS, 0, "range",
                        List.of(CONFIG_MAX_CONCURRENT_REQUESTS, "1", "30", "0"), "between 1 and 30"), //
                Arguments.of(CONFIG_MAX_CONCURRENT_REQUESTS, 31, "range",
                        List.of(CONFIG_MAX_CONCURRENT_REQUESTS, "1", "30", "31"), "between 1 and 30"), //
                Arguments.of(CONFIG_MAX_QUEUED_REQUESTS, -1, "range",
                        List.of(CONFIG_MAX_QUEUED_REQUESTS, "0", "1000", "-1"), "between 0 and 1000"), //
                Arguments.of(CONFIG_MAX_QUEUED_REQUESTS, 1001, "range",
                        List.of(CONFIG_MAX_QUEUED_REQUESTS, "0", "1000", "1001"), "between 0 and 1000"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidConfigurations")
    void invalidConfigurationIsAConfigurationErrorWithTheTemplateOfItsReason(String parameter, @Nullable Object value,
            String reason, List<String> arguments, String message) {
        Map<String, Object> config = withParameter(accountConfig(), parameter, value);
        if (CONFIG_API_KEY.equals(parameter) && value instanceof String key && key.strip().length() >= 8) {
            // even a malformed key is a secret
            addSecret(key.strip());
        }
        InMemoryBridge account = createAccount(config);

        initialize(account);

        assertInvalidConfiguration(account, KasAccountHandler.class, reason, arguments, message);
        ThingStatusInfo status = account.getStatusInfo();
        String description = String.valueOf(status.getDescription());
        if (value instanceof String text && !text.isBlank()) {
            assertFalse(CONFIG_API_KEY.equals(parameter) && description.contains(text.strip()),
                    "the rejected key is quoted in the status");
        }
        // nothing is sent with an invalid configuration, not even the key-less probe
        assertKeyedRequestsStay(0);
        assertEquals(List.of(), requests(Endpoint.ROOT));
        assertEquals(List.of(status), statuses(account));
    }

    @Test
    void validConfigurationWithAllParametersAtTheirLimitsGoesOnline() {
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_REQUEST_TIMEOUT, 60);
        config.put(CONFIG_UNLOCK_MAX_AGE, 1);
        config.put(CONFIG_MAX_CONCURRENT_REQUESTS, 30);
        config.put(CONFIG_MAX_QUEUED_REQUESTS, 0);
        // surrounding whitespace of a pasted key is tolerated
        config.put(CONFIG_API_KEY, "  " + API_KEY + "\n");

        InMemoryBridge account = startAccount(config);

        assertEquals(ThingStatus.ONLINE, account.getStatus());
    }

    @Test
    void initializeReturnsAtOnceWithUnknownAndGoesOnlineWhenTheProbeIsAnswered() {
        // the probe is answered only when the test releases it: initialize() must not wait for it
        Fault slowProbe = emulator.addFault(Fault.on(Endpoint.ROOT).hold());
        InMemoryBridge account = createAccount(accountConfig());

        initialize(account);

        assertEquals(new ThingStatusInfo(ThingStatus.UNKNOWN, ThingStatusDetail.NONE, null), account.getStatusInfo());
        awaitHeld(slowProbe, 1);
        assertEquals(List.of(ThingStatus.UNKNOWN), statuses(account).stream().map(ThingStatusInfo::getStatus).toList());

        slowProbe.release();

        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertEquals(1, slowProbe.hits());
        assertEquals(List.of(ThingStatus.UNKNOWN, ThingStatus.ONLINE),
                statuses(account).stream().map(ThingStatusInfo::getStatus).toList());
        // the probe carries no key and nothing else was sent
        assertEquals(1, requests(Endpoint.ROOT).size());
        assertEquals("/", requests(Endpoint.ROOT).getFirst().maskedPath());
        assertEquals(List.of(), keyedRequests());
    }

    @Test
    void anyHttpAnswerToTheProbeCountsAsReachable() {
        emulator.addFault(Fault.on(Endpoint.ROOT).htmlErrorPage(503));

        InMemoryBridge account = startAccount();

        assertEquals(ThingStatus.ONLINE, account.getStatus());
    }

    @Test
    void nothingListeningIsACommunicationErrorAndTheProbeRechecksUntilTheCloudAnswers() {
        emulator.close();
        InMemoryBridge account = createAccount(accountConfig());

        initialize(account);

        ThingStatusInfo offline = awaitUnreachable(account);
        // the refused connection names the address, and the seconds until the recheck
        assertEquals(statusText("offline.cloud-unreachable.refused", URI.create(baseUrl).getAuthority(), "5"),
                offline.getDescription());
        assertEquals(clock.instant().plusSeconds(5), timers.nextDue(), "the recheck is due in 5 s");

        restartEmulatorOnSamePort();

        // nothing is sent before the recheck is due
        advanceWithoutAnyTimer(Duration.ofSeconds(5).minus(TICK));
        assertEquals(ThingStatus.OFFLINE, account.getStatus());
        assertEquals(List.of(), requests(Endpoint.ROOT));

        advance(TICK);

        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertEquals(1, requests(Endpoint.ROOT).size());
    }

    @Test
    void aProbeWithoutAnswerInTimeIsACommunicationErrorOverTheWire() {
        // the probe gives up after 300 ms on the wire (configured: 1 s)
        useTheWireTimeoutOfOverTheWireTests();
        emulator.addFault(Fault.on(Endpoint.ROOT).silent());
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_REQUEST_TIMEOUT, 1);
        InMemoryBridge account = createAccount(config);

        initialize(account);

        ThingStatusInfo offline = awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR);
        assertEquals(statusText("offline.cloud-unreachable.timeout", baseUrl, "5"), offline.getDescription());
        // the configured request timeout is named in the debug log, the status has no room for details
        assertEquals(1, logLines(KasAccountHandler.class, Level.DEBUG, "does not answer", "1000 ms").size(),
                () -> logs.texts().toString());
    }

    @Test
    void aCallAnsweredWhileTheProbeFailedBringsTheAccountOnline() {
        // the probe fails without an answer at once (a reset connection) instead of timing out in real time
        Fault failingProbe = emulator.addFault(Fault.on(Endpoint.ROOT).resetConnection());
        InMemoryBridge account = createAccount(accountConfig());
        initialize(account);
        awaitUnreachable(account);
        InMemoryThing front = createLock("front", lockConfig(FRONT_FN));
        initialize(front);
        awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);

        KasResult result = lockHandler(front).awaitOutcome(lockHandler(front).unlock("test"));

        assertEquals(KasOutcome.ACCEPTED, result.outcome());
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertTrue(failingProbe.hits() >= 1);
        // the recheck of the failed probe is called off: the relock of the accepted unlock is the only timer left
        assertEquals(1, timers.liveTasks());
        advancePastUnlockedDuration();
        advanceWithoutAnyTimer(Duration.ofMinutes(10));
        assertEquals(1, failingProbe.hits());
        assertEquals(ThingStatus.ONLINE, account.getStatus());
    }

    @Test
    void invalidTokenTakesTheAccountOfflineAndNothingIsSentUntilTheKeyIsReplaced() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        // KAS revokes the key, a new one is issued for the same locks
        emulator.removeAccount(API_KEY);
        emulator.addAccount(OTHER_API_KEY);
        emulator.addLock(FRONT_FN, OTHER_API_KEY, true, true);
        emulator.addLock(BACK_FN, OTHER_API_KEY, true, true);

        command(front, CHANNEL_UNLOCK, OnOffType.ON);

        ThingStatusInfo offline = awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals("@text/offline.invalid-token", offline.getDescription());
        awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        awaitStatus(back, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        await().atMost(WAIT).until(() -> events(front).contains(EVENT_UNLOCK_FAILED));
        assertEquals(new StringType(KasOutcome.INVALID_TOKEN.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_UNLOCK));
        assertEquals(1, keyedRequests().size());
        assertEquals(400, keyedRequests().getFirst().status());

        // neither channels nor actions nor the other lock reach KAS any more
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        command(back, CHANNEL_LOCK, OnOffType.OFF);
        KasResult unlock = lockHandler(back).awaitOutcome(lockHandler(back).unlock("test"));
        KasResult pin = lockHandler(back).awaitOutcome(lockHandler(back).createPinCode(0, 24, null));
        assertEquals(KasOutcome.INVALID_TOKEN, unlock.outcome());
        assertTrue(unlock.message().contains("not sent"), unlock.message());
        assertEquals(KasOutcome.INVALID_TOKEN, pin.outcome());
        assertKeyedRequestsStay(1);
        assertEquals(List.of(), emulator.executedUnlocks());
        assertEquals(ThingStatus.OFFLINE, account.getStatus());

        // the user enters the new key
        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_API_KEY, OTHER_API_KEY));

        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(back, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertEquals(OTHER_API_KEY, account.getConfiguration().get(CONFIG_API_KEY));
        KasResult accepted = lockHandler(front).awaitOutcome(lockHandler(front).unlock("test"));
        assertEquals(KasOutcome.ACCEPTED, accepted.outcome());
        assertEquals(1, emulator.executedUnlocks().size());
        assertEquals(FRONT_FN, emulator.executedUnlocks().getFirst().factoryNumber());
    }

    @Test
    void invalidTokenFromAPinCodeRequestAlsoTakesTheAccountOffline() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        emulator.removeAccount(API_KEY);

        KasResult result = lockHandler(front).awaitOutcome(lockHandler(front).createPinCode(1, 12, null));

        assertEquals(KasOutcome.INVALID_TOKEN, result.outcome());
        ThingStatusInfo offline = awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals("@text/offline.invalid-token", offline.getDescription());
        awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        assertEquals(List.of(EVENT_PIN_CODE_FAILED), events(front));
        assertEquals(1, requests(Endpoint.PIN_CODE).size());
    }

    @Test
    void reconfigurationWithAnInvalidValueIsAConfigurationErrorAndAValidOneRecovers() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);

        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_MAX_CONCURRENT_REQUESTS, 31));

        ThingStatusInfo error = awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals(
                "@text/offline.config-error.range [\"" + CONFIG_MAX_CONCURRENT_REQUESTS + "\", \"1\", \"30\", \"31\"]",
                error.getDescription());
        awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        KasResult refused = lockHandler(front).awaitOutcome(lockHandler(front).unlock("test"));
        assertEquals(KasOutcome.INVALID_INPUT, refused.outcome());

        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_MAX_CONCURRENT_REQUESTS, 2));

        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertKeyedRequestsStay(0);
    }

    @Test
    void disposeStopsTheRecheckOfAnUnreachableCloud() {
        emulator.close();
        InMemoryBridge account = createAccount(accountConfig());
        initialize(account);
        awaitUnreachable(account);
        int reported = statuses(account).size();

        dispose(account);
        restartEmulatorOnSamePort();

        // the first recheck would have come after 5 s, later ones up to 5 min apart: none is left to run
        assertEquals(0, timers.liveTasks());
        advanceWithoutAnyTimer(Duration.ofMinutes(10));
        assertEquals(List.of(), requests(Endpoint.ROOT));
        assertEquals(reported, statuses(account).size());
    }
}
