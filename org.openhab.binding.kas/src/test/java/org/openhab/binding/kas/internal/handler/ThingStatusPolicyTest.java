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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.binding.kas.internal.action.KasLockActions;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Transport;
import org.openhab.binding.kas.internal.test.CloudFailure;
import org.openhab.binding.kas.internal.test.KasLockTestBase;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

import ch.qos.logback.classic.Level;

/**
 * Which thing status a request's failure changes, and what is logged at which level: only a failure that proves a
 * configuration problem changes a status (a rejected key the account's, a lock KAS does not let this account use the
 * lock's); whether the cloud is gone is for the account's key-less check to find ({@link CloudReachability}); a
 * lock's configuration problem lasts through the bridge's ups and downs until something could have changed it; only a
 * full queue is a warning.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class ThingStatusPolicyTest extends KasLockTestBase {

    /** The account's statuses and the statuses of its two locks, to compare before and after. */
    private record Statuses(List<ThingStatusInfo> account, List<ThingStatusInfo> front, List<ThingStatusInfo> back) {
    }

    /** The transport of the accounts created from now on, {@code null}: the base class's. */
    private @Nullable HttpTransport transportForNewAccounts;

    @Override
    protected HttpTransport transport() {
        HttpTransport chosen = transportForNewAccounts;
        return chosen == null ? super.transport() : chosen;
    }

    private Statuses statuses(Thing account, Thing front, Thing back) {
        recorder.awaitNotificationsDelivered();
        return new Statuses(statuses(account), statuses(front), statuses(back));
    }

    /**
     * @return the number of key-less checks ({@code GET /}) the emulator received and answered, the account's check
     *         at initialization included
     */
    private long answeredChecks() {
        return requests(Endpoint.ROOT).stream().filter(r -> r.status() != 0).count();
    }

    /**
     * Waits until the emulator has received and answered this many key-less checks in all.
     */
    private void awaitAnsweredChecks(long count) {
        await().atMost(WAIT).until(() -> answeredChecks() == count);
    }

    /**
     * @return the number of key-less checks the account sent (its client's log), also those the cloud never saw
     */
    private long checksSent() {
        return logLines(KasCloudClient.class, Level.DEBUG, " GET " + baseUrl + "/ (").size();
    }

    /**
     * Sends an unlock of the lock and checks its outcome.
     */
    private static void assertUnlockOutcome(Thing lock, KasOutcome expected) {
        KasResult result = unlockAndWait(lock);
        assertEquals(expected, result.outcome(), result.message());
    }

    /**
     * A PIN code request of the lock that succeeds, as a point of reference: a check that an earlier outcome started
     * (on the thread that completed it, right after the waiting caller was woken) is sent before this request is
     * answered, so that a check sent by mistake shows in the journal. It cannot prove that no check ever comes, but a
     * binding that works never fails it.
     */
    private static void assertPinCodeCreated(Thing lock) {
        KasResult result = pinCodeAndWait(lock);
        assertEquals(KasOutcome.ACCEPTED, result.outcome(), result.message());
    }

    // ---- each failure of a request, and the statuses it leaves

    @ParameterizedTest
    @EnumSource(value = CloudFailure.class, mode = EnumSource.Mode.EXCLUDE, names = "TIMEOUT")
    void aFailedRequestChangesAStatusOnlyWhenItProvesAConfigurationProblem(CloudFailure failure) {
        assertStatusesAfter(failure);
    }

    @Test
    void aTimedOutRequestChangesNoStatusOverTheWire() {
        useTheWireTimeoutOfOverTheWireTests();
        assertStatusesAfter(CloudFailure.TIMEOUT);
    }

    private void assertStatusesAfter(CloudFailure failure) {
        InMemoryBridge account = startAccount(
                accountConfig(Map.of(CONFIG_REQUEST_TIMEOUT, failure.requestTimeoutSeconds())));
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        // the account's own check at initialization is 10 s ago: a failure may start another one
        advance(CloudReachability.MIN_CHECK_INTERVAL);
        Statuses before = statuses(account, front, back);
        KasLockActions actions = new KasLockActions();
        actions.setThingHandler(lockHandler(front));
        failure.apply(emulator, FRONT_FN);

        Map<String, Object> result = actions.unlock();

        // the outcome shows on the action's result, on last-result and on the event channel
        assertEquals(false, result.get(KasLockActions.OUTPUT_SUCCESS), result.toString());
        assertEquals(failure.outcome().name(), result.get(KasLockActions.OUTPUT_RESULT), result.toString());
        assertEquals(new StringType(failure.outcome().name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(front));
        long checks = failure.accountChecksTheCloud() ? 2 : 1;
        awaitAnsweredChecks(checks);
        ThingStatusDetail lockDetail = failure.lockDetail();
        if (failure == CloudFailure.INVALID_TOKEN) {
            ThingStatusInfo rejected = awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
            assertEquals("@text/offline.invalid-token", rejected.getDescription());
            awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            awaitStatus(back, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
            assertEquals(before.account().size() + 1, statuses(account).size());
        } else if (lockDetail != null) {
            ThingStatusInfo error = awaitStatus(front, ThingStatus.OFFLINE, lockDetail);
            assertEquals(failure.descriptionKey() + " [\"" + FRONT_FN + "\"]", error.getDescription());
            assertPinCodeCreated(back);
            Statuses after = statuses(account, front, back);
            assertEquals(before.account(), after.account());
            assertEquals(before.back(), after.back());
            assertEquals(List.of(error), after.front().subList(before.front().size(), after.front().size()));
        } else {
            // about this one request: every status stays as it was, ONLINE
            assertPinCodeCreated(back);
            assertEquals(before, statuses(account, front, back));
            assertEquals(ThingStatus.ONLINE, account.getStatus());
            assertEquals(ThingStatus.ONLINE, front.getStatus());
        }
        // a check only after a failure that may mean the cloud is gone, answered: the account stays as it is
        assertEquals(checks, requests(Endpoint.ROOT).size());
    }

    @Test
    void aLockWhoseGatewayIsOfflineStillCreatesPinCodesAndStaysOnline() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        Statuses before = statuses(account, front, back);
        emulator.setGatewayOnline(FRONT_FN, false);

        assertUnlockOutcome(front, KasOutcome.GATEWAY_TIMEOUT);
        KasResult pin = pinCodeAndWait(front);

        assertEquals(KasOutcome.ACCEPTED, pin.outcome(), pin.message());
        assertNotNull(pin.code());
        assertEquals(List.of(EVENT_UNLOCK_FAILED, EVENT_PIN_CODE_CREATED), events(front));
        assertEquals(before, statuses(account, front, back));
        assertEquals(ThingStatus.ONLINE, front.getStatus());
    }

    // ---- whether the cloud answers: the account's check

    @Test
    void aConnectionFailureChecksTheCloudOnceAndTheAccountStaysOnlineWhileItAnswers() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        advance(CloudReachability.MIN_CHECK_INTERVAL);
        Statuses before = statuses(account, front, back);
        emulator.addFault(Fault.on(Endpoint.UNLOCK).resetConnection());

        assertUnlockOutcome(front, KasOutcome.COMMUNICATION_ERROR);

        awaitAnsweredChecks(2);
        // a second failure within 10 s of that check sends none
        advance(CloudReachability.MIN_CHECK_INTERVAL.minus(TICK));
        assertUnlockOutcome(front, KasOutcome.COMMUNICATION_ERROR);
        assertPinCodeCreated(back);
        assertEquals(2, requests(Endpoint.ROOT).size());
        // a failure 10 s after it does
        advance(TICK);
        assertUnlockOutcome(back, KasOutcome.COMMUNICATION_ERROR);
        awaitAnsweredChecks(3);
        assertPinCodeCreated(back);
        assertEquals(3, requests(Endpoint.ROOT).size());
        assertEquals(before, statuses(account, front, back));
    }

    @Test
    void aFailureSoonAfterACheckIsCheckedWhenTheIntervalIsOver() {
        InMemoryBridge account = startAccount(); // checks the cloud as it starts
        InMemoryThing front = startLock("front", FRONT_FN);
        advance(Duration.ofSeconds(4));
        emulator.addFault(Fault.any().resetConnection());

        assertUnlockOutcome(front, KasOutcome.COMMUNICATION_ERROR);

        // 4 s after the start's check: no check yet, and the account stays ONLINE ...
        advance(CloudReachability.MIN_CHECK_INTERVAL.minus(Duration.ofSeconds(4)).minus(TICK));
        assertEquals(1, checksSent());
        assertEquals(ThingStatus.ONLINE, account.getStatus());
        // ... until the interval is over: then the check runs, fails and takes the account OFFLINE
        advance(TICK);
        awaitUnreachable(account);
        assertEquals(2, checksSent());
    }

    @Test
    void anAnswerBeforeTheIntervalIsOverMakesTheWaitingCheckUnnecessary() {
        startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        advance(Duration.ofSeconds(4));
        emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).resetConnection());
        assertUnlockOutcome(front, KasOutcome.COMMUNICATION_ERROR);
        assertEquals(1, timers.liveTasks(), "the check waits for the interval to be over");

        assertPinCodeCreated(front);

        assertEquals(0, timers.liveTasks(), "the answer shows that the cloud is there");
        advanceWithoutAnyTimer(Duration.ofMinutes(1));
        assertEquals(1, checksSent());
    }

    @Test
    void aFailureWhileTheCheckRunsSendsNoSecondCheck() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        Fault check = emulator.addFault(Fault.on(Endpoint.ROOT).hold());
        emulator.addFault(Fault.on(Endpoint.UNLOCK).htmlErrorPage(503));
        advance(CloudReachability.MIN_CHECK_INTERVAL);
        assertUnlockOutcome(front, KasOutcome.SERVICE_UNAVAILABLE);
        awaitHeld(check, 1);

        // the check still runs 10 s later
        advance(CloudReachability.MIN_CHECK_INTERVAL);
        assertUnlockOutcome(front, KasOutcome.SERVICE_UNAVAILABLE);
        assertPinCodeCreated(front);

        assertEquals(1, check.hits());
        assertEquals(1, check.release());
        awaitAnsweredChecks(2);
        assertEquals(List.of(ThingStatus.UNKNOWN, ThingStatus.ONLINE),
                statuses(account).stream().map(ThingStatusInfo::getStatus).toList());
    }

    /**
     * How the cloud can be gone, and the description the account then shows.
     *
     * @author KAS binding contributors - Initial contribution
     */
    enum CloudGone {
        /** Nothing listens any more: the connection is refused, the description names host and port. */
        CLOSED,
        /** The cloud cuts every connection: the description names the URL. */
        RESETTING
    }

    @ParameterizedTest
    @EnumSource(CloudGone.class)
    void withTheCloudGoneTheCheckTakesTheAccountOfflineAndItComesBackByItself(CloudGone gone) {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        advance(CloudReachability.MIN_CHECK_INTERVAL);
        String expected;
        if (gone == CloudGone.CLOSED) {
            emulator.close();
            expected = statusText("offline.cloud-unreachable.refused", URI.create(baseUrl).getAuthority(), "5");
        } else {
            emulator.addFault(Fault.any().resetConnection());
            expected = statusText("offline.cloud-unreachable.other", baseUrl, "5");
        }

        assertUnlockOutcome(front, KasOutcome.COMMUNICATION_ERROR);

        ThingStatusInfo offline = awaitUnreachable(account);
        assertEquals(expected, offline.getDescription());
        assertEquals(clock.instant().plusSeconds(5), timers.nextDue());
        awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        assertEquals(2, checksSent());

        if (gone == CloudGone.CLOSED) {
            restartEmulatorOnSamePort();
        } else {
            emulator.clearFaults();
        }
        advance(Duration.ofSeconds(5));

        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertEquals(3, checksSent());
        assertEquals(0, timers.liveTasks(), "no recheck is left");
    }

    @Test
    void aFailedSecureConnectionIsDescribedAsSuch() throws Exception {
        // https to the emulator, which speaks plain HTTP only: the TLS handshake fails
        HttpClient secure = new HttpClient(new SslContextFactory.Client());
        secure.start();
        try {
            transportForNewAccounts = new Jetty9Transport(secure);
            InMemoryBridge account = createAccount(
                    accountConfig(Map.of(CONFIG_BASE_URL, "https://127.0.0.1:" + emulator.port())));

            initialize(account);

            ThingStatusInfo offline = awaitUnreachable(account);
            assertEquals(statusText("offline.cloud-unreachable.tls", "127.0.0.1", "5"), offline.getDescription(),
                    () -> logs.texts().toString());
            dispose(account);
        } finally {
            secure.stop();
        }
    }

    @Test
    void whileARecheckIsScheduledAFailedRequestSendsNoCheckAndTheDelayDoubles() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        advance(CloudReachability.MIN_CHECK_INTERVAL);
        emulator.addFault(Fault.any().resetConnection());
        assertUnlockOutcome(front, KasOutcome.COMMUNICATION_ERROR);
        awaitUnreachable(account);
        // the rechecks after 5 s and 10 s fail too: the next one is due 20 s after the last
        advance(Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> String.valueOf(lastDescription(account)).endsWith(", \"10\"]"));
        awaitLiveTimers(1);
        advance(Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> String.valueOf(lastDescription(account)).endsWith(", \"20\"]"));
        awaitLiveTimers(1);
        assertEquals(4, checksSent());

        // more than 10 s after the last check, but its recheck is scheduled: a failure sends no check
        advance(CloudReachability.MIN_CHECK_INTERVAL.plus(TICK));
        assertUnlockOutcome(front, KasOutcome.COMMUNICATION_ERROR);
        assertEquals(4, checksSent());

        emulator.clearFaults();
        advance(Duration.ofSeconds(20).minus(CloudReachability.MIN_CHECK_INTERVAL.plus(TICK)));
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertEquals(5, checksSent());
    }

    // ---- a lock's configuration problem and what ends it

    /**
     * What ends a lock's configuration problem that KAS reported.
     *
     * @author KAS binding contributors - Initial contribution
     */
    enum Remedy {
        /** A later request of the lock succeeds. */
        SUCCESS,
        /** The lock's configuration is changed (openHAB initializes the handler again). */
        LOCK_RECONFIGURED,
        /** The lock's handler is disposed and initialized again. */
        LOCK_REINITIALIZED,
        /** The account gets another API key, whose account is an admin of the lock. */
        NEW_KEY
    }

    @ParameterizedTest
    @EnumSource(Remedy.class)
    void aLocksConfigurationErrorSurvivesTheBridgesUpsAndDownsUntilSomethingCouldHaveChangedIt(Remedy remedy) {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        emulator.setAdmin(FRONT_FN, false);
        assertUnlockOutcome(front, KasOutcome.NOT_ADMIN);
        ThingStatusInfo error = awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals("@text/offline.not-admin [\"" + FRONT_FN + "\"]", error.getDescription());

        // the bridge goes OFFLINE and ONLINE again, as openHAB tells its children
        lockHandler(front).bridgeStatusChanged(
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, null));
        lockHandler(front).bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        assertEquals(error, front.getStatusInfo());
        // the account is reconfigured with the same key: UNKNOWN, then ONLINE
        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_REQUEST_TIMEOUT, 5));
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        recorder.awaitNotificationsDelivered();
        assertEquals(error, front.getStatusInfo());
        assertEquals(List.of(ThingStatus.UNKNOWN, ThingStatus.ONLINE, ThingStatus.UNKNOWN, ThingStatus.ONLINE),
                statuses(account).stream().map(ThingStatusInfo::getStatus).toList());

        switch (remedy) {
            case SUCCESS -> {
                emulator.setAdmin(FRONT_FN, true);
                assertUnlockOutcome(front, KasOutcome.ACCEPTED);
            }
            case LOCK_RECONFIGURED -> lockHandler(front).handleConfigurationUpdate(Map.of(CONFIG_UNLOCKED_DURATION, 3));
            case LOCK_REINITIALIZED -> {
                dispose(front);
                initialize(front);
            }
            case NEW_KEY -> {
                emulator.addAccount(OTHER_API_KEY);
                emulator.addLock(FRONT_FN, OTHER_API_KEY, true, true);
                accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_API_KEY, OTHER_API_KEY));
            }
        }

        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        if (remedy == Remedy.NEW_KEY) {
            awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
            assertUnlockOutcome(front, KasOutcome.ACCEPTED);
        }
        recorder.awaitNotificationsDelivered();
        assertEquals(ThingStatus.ONLINE, front.getStatus());
    }

    @Test
    void aLocksConfigurationErrorSurvivesTheAccountFindingTheCloudGoneAndBack() {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        emulator.removeLock(FRONT_FN);
        assertUnlockOutcome(front, KasOutcome.LOCK_NOT_FOUND);
        ThingStatusInfo error = awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        assertEquals("@text/offline.lock-not-found [\"" + FRONT_FN + "\"]", error.getDescription());

        // the cloud is gone: the other lock's failure makes the account check, and the check fails
        advance(CloudReachability.MIN_CHECK_INTERVAL);
        emulator.close();
        assertUnlockOutcome(back, KasOutcome.COMMUNICATION_ERROR);
        awaitUnreachable(account);
        awaitStatus(back, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        recorder.awaitNotificationsDelivered();
        assertEquals(error, front.getStatusInfo());
        // it is back (and knows the lock again), the recheck finds it
        restartEmulatorOnSamePort();
        advance(Duration.ofSeconds(5));
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        awaitStatus(back, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        recorder.awaitNotificationsDelivered();

        assertEquals(List.of(ThingStatus.ONLINE, ThingStatus.OFFLINE),
                statuses(front).stream().map(ThingStatusInfo::getStatus).toList());
        assertEquals(error, front.getStatusInfo());
        // the next success of the lock ends it
        assertUnlockOutcome(front, KasOutcome.ACCEPTED);
        assertEquals(ThingStatus.ONLINE, front.getStatus());
    }

    // ---- log levels

    /**
     * Sends an unlock of the back door that the emulator holds: with one request at a time, it holds the account's
     * only slot until the test releases it.
     */
    private Fault holdTheOnlySlotWithAnUnlockOf(Thing back) {
        Fault slot = emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(BACK_FN).hold());
        command(back, CHANNEL_UNLOCK, OnOffType.ON);
        awaitHeld(slot, 1);
        return slot;
    }

    @Test
    void aRejectedKeyALockKasDoesNotLetTheAccountUseAndAnExpiredUnlockAreNoWarnings() {
        startAccount(accountConfig(Map.of(CONFIG_MAX_CONCURRENT_REQUESTS, 1, CONFIG_UNLOCK_MAX_AGE, 1)));
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        // EXPIRED: the back door's unlock holds the only slot while the front door's waits past unlockMaxAge
        Fault slot = holdTheOnlySlotWithAnUnlockOf(back);
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        awaitLiveTimers(1);
        advance(Duration.ofSeconds(1));
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED)));
        assertEquals(new StringType(KasOutcome.EXPIRED.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(1, slot.release());
        await().atMost(WAIT).until(() -> events(back).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        emulator.clearFaults();
        // NOT_ADMIN, LOCK_NOT_FOUND, INVALID_TOKEN
        emulator.setAdmin(FRONT_FN, false);
        assertUnlockOutcome(front, KasOutcome.NOT_ADMIN);
        emulator.removeLock(BACK_FN);
        assertUnlockOutcome(back, KasOutcome.LOCK_NOT_FOUND);
        emulator.removeAccount(API_KEY);
        assertUnlockOutcome(front, KasOutcome.INVALID_TOKEN);

        assertEquals(List.of(), bindingWarnings());
        assertOneDebugLine(OutcomeReporter.class, front.getUID() + ": " + KasOutcome.EXPIRED + " (");
        assertOneDebugLine(OutcomeReporter.class, front.getUID() + ": " + KasOutcome.NOT_ADMIN + " (");
        assertOneDebugLine(OutcomeReporter.class, back.getUID() + ": " + KasOutcome.LOCK_NOT_FOUND + " (");
        assertOneDebugLine(OutcomeReporter.class, front.getUID() + ": " + KasOutcome.INVALID_TOKEN + " (");
        assertOneDebugLine(KasAccountHandler.class, "KAS rejected the API key of account " + ACCOUNT_UID);
    }

    private void assertOneDebugLine(Class<?> logger, String part) {
        List<LogCapture.Event> lines = logLines(logger, Level.DEBUG, part);
        assertEquals(1, lines.size(), () -> "debug lines with '" + part + "': " + logs.texts());
    }

    @Test
    void aFullQueueIsAWarningAndNoStatus() {
        InMemoryBridge account = startAccount(
                accountConfig(Map.of(CONFIG_MAX_CONCURRENT_REQUESTS, 1, CONFIG_MAX_QUEUED_REQUESTS, 0)));
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        Statuses before = statuses(account, front, back);
        Fault slot = holdTheOnlySlotWithAnUnlockOf(back);

        assertUnlockOutcome(front, KasOutcome.QUEUE_FULL);

        List<LogCapture.Event> warnings = bindingWarnings();
        assertEquals(1, warnings.size(), warnings::toString);
        LogCapture.Event warning = warnings.getFirst();
        assertEquals(Level.WARN, warning.level());
        assertEquals(OutcomeReporter.class.getName(), warning.logger());
        assertTrue(warning.text().startsWith("Unlock of lock " + front.getUID() + " failed: "), warning.text());
        assertEquals(1, slot.release());
        await().atMost(WAIT).until(() -> events(back).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertEquals(before, statuses(account, front, back));
        assertEquals(1, bindingWarnings().size());
    }
}
