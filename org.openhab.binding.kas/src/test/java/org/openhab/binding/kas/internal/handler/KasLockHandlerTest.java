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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.test.CloudFailure;
import org.openhab.binding.kas.internal.test.KasLockTestBase;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;

import ch.qos.logback.classic.Level;

/**
 * Status transitions of {@link KasLockHandler}: configuration, bridge, and what the cloud answers to unlocks. Time
 * moves only when the test moves it (relocks, rechecks of the account); answers that must not come yet are held at
 * the emulator, and only the tests named {@code ...OverTheWire} wait for a time-out in real time.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class KasLockHandlerTest extends KasLockTestBase {

    @Test
    void validConfigurationAndOnlineBridgeGoOnlineAtOnceWithoutAnyRequest() {
        startAccount();
        InMemoryThing front = createLock("front", lockConfig(FRONT_FN));

        initialize(front);

        // ONLINE within initialize(): KAS has no lock state to ask for
        assertEquals(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null), front.getStatusInfo());
        assertEquals(List.of(OnOffType.OFF), states(front, CHANNEL_UNLOCK));
        assertEquals(List.of(OnOffType.ON), states(front, CHANNEL_LOCK));
        assertEquals(List.of(), states(front, CHANNEL_LAST_RESULT));
        assertEquals(List.of(), states(front, CHANNEL_LAST_UNLOCK));
        assertEquals(List.of(), events(front));
        assertKeyedRequestsStay(0);
        assertEquals(List.of(), emulator.executedUnlocks());
    }

    @Test
    void withoutBridgeTheLockIsAConfigurationError() {
        InMemoryThing lonely = createLock(new ThingUID(THING_TYPE_LOCK, "lonely"), null, lockConfig(FRONT_FN));

        initialize(lonely);

        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.no-bridge"), lonely.getStatusInfo());
        KasResult result = lockHandler(lonely).awaitOutcome(lockHandler(lonely).unlock("test"));
        assertEquals(KasOutcome.INVALID_INPUT, result.outcome());
        assertKeyedRequestsStay(0);
    }

    @Test
    void aBridgeUnknownToTheRegistryIsLikeNoBridge() {
        InMemoryThing orphan = createLock(
                new ThingUID(THING_TYPE_LOCK, new ThingUID(THING_TYPE_ACCOUNT, "gone"), "door"),
                new ThingUID(THING_TYPE_ACCOUNT, "gone"), lockConfig(FRONT_FN));

        initialize(orphan);

        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                "@text/offline.no-bridge"), orphan.getStatusInfo());
    }

    @Test
    void anOfflineBridgeGivesBridgeOfflineAndTheLockFollowsItBackOnline() {
        int port = emulator.port();
        emulator.close();
        InMemoryBridge account = createAccount(accountConfig());
        initialize(account);
        awaitUnreachable(account);
        InMemoryThing front = createLock("front", lockConfig(FRONT_FN));

        initialize(front);

        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE, null),
                front.getStatusInfo());

        restartEmulatorOnSamePort();
        assertEquals(port, emulator.port());
        // the account's recheck comes 5 s after the failed probe
        advance(Duration.ofSeconds(5));

        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertKeyedRequestsStay(0);
    }

    @Test
    void aBridgeStillProbingGivesBridgeOfflineUntilItIsOnline() {
        Fault slowProbe = emulator.addFault(Fault.on(Endpoint.ROOT).hold());
        InMemoryBridge account = createAccount(accountConfig());
        initialize(account);
        InMemoryThing front = createLock("front", lockConfig(FRONT_FN));

        initialize(front);

        assertEquals(ThingStatus.UNKNOWN, account.getStatus());
        assertEquals(ThingStatusDetail.BRIDGE_OFFLINE, front.getStatusInfo().getStatusDetail());
        awaitHeld(slowProbe, 1);
        assertEquals(ThingStatus.UNKNOWN, account.getStatus());
        assertEquals(ThingStatusDetail.BRIDGE_OFFLINE, front.getStatusInfo().getStatusDetail());

        slowProbe.release();

        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
    }

    @Test
    void aBridgeGoingOfflineTakesTheLocksOfflineAndBack() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);

        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_BASE_URL, "http://example.com"));

        awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        awaitStatus(back, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);

        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_BASE_URL, baseUrl));

        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(back, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertKeyedRequestsStay(0);
    }

    static Stream<Arguments> invalidLockConfigurations() {
        // parameter, value (null = parameter missing), reason and arguments of the status description, expected part
        // of the English message in the debug log
        return Stream.of( //
                Arguments.of(CONFIG_FACTORY_NUMBER, null, "factory-number-empty", List.of(), "empty"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "", "factory-number-empty", List.of(), "empty"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "   ", "factory-number-empty", List.of(), "empty"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "ss000510", "factory-number-lower-case", List.of("SS000510"),
                        "lower-case"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "Ss000510", "factory-number-lower-case", List.of("SS000510"),
                        "lower-case"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "s000510", "factory-number-lower-case", List.of("S000510"),
                        "lower-case"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "S", "factory-number-too-short", List.of("1", "2"), "too short"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "../SS000510", "factory-number-character", List.of("'.'", "1"),
                        "'.'"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "SS000510/../x", "factory-number-character", List.of("'/'", "9"),
                        "'/'"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "SS0005 10", "factory-number-character", List.of("U+0020", "7"),
                        "a space"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "SS00051\u00d6", "factory-number-character", List.of("U+00D6", "8"),
                        "non-ASCII"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "SS00051\uff10", "factory-number-character", List.of("U+FF10", "8"),
                        "non-ASCII"), //
                Arguments.of(CONFIG_FACTORY_NUMBER, "SS" + "1".repeat(31), "factory-number-too-long",
                        List.of("33", "32"), "too long"), //
                Arguments.of(CONFIG_UNLOCKED_DURATION, -1, "range", List.of(CONFIG_UNLOCKED_DURATION, "0", "300", "-1"),
                        "between 0 and 300"), //
                Arguments.of(CONFIG_UNLOCKED_DURATION, 301, "range",
                        List.of(CONFIG_UNLOCKED_DURATION, "0", "300", "301"), "between 0 and 300"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidLockConfigurations")
    void invalidConfigurationIsAConfigurationErrorWithTheTemplateOfItsReason(String parameter, @Nullable Object value,
            String reason, List<String> arguments, String message) {
        startAccount();
        InMemoryThing front = createLock("front", withParameter(lockConfig(FRONT_FN), parameter, value));

        initialize(front);

        assertInvalidConfiguration(front, KasLockHandler.class, reason, arguments, message);

        // commands to a lock without a valid configuration send nothing
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        command(front, CHANNEL_LOCK, OnOffType.OFF);
        assertKeyedRequestsStay(0);
        assertEquals(new StringType(KasOutcome.INVALID_INPUT.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, front.getStatusInfo().getStatusDetail());
    }

    @Test
    void aConfigurationErrorIsNotHiddenByTheBridgeComingOnline() {
        InMemoryBridge account = startAccount();
        Map<String, Object> config = lockConfig("ss000510");
        InMemoryThing front = createLock("front", config);
        initialize(front);
        ThingStatusInfo error = front.getStatusInfo();
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, error.getStatusDetail());

        // the account is reconfigured: it goes UNKNOWN, then ONLINE; the lock's children notifications arrive
        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_UNLOCK_MAX_AGE, 5));
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        recorder.awaitNotificationsDelivered();

        assertEquals(error, front.getStatusInfo());
    }

    @Test
    void correctingTheFactoryNumberBringsTheLockOnline() {
        startAccount();
        InMemoryThing front = createLock("front", lockConfig("ss000510"));
        initialize(front);
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, front.getStatusInfo().getStatusDetail());

        lockHandler(front).handleConfigurationUpdate(Map.of(CONFIG_FACTORY_NUMBER, FRONT_FN));

        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertEquals(FRONT_FN, front.getConfiguration().get(CONFIG_FACTORY_NUMBER));
        assertKeyedRequestsStay(0);
    }

    @ParameterizedTest
    @EnumSource(value = CloudFailure.class, mode = EnumSource.Mode.EXCLUDE, names = "TIMEOUT")
    void aFailedUnlockChangesTheLockStatusOnlyForAConfigurationProblemAndALaterSuccessBringsItBack(
            CloudFailure failure) {
        assertFailedUnlockChangesTheLockStatusOnlyForAConfigurationProblem(failure);
    }

    @Test
    void aTimedOutUnlockLeavesTheLockStatusAloneOverTheWire() {
        useTheWireTimeoutOfOverTheWireTests();
        assertFailedUnlockChangesTheLockStatusOnlyForAConfigurationProblem(CloudFailure.TIMEOUT);
    }

    private void assertFailedUnlockChangesTheLockStatusOnlyForAConfigurationProblem(CloudFailure failure) {
        InMemoryThing front = startAccountAndFront(failure.requestTimeoutSeconds());
        InMemoryThing back = startLock("back", BACK_FN);
        List<ThingStatusInfo> frontBefore = statuses(front);
        List<ThingStatusInfo> backBefore = statuses(back);
        failure.apply(emulator, FRONT_FN);

        KasResult result = lockHandler(front).awaitOutcome(lockHandler(front).unlock("test"));

        assertEquals(failure.outcome(), result.outcome(), result.message());
        assertEquals(failure.requests(), requests(Endpoint.UNLOCK).size());
        assertEquals(List.of(), emulator.executedUnlocks());
        ThingStatusDetail detail = failure.lockDetail();
        String key = failure.descriptionKey();
        if (detail != null && key != null) {
            ThingStatusInfo status = awaitStatus(front, ThingStatus.OFFLINE, detail);
            assertEquals(key + " [\"" + FRONT_FN + "\"]", status.getDescription());
        } else if (failure == CloudFailure.INVALID_TOKEN) {
            awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        } else {
            // about this one request: the outcome shows it, the lock's status does not change
            recorder.awaitNotificationsDelivered();
            assertEquals(frontBefore, statuses(front));
        }
        // the other lock of the account is not affected (a rejected key is the account's problem, though)
        if (failure != CloudFailure.INVALID_TOKEN) {
            recorder.awaitNotificationsDelivered();
            assertEquals(backBefore, statuses(back));
            assertEquals(ThingStatus.ONLINE, back.getStatus());
        }

        if (failure != CloudFailure.INVALID_TOKEN) {
            CloudFailure.repair(emulator);
            KasResult later = lockHandler(front).awaitOutcome(lockHandler(front).unlock("test"));
            assertEquals(KasOutcome.ACCEPTED, later.outcome(), later.message());
            awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
            assertEquals(1, emulator.executedUnlocks().size());
        }
    }

    @Test
    void aTimeoutIsReportedWithTheRequestTimeoutOverTheWire() {
        // the request timeout is configured as 1 s, named in the outcome
        useTheWireTimeoutOfOverTheWireTests();
        InMemoryThing front = startAccountAndFront(1);
        List<ThingStatusInfo> before = statuses(front);
        // answered, but only after the request timeout
        Fault late = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());

        command(front, CHANNEL_UNLOCK, OnOffType.ON);

        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED)));
        assertEquals(new StringType(KasOutcome.TIMEOUT.name()), lastState(front, CHANNEL_LAST_RESULT));
        // the time-out is the request's: the lock stays ONLINE, the debug log names the request timeout
        assertEquals(before, statuses(front));
        assertEquals(1,
                logLines(OutcomeReporter.class, Level.DEBUG, front.getUID().toString(), "TIMEOUT (No answer", "1000 ms")
                        .size(),
                () -> logs.texts().toString());
        // a timed-out unlock is never repeated, also not when the late answer comes
        assertEquals(1, late.release());
        await().atMost(WAIT).until(() -> requests(Endpoint.UNLOCK).getFirst().status() != 0);
        assertKeyedRequestsStay(1);
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(front));
        assertEquals(new StringType(KasOutcome.TIMEOUT.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(ThingStatus.ONLINE, front.getStatus());
    }

    @Test
    void aRefusedConnectionLeavesTheLockToItsAccountWhoseCheckFindsTheCloudGone() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        // the account's own check at initialization was just now: a failure checks again only 10 s after it
        advance(CloudReachability.MIN_CHECK_INTERVAL);
        emulator.close();

        KasResult result = lockHandler(front).awaitOutcome(lockHandler(front).unlock("test"));

        assertEquals(KasOutcome.COMMUNICATION_ERROR, result.outcome(), result.message());
        assertTrue(result.message().startsWith("The connection"), result.message());
        // not a status of the lock: the account finds the cloud gone and the lock follows its bridge
        awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR);
        awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        assertEquals(List.of(ThingStatusDetail.NONE, ThingStatusDetail.BRIDGE_OFFLINE),
                statuses(front).stream().map(ThingStatusInfo::getStatusDetail).toList());
    }

    @Test
    void aPinCodeFailureSetsTheLockStatusToo() {
        InMemoryThing front = startAccountAndFront();
        emulator.setAdmin(FRONT_FN, false);

        KasResult result = lockHandler(front).awaitOutcome(lockHandler(front).createPinCode(0, 24, null));

        assertEquals(KasOutcome.NOT_ADMIN, result.outcome());
        ThingStatusInfo status = awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals("@text/offline.not-admin [\"" + FRONT_FN + "\"]", status.getDescription());

        emulator.setAdmin(FRONT_FN, true);
        KasResult later = lockHandler(front).awaitOutcome(lockHandler(front).createPinCode(0, 24, null));

        assertEquals(KasOutcome.ACCEPTED, later.outcome());
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
    }

    @Test
    void locksOfTheSameAccountFailIndependently() {
        InMemoryThing front = startAccountAndFront();
        InMemoryThing back = startLock("back", BACK_FN);
        emulator.setGatewayOnline(BACK_FN, false);

        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        command(back, CHANNEL_UNLOCK, OnOffType.ON);

        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        await().atMost(WAIT).until(() -> events(back).equals(List.of(EVENT_UNLOCK_FAILED)));
        assertEquals(new StringType(KasOutcome.GATEWAY_TIMEOUT.name()), lastState(back, CHANNEL_LAST_RESULT));
        assertEquals(new StringType(KasOutcome.ACCEPTED.name()), lastState(front, CHANNEL_LAST_RESULT));
        // an offline gateway is about the back door's request: neither lock's status changes
        recorder.awaitNotificationsDelivered();
        assertEquals(List.of(ThingStatus.ONLINE), statuses(front).stream().map(ThingStatusInfo::getStatus).toList());
        assertEquals(List.of(ThingStatus.ONLINE), statuses(back).stream().map(ThingStatusInfo::getStatus).toList());
        assertEquals(1, emulator.executedUnlocks().size());
        assertEquals(FRONT_FN, emulator.executedUnlocks().getFirst().factoryNumber());
    }

    @Test
    void theLockRemembersItsLastResultAcrossReinitialization() {
        InMemoryThing front = startAccountAndFront();
        KasResult result = lockHandler(front).awaitOutcome(lockHandler(front).unlock("test"));
        assertEquals(KasOutcome.ACCEPTED, result.outcome());
        advancePastUnlockedDuration();
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));

        lockHandler(front).handleConfigurationUpdate(Map.of(CONFIG_UNLOCKED_DURATION, 3));

        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertEquals(KasOutcome.ACCEPTED, lockHandler(front).lastResult());
        assertEquals(new StringType(KasOutcome.ACCEPTED.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertKeyedRequestsStay(1);
    }
}
