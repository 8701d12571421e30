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
package org.openhab.binding.kas.internal.action;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import org.openhab.addons.kas.emulator.JournalEntry;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.test.CloudFailure;
import org.openhab.binding.kas.internal.test.KasLockTestBase;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/**
 * Tests of the thing actions {@link KasLockActions} on a real {@link org.openhab.binding.kas.internal.handler
 * .KasLockHandler} against the emulator: every outcome of {@code unlock()} and {@code generatePinCode(...)}, input
 * validation, the static helpers for DSL rules and actions without a handler. Maximum ages, wait bounds and relocks
 * happen when the test moves time on (an action that must wait for them runs on another thread); answers that must
 * not come yet are held at the emulator, and only the tests named {@code ...OverTheWire} wait for a time-out in real
 * time.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class KasLockActionsTest extends KasLockTestBase {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneId.of("Australia/Sydney"));

    private KasLockActions actionsOf(InMemoryThing lock) {
        KasLockActions actions = new KasLockActions();
        actions.setThingHandler(lockHandler(lock));
        assertSame(lockHandler(lock), actions.getThingHandler());
        return actions;
    }

    private static String text(Map<String, Object> result, String key) {
        return assertInstanceOf(String.class, result.get(key), key);
    }

    private static void assertUnlockMap(Map<String, Object> result, boolean success, KasOutcome outcome) {
        assertEquals(
                List.of(KasLockActions.OUTPUT_SUCCESS, KasLockActions.OUTPUT_RESULT, KasLockActions.OUTPUT_MESSAGE),
                List.copyOf(result.keySet()), result.toString());
        assertEquals(success, result.get(KasLockActions.OUTPUT_SUCCESS), result.toString());
        assertEquals(outcome.name(), result.get(KasLockActions.OUTPUT_RESULT), result.toString());
        String message = text(result, KasLockActions.OUTPUT_MESSAGE);
        assertFalse(message.isBlank());
        assertNotContains(message, API_KEY);
    }

    private static String assertPinMap(Map<String, Object> result, boolean success, KasOutcome outcome) {
        assertEquals(List.of(KasLockActions.OUTPUT_SUCCESS, KasLockActions.OUTPUT_RESULT, KasLockActions.OUTPUT_MESSAGE,
                KasLockActions.OUTPUT_CODE), List.copyOf(result.keySet()), result.toString());
        assertEquals(success, result.get(KasLockActions.OUTPUT_SUCCESS), result.toString());
        assertEquals(outcome.name(), result.get(KasLockActions.OUTPUT_RESULT), result.toString());
        String message = text(result, KasLockActions.OUTPUT_MESSAGE);
        assertFalse(message.isBlank());
        assertNotContains(message, API_KEY);
        String code = text(result, KasLockActions.OUTPUT_CODE);
        if (!success) {
            assertEquals("", code);
        }
        return code;
    }

    // ---- unlock()

    @Test
    void unlockIsAcceptedAndShownOnTheChannels() {
        InMemoryThing front = startAccountAndFront();

        Map<String, Object> result = actionsOf(front).unlock();

        assertUnlockMap(result, true, KasOutcome.ACCEPTED);
        assertEquals(1, requests(Endpoint.UNLOCK).size());
        assertEquals(1, emulator.executedUnlocks().size());
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertEquals(new StringType(KasOutcome.ACCEPTED.name()), lastState(front, CHANNEL_LAST_RESULT));
        advancePastUnlockedDuration();
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertKeyedRequestsStay(1);
    }

    /**
     * openHAB runs the profiles linked to a channel on the thread that updates it; one that throws must not keep the
     * rule from its outcome.
     */
    @Test
    void anOutcomeThatCannotBePublishedStillReachesTheRule() {
        InMemoryThing front = startAccountAndFront();
        ChannelUID lastResult = new ChannelUID(front.getUID(), CHANNEL_LAST_RESULT);
        doThrow(new IllegalStateException("a linked profile failed")).when(recorder.callback())
                .stateUpdated(eq(lastResult), any());

        assertUnlockMap(actionsOf(front).unlock(), true, KasOutcome.ACCEPTED);
        String code = assertPinMap(actionsOf(front).generatePinCode(0, 24, START), true, KasOutcome.ACCEPTED);
        addSecret(code);
    }

    @ParameterizedTest
    @EnumSource(value = CloudFailure.class, mode = EnumSource.Mode.EXCLUDE, names = "TIMEOUT")
    void eachFailedUnlockIsReportedWithItsOutcome(CloudFailure failure) {
        assertFailedUnlockIsReportedWithItsOutcome(failure);
    }

    @Test
    void aTimedOutUnlockIsReportedWithItsOutcomeOverTheWire() {
        useTheWireTimeoutOfOverTheWireTests();
        assertFailedUnlockIsReportedWithItsOutcome(CloudFailure.TIMEOUT);
    }

    private void assertFailedUnlockIsReportedWithItsOutcome(CloudFailure failure) {
        InMemoryThing front = startAccountAndFront(failure.requestTimeoutSeconds());
        failure.apply(emulator, FRONT_FN);

        Map<String, Object> result = actionsOf(front).unlock();

        assertUnlockMap(result, false, failure.outcome());
        assertEquals(failure.requests(), requests(Endpoint.UNLOCK).size());
        assertEquals(List.of(), emulator.executedUnlocks());
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED)));
        assertEquals(new StringType(failure.outcome().name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_UNLOCK));
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
    }

    @Test
    void unlockWithNothingListeningIsACommunicationError() {
        InMemoryThing front = startAccountAndFront();
        emulator.close();

        Map<String, Object> result = actionsOf(front).unlock();

        assertUnlockMap(result, false, KasOutcome.COMMUNICATION_ERROR);
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED)));
    }

    @Test
    void anUnlockWaitingLongerThanUnlockMaxAgeExpiresAndIsNeverSent() {
        startAccount(accountConfig(Map.of(CONFIG_MAX_CONCURRENT_REQUESTS, 1, CONFIG_UNLOCK_MAX_AGE, 1)));
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        // the back door's unlock holds the only slot until the test releases its answer
        Fault slow = emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(BACK_FN).hold());
        command(back, CHANNEL_UNLOCK, OnOffType.ON);
        awaitHeld(slow, 1);

        CompletableFuture<Map<String, Object>> call = inBackground(actionsOf(front)::unlock);
        // the front door's unlock waits in the queue: its expiry timer and the action's wait bound are scheduled
        awaitLiveTimers(2);
        advance(Duration.ofSeconds(1).minus(TICK));
        assertEquals(List.of(), events(front));
        assertFalse(call.isDone());
        advance(TICK);

        Map<String, Object> result = resultOf(call);
        assertUnlockMap(result, false, KasOutcome.EXPIRED);
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(front));
        assertEquals(new StringType(KasOutcome.EXPIRED.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        // the back door's unlock completes, the front door's is never sent, not even late
        assertEquals(1, slow.release());
        await().atMost(WAIT).until(() -> events(back).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertKeyedRequestsStay(1);
        assertEquals(List.of(BACK_FN), requests(Endpoint.UNLOCK).stream().map(JournalEntry::factoryNumber).toList());
    }

    @Test
    void anUnlockWithoutOutcomeWithinTheWaitBoundIsATimeoutAndGoesOn() {
        InMemoryThing front = startAccountAndFront();
        Fault slow = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());

        CompletableFuture<Map<String, Object>> call = inBackground(actionsOf(front)::unlock);
        awaitHeld(slow, 1);
        // the bound: unlockMaxAge 10 s + 2 x requestTimeout 10 s + 2 s
        awaitLiveTimers(1);
        Duration bound = Duration.ofSeconds(32);
        assertEquals(clock.instant().plus(bound), timers.nextDue());
        advance(bound.minus(TICK));
        assertFalse(call.isDone());
        advance(TICK);

        Map<String, Object> result = resultOf(call);
        assertUnlockMap(result, false, KasOutcome.TIMEOUT);
        assertTrue(text(result, KasLockActions.OUTPUT_MESSAGE).startsWith("No outcome within 32 s"), result.toString());
        // the unlock goes on: its outcome shows on the channels when it comes
        assertEquals(List.of(), events(front));
        assertEquals(1, slow.release());
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertEquals(new StringType(KasOutcome.ACCEPTED.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(1, emulator.executedUnlocks().size());
        assertKeyedRequestsStay(1);
    }

    @Test
    void anUnlockBeyondTheQueueLimitIsRejectedAtOnce() {
        startAccount(accountConfig(Map.of(CONFIG_MAX_CONCURRENT_REQUESTS, 1, CONFIG_MAX_QUEUED_REQUESTS, 0)));
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        // the back door's unlock holds the only slot until the test releases its answer
        Fault slow = emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(BACK_FN).hold());
        command(back, CHANNEL_UNLOCK, OnOffType.ON);

        Map<String, Object> result = actionsOf(front).unlock();

        assertUnlockMap(result, false, KasOutcome.QUEUE_FULL);
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(front));
        awaitHeld(slow, 1);
        assertEquals(1, slow.release());
        await().atMost(WAIT).until(() -> events(back).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertEquals(List.of(BACK_FN), requests(Endpoint.UNLOCK).stream().map(JournalEntry::factoryNumber).toList());
    }

    @Test
    void anUnlockInFlightWhenTheAccountIsReconfiguredIsCancelled() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        // KAS has the unlock and does not answer it
        Fault slow = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        awaitHeld(slow, 1);

        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_UNLOCK_MAX_AGE, 20));

        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED)));
        assertEquals(new StringType(KasOutcome.CANCELLED.name()), lastState(front, CHANNEL_LAST_RESULT));
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        // the reconfiguration itself sends nothing: the cancelled unlock is not repeated
        assertKeyedRequestsStay(1);
    }

    @Test
    void unlockOnADisposedLockIsCancelledWithoutSending() {
        InMemoryThing front = startAccountAndFront();
        KasLockActions actions = actionsOf(front);
        dispose(front);

        Map<String, Object> result = actions.unlock();

        assertUnlockMap(result, false, KasOutcome.CANCELLED);
        assertKeyedRequestsStay(0);
    }

    @Test
    void unlockOnALockWithAnInvalidConfigurationIsInvalidInput() {
        startAccount();
        InMemoryThing front = createLock("front", lockConfig("SS-0510"));
        initialize(front);

        Map<String, Object> result = actionsOf(front).unlock();

        assertUnlockMap(result, false, KasOutcome.INVALID_INPUT);
        assertKeyedRequestsStay(0);
    }

    // ---- generatePinCode(...)

    @Test
    void aPinCodeIsTheCodeKasCreatedForTheGivenStartTime() {
        InMemoryThing front = startAccountAndFront();

        Map<String, Object> result = actionsOf(front).generatePinCode(0, 24, START);

        String code = assertPinMap(result, true, KasOutcome.ACCEPTED);
        assertEquals(KasCloudEmulator.pinFor(FRONT_FN, 0, 24, START.toEpochSecond()), code);
        assertFalse(text(result, KasLockActions.OUTPUT_MESSAGE).contains(code));
        List<JournalEntry> pins = requests(Endpoint.PIN_CODE);
        assertEquals(1, pins.size());
        assertEquals("POST", pins.getFirst().method());
        assertEquals("/api/lockCommand/pinCode/" + FRONT_FN, pins.getFirst().maskedPath());
        String body = pins.getFirst().body();
        assertTrue(body.contains("\"startTime\":" + START.toEpochSecond()), body);
        assertTrue(body.contains("\"mode\":0"), body);
        assertTrue(body.contains("\"duration\":24"), body);
        assertTrue(body.contains("\"apiKey\":\"***\""), body);
        assertEquals(List.of(), requests(Endpoint.UNLOCK));
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_PIN_CODE_CREATED)));
        assertEquals(new StringType(KasOutcome.ACCEPTED.name()), lastState(front, CHANNEL_LAST_RESULT));
        // a PIN code opens nothing: the switches and last-unlock stay as they were
        assertEquals(List.of(OnOffType.OFF), states(front, CHANNEL_UNLOCK));
        assertEquals(List.of(), states(front, CHANNEL_LAST_UNLOCK));
        // the code is handed to the caller only
        addSecret(code);
    }

    @Test
    void aPinCodeWithALeadingZeroStaysText() {
        InMemoryThing front = startAccountAndFront();
        long start = 1_800_000_000L;
        while (!KasCloudEmulator.pinFor(FRONT_FN, 1, 61, start).startsWith("0")) {
            start++;
        }
        ZonedDateTime startTime = ZonedDateTime.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC);

        Map<String, Object> result = actionsOf(front).generatePinCode(1, 61, startTime);

        String code = assertPinMap(result, true, KasOutcome.ACCEPTED);
        assertEquals(KasCloudEmulator.pinFor(FRONT_FN, 1, 61, start), code);
        assertEquals(8, code.length());
        assertTrue(code.startsWith("0"), code);
    }

    @Test
    void withoutStartTimeThePinCodeStartsNow() {
        InMemoryThing front = startAccountAndFront();
        // now is the handlers' clock
        long now = clock.instant().getEpochSecond();

        Map<String, Object> result = actionsOf(front).generatePinCode(0, 24, null);

        String code = assertPinMap(result, true, KasOutcome.ACCEPTED);
        assertEquals(KasCloudEmulator.pinFor(FRONT_FN, 0, 24, now), code);
        assertTrue(requests(Endpoint.PIN_CODE).getFirst().body().contains("\"startTime\":" + now));
    }

    @Test
    void pinCodesAtTheLimitsOfTheRangesAreAccepted() {
        InMemoryThing front = startAccountAndFront();
        KasLockActions actions = actionsOf(front);
        ZonedDateTime epoch = ZonedDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        ZonedDateTime last = ZonedDateTime.of(2038, 1, 19, 3, 14, 7, 0, ZoneOffset.UTC);

        String first = assertPinMap(actions.generatePinCode(0, 0, epoch), true, KasOutcome.ACCEPTED);
        String second = assertPinMap(actions.generatePinCode(1, 61, last), true, KasOutcome.ACCEPTED);

        assertEquals(KasCloudEmulator.pinFor(FRONT_FN, 0, 0, 0), first);
        assertEquals(KasCloudEmulator.pinFor(FRONT_FN, 1, 61, Integer.MAX_VALUE), second);
        assertEquals(2, requests(Endpoint.PIN_CODE).size());
    }

    @Test
    void aPinCodeNeedsNoGateway() {
        InMemoryThing front = startAccountAndFront();
        emulator.setGatewayOnline(FRONT_FN, false);

        Map<String, Object> result = actionsOf(front).generatePinCode(0, 24, START);

        assertPinMap(result, true, KasOutcome.ACCEPTED);
        assertEquals(ThingStatus.ONLINE, front.getStatus());
    }

    static Stream<Arguments> invalidPinInputs() {
        ZonedDateTime beforeEpoch = ZonedDateTime.of(1969, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC);
        ZonedDateTime after2038 = ZonedDateTime.of(2038, 1, 19, 3, 14, 8, 0, ZoneOffset.UTC);
        return Stream.of( //
                Arguments.of(null, 24, START, "mode is required: 0 or 1"), //
                Arguments.of(0, null, START, "duration is required: 0 to 61"), //
                Arguments.of(null, null, null, "mode is required: 0 or 1"), //
                Arguments.of(-1, 24, START, "mode must be between 0 and 1, was -1"), //
                Arguments.of(2, 24, START, "mode must be between 0 and 1, was 2"), //
                Arguments.of(0, -1, START, "duration must be between 0 and 61, was -1"), //
                Arguments.of(0, 62, START, "duration must be between 0 and 61, was 62"), //
                Arguments.of(0, 24, beforeEpoch, "startTime must be between 0 and 2147483647 (epoch seconds), was -1"), //
                Arguments.of(0, 24, after2038,
                        "startTime must be between 0 and 2147483647 (epoch seconds), was 2147483648"), //
                Arguments.of(0, 24, ZonedDateTime.of(3000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        "startTime must be between 0 and 2147483647 (epoch seconds)"));
    }

    @ParameterizedTest(name = "mode={0} duration={1} startTime={2}")
    @MethodSource("invalidPinInputs")
    void invalidPinInputIsRefusedWithoutSendingOrChangingAnyChannel(@Nullable Integer mode, @Nullable Integer duration,
            @Nullable ZonedDateTime startTime, String message) {
        InMemoryThing front = startAccountAndFront();
        int states = recorder.stateUpdates().size();
        int events = recorder.triggerEvents().size();
        int statuses = recorder.statusUpdates().size();

        Map<String, Object> result = actionsOf(front).generatePinCode(mode, duration, startTime);

        assertPinMap(result, false, KasOutcome.INVALID_INPUT);
        assertTrue(text(result, KasLockActions.OUTPUT_MESSAGE).startsWith(message),
                text(result, KasLockActions.OUTPUT_MESSAGE));
        assertKeyedRequestsStay(0);
        assertEquals(states, recorder.stateUpdates().size());
        assertEquals(events, recorder.triggerEvents().size());
        assertEquals(statuses, recorder.statusUpdates().size());
        assertEquals(ThingStatus.ONLINE, front.getStatus());
    }

    /**
     * How a PIN code request can fail at the cloud, with the outcome and the number of requests (500 and 504 are
     * retried once).
     *
     * @author KAS binding contributors - Initial contribution
     */
    enum PinFailure {
        NOT_ADMIN(KasOutcome.NOT_ADMIN, 1),
        LOCK_NOT_FOUND(KasOutcome.LOCK_NOT_FOUND, 1),
        INVALID_TOKEN(KasOutcome.INVALID_TOKEN, 1),
        SERVER_ERROR_RETRIED_ONCE(KasOutcome.SERVER_ERROR, 2),
        GATEWAY_TIMEOUT_RETRIED_ONCE(KasOutcome.GATEWAY_TIMEOUT, 2),
        SERVICE_UNAVAILABLE(KasOutcome.SERVICE_UNAVAILABLE, 1),
        TIMEOUT(KasOutcome.TIMEOUT, 1),
        CONNECTION_RESET(KasOutcome.COMMUNICATION_ERROR, 1),
        INVALID_PARAMETERS(KasOutcome.REJECTED, 1),
        HTML_INSTEAD_OF_CODE(KasOutcome.UNEXPECTED_RESPONSE, 1),
        OVERSIZED_CODE(KasOutcome.UNEXPECTED_RESPONSE, 1);

        final KasOutcome outcome;
        final int requests;

        PinFailure(KasOutcome outcome, int requests) {
            this.outcome = outcome;
            this.requests = requests;
        }

        void apply(KasCloudEmulator emulator) {
            Fault fault = Fault.on(Endpoint.PIN_CODE).forLock(FRONT_FN);
            switch (this) {
                case NOT_ADMIN -> emulator.setAdmin(FRONT_FN, false);
                case LOCK_NOT_FOUND -> emulator.removeLock(FRONT_FN);
                case INVALID_TOKEN -> emulator.removeAccount(API_KEY);
                case SERVER_ERROR_RETRIED_ONCE -> emulator.addFault(fault.respond(500, "text/plain", "Unknown Error"));
                case GATEWAY_TIMEOUT_RETRIED_ONCE -> emulator.addFault(fault.gatewayTimeout());
                case SERVICE_UNAVAILABLE -> emulator.addFault(fault.htmlErrorPage(503));
                case TIMEOUT -> emulator.addFault(fault.silent());
                case CONNECTION_RESET -> emulator.addFault(fault.resetConnection());
                case INVALID_PARAMETERS ->
                    emulator.addFault(fault.respond(400, "text/plain; charset=utf-8", "Invalid parameters."));
                case HTML_INSTEAD_OF_CODE -> emulator.addFault(fault
                        .malformedPin("<html><head><title>Maintenance</title></head><body>Back soon</body></html>"));
                case OVERSIZED_CODE -> emulator.addFault(fault.oversizedBody(100_000));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PinFailure.class, mode = EnumSource.Mode.EXCLUDE, names = "TIMEOUT")
    void eachFailedPinCodeRequestIsReportedWithItsOutcome(PinFailure failure) {
        assertFailedPinCodeRequestIsReportedWithItsOutcome(failure);
    }

    @Test
    void aTimedOutPinCodeRequestIsReportedWithItsOutcomeOverTheWire() {
        useTheWireTimeoutOfOverTheWireTests();
        assertFailedPinCodeRequestIsReportedWithItsOutcome(PinFailure.TIMEOUT);
    }

    private void assertFailedPinCodeRequestIsReportedWithItsOutcome(PinFailure failure) {
        InMemoryThing front = startAccountAndFront(failure == PinFailure.TIMEOUT ? 1 : 10);
        failure.apply(emulator);

        Map<String, Object> result = actionsOf(front).generatePinCode(0, 24, START);

        assertPinMap(result, false, failure.outcome);
        assertEquals(failure.requests, requests(Endpoint.PIN_CODE).size());
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_PIN_CODE_FAILED)));
        assertEquals(new StringType(failure.outcome.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(List.of(), requests(Endpoint.UNLOCK));
        assertEquals(List.of(OnOffType.OFF), states(front, CHANNEL_UNLOCK));
    }

    // ---- static helpers and actions without handler

    @Test
    void theStaticHelpersForDslRulesBehaveLikeTheMethods() {
        InMemoryThing front = startAccountAndFront();
        KasLockActions actions = actionsOf(front);

        Map<String, Object> unlock = KasLockActions.unlock(actions);
        Map<String, Object> pin = KasLockActions.generatePinCode(actions, 1, 12, START);
        Map<String, Object> invalid = KasLockActions.generatePinCode(actions, 0, 99, START);

        assertUnlockMap(unlock, true, KasOutcome.ACCEPTED);
        String code = assertPinMap(pin, true, KasOutcome.ACCEPTED);
        assertEquals(KasCloudEmulator.pinFor(FRONT_FN, 1, 12, START.toEpochSecond()), code);
        assertPinMap(invalid, false, KasOutcome.INVALID_INPUT);
        assertEquals(1, requests(Endpoint.UNLOCK).size());
        assertEquals(1, requests(Endpoint.PIN_CODE).size());
    }

    @Test
    void actionsWithoutALockHandlerSendNothing() {
        InMemoryBridge account = startAccount();
        KasLockActions withoutHandler = new KasLockActions();
        KasLockActions withAccountHandler = new KasLockActions();
        withAccountHandler.setThingHandler(accountHandler(account));

        for (KasLockActions actions : List.of(withoutHandler, withAccountHandler)) {
            assertNull(actions.getThingHandler());
            assertUnlockMap(actions.unlock(), false, KasOutcome.INVALID_INPUT);
            assertPinMap(actions.generatePinCode(0, 24, START), false, KasOutcome.INVALID_INPUT);
            assertUnlockMap(KasLockActions.unlock(actions), false, KasOutcome.INVALID_INPUT);
            assertPinMap(KasLockActions.generatePinCode(actions, 0, 24, null), false, KasOutcome.INVALID_INPUT);
        }
        assertKeyedRequestsStay(0);
    }
}
