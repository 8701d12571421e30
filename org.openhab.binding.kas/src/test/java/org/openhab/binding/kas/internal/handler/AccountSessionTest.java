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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openhab.binding.kas.internal.api.ApiKey;
import org.openhab.binding.kas.internal.api.CloudBaseUrl;
import org.openhab.binding.kas.internal.api.FactoryNumber;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.PinCodeRequest;
import org.openhab.binding.kas.internal.api.gate.RequestGate;
import org.openhab.binding.kas.internal.config.AccountSettings;
import org.openhab.binding.kas.internal.handler.RecordingCloudClient.Call;
import org.openhab.binding.kas.internal.handler.RecordingCloudClient.Kind;
import org.openhab.binding.kas.internal.test.ManualClock;
import org.openhab.binding.kas.internal.test.ManualScheduler;

/**
 * Tests of {@link AccountSession} with a real {@link RequestGate} and {@link CloudReachability} on
 * {@link ManualClock} and {@link ManualScheduler}, and a recording client: unlocks carry the session's key, are
 * merged per lock and never sent after {@code requestedAt + unlockMaxAge} (which {@code extendUnlock} moves on), a
 * waiting unlock can be withdrawn, the retry rules of unlocks and PIN code requests, and what rejecting the key and
 * closing the session end.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class AccountSessionTest {

    private static final String SESSION_API_KEY = "account-session-test.api-key.0123456789";
    private static final Duration UNLOCK_MAX_AGE = Duration.ofSeconds(30);
    private static final Duration MILLI = Duration.ofMillis(1);
    private static final FactoryNumber FRONT = FactoryNumber.parse("SS000510");
    private static final FactoryNumber BACK = FactoryNumber.parse("SS000511");
    private static final PinCodeRequest PIN_REQUEST = PinCodeRequest.of(1, 60, 1_700_000_000L);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingCloudClient client = new RecordingCloudClient();
    private final CloudReachability reachability = new CloudReachability(client, scheduler, clock,
            new CloudReachability.Listener() {
                @Override
                public void reachable() {
                }

                @Override
                public void unreachable(KasResult result, Duration nextCheckIn) {
                }
            });

    /** @return a session whose gate lets this many calls be in flight (and 5 wait) */
    private AccountSession session(int maxConcurrent) {
        AccountSettings settings = new AccountSettings(ApiKey.parse(SESSION_API_KEY),
                CloudBaseUrl.parse("http://127.0.0.1:1"), Duration.ofSeconds(5), UNLOCK_MAX_AGE, maxConcurrent, 5);
        return new AccountSession(settings, client, new RequestGate(maxConcurrent, 5, scheduler, clock), reachability);
    }

    /** @return a session with one call in flight (a PIN code request) and an unlock of the front lock waiting */
    private CompletableFuture<KasResult> unlockWaitingBehindAPinCodeRequest(AccountSession session) {
        session.createPinCode(BACK, PIN_REQUEST);
        CompletableFuture<KasResult> unlock = session.unlock(FRONT, clock.instant());
        assertEquals(0, client.calls(Kind.UNLOCK).size());
        return unlock;
    }

    private static KasOutcome outcomeOf(CompletableFuture<KasResult> future) {
        assertTrue(future.isDone(), "no result yet");
        return future.join().outcome();
    }

    @Test
    void anUnlockIsSentForItsLockWithTheSessionsKeyAndGetsTheAnswer() {
        CompletableFuture<KasResult> unlock = session(1).unlock(FRONT, clock.instant());

        Call call = client.last(Kind.UNLOCK);
        assertEquals(FRONT, call.lock());
        assertEquals(ApiKey.parse(SESSION_API_KEY), call.key());
        KasResult accepted = KasResult.accepted("Unlocked.", 200);
        call.answer().complete(accepted);
        assertEquals(accepted, unlock.join());
    }

    @Test
    void aPinCodeRequestIsSentWithTheRequestAndTheSessionsKey() {
        CompletableFuture<KasResult> pin = session(1).createPinCode(FRONT, PIN_REQUEST);

        Call call = client.last(Kind.PIN_CODE);
        assertEquals(FRONT, call.lock());
        assertEquals(ApiKey.parse(SESSION_API_KEY), call.key());
        assertEquals(PIN_REQUEST, call.pinRequest());
        call.answer().complete(KasResult.pinCode("1234", 200));
        assertEquals("1234", pin.join().code());
    }

    @Test
    void anUnlockIsSentUntilItIsOlderThanTheMaximumAge() {
        AccountSession session = session(2);
        CompletableFuture<KasResult> tooOld = session.unlock(FRONT, clock.instant().minus(UNLOCK_MAX_AGE).minus(MILLI));
        assertEquals(KasOutcome.EXPIRED, outcomeOf(tooOld));
        assertEquals(0, client.calls(Kind.UNLOCK).size());

        session.unlock(FRONT, clock.instant().minus(UNLOCK_MAX_AGE));
        assertEquals(1, client.calls(Kind.UNLOCK).size());
    }

    @Test
    void anUnlockHandedToTheHttpClientMayBeginOnlyWithinTheMaximumAgeOfItsNewestCommand() {
        AccountSession session = session(1);
        Instant first = clock.instant();
        session.unlock(FRONT, first);
        BooleanSupplier mayBegin = client.last(Kind.UNLOCK).mayBegin();
        // the HTTP client asks when it has a connection: until the maximum age, yes ...
        clock.advance(UNLOCK_MAX_AGE);
        assertTrue(mayBegin.getAsBoolean());
        // ... then no, so that a request still waiting for a connection is not written late
        clock.advance(MILLI);
        assertFalse(mayBegin.getAsBoolean());
        // a newer command for the same lock merges into it and moves its maximum age
        session.extendUnlock(FRONT, clock.instant());
        assertTrue(mayBegin.getAsBoolean());
        assertEquals(1, client.calls(Kind.UNLOCK).size());
    }

    @Test
    void aWaitingUnlockExpiresOnceItIsOlderThanTheMaximumAge() {
        AccountSession session = session(1);
        CompletableFuture<KasResult> unlock = unlockWaitingBehindAPinCodeRequest(session);

        scheduler.advance(UNLOCK_MAX_AGE.minus(MILLI));
        assertFalse(unlock.isDone());
        scheduler.advance(MILLI.multipliedBy(2));
        assertEquals(KasOutcome.EXPIRED, outcomeOf(unlock));

        client.last(Kind.PIN_CODE).answer().complete(KasResult.pinCode("1234", 200));
        assertEquals(0, client.calls(Kind.UNLOCK).size());
    }

    @Test
    void extendUnlockGivesAWaitingUnlockTheDeadlineOfTheLaterCommand() {
        AccountSession session = session(1);
        CompletableFuture<KasResult> unlock = unlockWaitingBehindAPinCodeRequest(session);
        Duration later = Duration.ofSeconds(20);
        scheduler.advance(later);

        assertTrue(session.extendUnlock(FRONT, clock.instant()));
        assertFalse(session.extendUnlock(BACK, clock.instant()), "no unlock of the back lock is pending");
        scheduler.advance(UNLOCK_MAX_AGE.minus(later).plus(MILLI));
        assertFalse(unlock.isDone(), "expired at the first command's deadline");
        scheduler.advance(later.minus(MILLI.multipliedBy(2)));
        assertFalse(unlock.isDone());
        scheduler.advance(MILLI.multipliedBy(2));
        assertEquals(KasOutcome.EXPIRED, outcomeOf(unlock));
    }

    @Test
    void aWithdrawnUnlockIsCancelledAndNeverSent() {
        AccountSession session = session(1);
        CompletableFuture<KasResult> unlock = unlockWaitingBehindAPinCodeRequest(session);

        assertTrue(session.withdrawUnlock(FRONT));
        assertEquals(KasOutcome.CANCELLED, outcomeOf(unlock));
        assertFalse(session.withdrawUnlock(FRONT), "withdrawn already");
        client.last(Kind.PIN_CODE).answer().complete(KasResult.pinCode("1234", 200));
        assertEquals(0, client.calls(Kind.UNLOCK).size());
    }

    @Test
    void anUnlockInFlightIsNotWithdrawnAndGetsItsAnswer() {
        AccountSession session = session(1);
        CompletableFuture<KasResult> unlock = session.unlock(FRONT, clock.instant());

        assertFalse(session.withdrawUnlock(FRONT));
        client.last(Kind.UNLOCK).answer().complete(KasResult.accepted("Unlocked.", 200));
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(unlock));
    }

    @Test
    void unlocksOfOneLockAreMergedPinCodeRequestsAreNot() {
        AccountSession session = session(5);
        CompletableFuture<KasResult> first = session.unlock(FRONT, clock.instant());
        CompletableFuture<KasResult> second = session.unlock(FRONT, clock.instant());
        session.unlock(BACK, clock.instant());
        session.createPinCode(FRONT, PIN_REQUEST);
        session.createPinCode(FRONT, PIN_REQUEST);

        assertEquals(2, client.calls(Kind.UNLOCK).size(), "one per lock");
        assertEquals(2, client.calls(Kind.PIN_CODE).size());
        client.calls(Kind.UNLOCK).getFirst().answer().complete(KasResult.accepted("Unlocked.", 200));
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(first));
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(second));
    }

    @ParameterizedTest(name = "[{index}] {0} after {1}: {2} call(s)")
    @CsvSource({ "UNLOCK, GATEWAY_TIMEOUT, 2", "UNLOCK, SERVER_ERROR, 1", "UNLOCK, TIMEOUT, 1",
            "PIN_CODE, GATEWAY_TIMEOUT, 2", "PIN_CODE, SERVER_ERROR, 2", "PIN_CODE, TIMEOUT, 1",
            "PIN_CODE, SERVICE_UNAVAILABLE, 1" })
    void aFailedRequestIsRetriedAtMostOnceAndOnlyForItsKindsOfFailure(Kind kind, KasOutcome failure, int calls) {
        AccountSession session = session(1);
        CompletableFuture<KasResult> result = kind == Kind.UNLOCK ? session.unlock(FRONT, clock.instant())
                : session.createPinCode(FRONT, PIN_REQUEST);

        for (int i = 0; i < calls; i++) {
            assertEquals(i + 1, client.calls(kind).size());
            client.last(kind).answer().complete(KasResult.of(failure, "Failed.", 0));
        }
        assertEquals(calls, client.calls(kind).size());
        assertEquals(failure, outcomeOf(result));
    }

    @Test
    void rejectingTheKeyCancelsEverythingAndEndsTheChecksOnce() {
        AccountSession session = session(1);
        CompletableFuture<KasResult> pinInFlight = session.createPinCode(BACK, PIN_REQUEST);
        CompletableFuture<KasResult> waiting = session.unlock(FRONT, clock.instant());
        assertFalse(session.isTokenRejected());

        assertTrue(session.rejectToken());

        assertTrue(session.isTokenRejected());
        assertEquals(KasOutcome.CANCELLED, outcomeOf(pinInFlight));
        assertEquals(KasOutcome.CANCELLED, outcomeOf(waiting));
        assertNothingIsSentOrCheckedAnyMore(session);
        assertFalse(session.rejectToken(), "known already");
        assertTrue(session.isTokenRejected());
    }

    @Test
    void closingTheSessionEndsItWithoutRejectingTheKey() {
        AccountSession session = session(1);
        CompletableFuture<KasResult> waiting = unlockWaitingBehindAPinCodeRequest(session);

        session.close();

        assertFalse(session.isTokenRejected());
        assertEquals(KasOutcome.CANCELLED, outcomeOf(waiting));
        assertNothingIsSentOrCheckedAnyMore(session);
    }

    private void assertNothingIsSentOrCheckedAnyMore(AccountSession session) {
        int pinCalls = client.calls(Kind.PIN_CODE).size();
        assertEquals(KasOutcome.CANCELLED, outcomeOf(session.unlock(BACK, clock.instant())));
        assertEquals(KasOutcome.CANCELLED, outcomeOf(session.createPinCode(FRONT, PIN_REQUEST)));
        reachability.check();
        assertEquals(0, client.calls(Kind.UNLOCK).size());
        assertEquals(pinCalls, client.calls(Kind.PIN_CODE).size());
        assertEquals(0, client.calls(Kind.PROBE).size());
        assertFalse(session.extendUnlock(FRONT, clock.instant()));
        assertFalse(session.withdrawUnlock(FRONT));
    }
}
