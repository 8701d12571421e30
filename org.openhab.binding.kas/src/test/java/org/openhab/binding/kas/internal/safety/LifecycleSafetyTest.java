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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.ExecutedUnlock;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

import ch.qos.logback.classic.Level;

/**
 * Rules 1, 3 and 5 across the life of things, over loopback HTTP against the emulator: a lock removed while its
 * unlock waits in the queue never sends it; one removed while its unlock is in flight publishes nothing more and logs
 * the outcome at DEBUG; a new API key while requests are in flight cancels them once and the next requests use the
 * new key; a bridge disposed with a full queue cancels everything and leaves no job behind; openHAB shutting down in
 * the middle of requests ends every one of them; a waiting unlock expires at its maximum age, which a repeated
 * command extends.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class LifecycleSafetyTest extends SafetyTestBase {

    private static String factoryNumber(int i) {
        return String.format(Locale.ROOT, "SS8%05d", i);
    }

    private List<InMemoryThing> startLocks(int count, int unlockedDuration) {
        List<InMemoryThing> locks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            emulator.addLock(factoryNumber(i), API_KEY, true, true);
            Map<String, Object> config = lockConfig(factoryNumber(i));
            config.put(CONFIG_UNLOCKED_DURATION, unlockedDuration);
            locks.add(startLock("lock" + i, config));
        }
        return locks;
    }

    /**
     * The front and back doors of an account with one slot, which the back door's unlock takes.
     *
     * @param account the account
     * @param front the front door
     * @param back the back door
     * @param backCall the fault that keeps the back door's call in flight
     *
     * @author KAS binding contributors - Initial contribution
     */
    private record OneSlot(InMemoryBridge account, InMemoryThing front, InMemoryThing back, Fault backCall) {
    }

    /**
     * @param unlockMaxAge the account's maximum age of unlocks, seconds
     * @param backCall keeps the back door's unlock call in flight (a silent or held call of {@link #BACK_FN})
     * @return the doors, with the back door's unlock in flight at KAS
     */
    private OneSlot oneSlotTakenByTheBackDoor(int unlockMaxAge, Fault backCall) {
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_MAX_CONCURRENT_REQUESTS, 1);
        config.put(CONFIG_UNLOCK_MAX_AGE, unlockMaxAge);
        InMemoryBridge account = startAccount(config);
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        Fault call = emulator.addFault(backCall);
        command(back, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> call.held() == 1);
        return new OneSlot(account, front, back, call);
    }

    private static Fault silentBackDoor() {
        return Fault.on(Endpoint.UNLOCK).forLock(BACK_FN).silent();
    }

    private static String gateSummary(InMemoryBridge account) {
        return accountHandler(account).gateSummary();
    }

    @Test
    void aLockRemovedWhileItsUnlockWaitsInTheQueueNeverSendsIt() throws Exception {
        OneSlot doors = oneSlotTakenByTheBackDoor(30, silentBackDoor());
        InMemoryBridge account = doors.account();
        InMemoryThing front = doors.front();
        InMemoryThing back = doors.back();
        int tasksBefore = timers.liveTasks();
        // the front door's unlock waits behind it: an action, and a channel command merged into it
        Instant commanded = clock.instant();
        RuleAction action = unlockAction(front);
        assertTrue(gateSummary(account).contains("queued=1"), gateSummary(account));
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        // the waiting unlock has its expiry timer, the waiting action the timer that bounds its wait
        assertEquals(tasksBefore + 2, timers.liveTasks(), "the expiry timer and the action's wait bound");
        assertEquals(commanded.plusSeconds(30), timers.nextDue(), "the expiry timer, due at the maximum age");

        dispose(front);
        CallbackMark disposed = mark(front);

        Map<String, Object> result = action.get();
        assertEquals(KasOutcome.CANCELLED, outcomeOf(result));
        assertEquals("Unlock of " + FRONT_FN + " not sent: the lock thing was removed", messageOf(result));
        assertTrue(gateSummary(account).contains("queued=0"), gateSummary(account));
        assertEquals(tasksBefore, timers.liveTasks(), "the expiry timer went with the unlock");
        assertEquals(1, bindingLog(Level.DEBUG, "Lock " + FRONT_UID + " disposed before its unlock").size());
        assertEquals(1,
                bindingLog(Level.DEBUG,
                        "Lock " + FRONT_UID + " disposed or reconfigured before its unlock " + "ended: CANCELLED")
                        .size(),
                "the outcome is logged at DEBUG");

        // the slot frees up: the withdrawn unlock is never sent, not even late
        emulator.abortHeldRequests();
        await().atMost(WAIT).until(() -> events(back).equals(List.of(EVENT_UNLOCK_FAILED)));
        advance(Duration.ofSeconds(31));
        assertKeyedRequestsStay(1);
        assertEquals(List.of(BACK_FN), unlocksReceived());
        assertEquals(List.of(), emulator.executedUnlocks());
        assertEquals(List.of(), callbacksSince(disposed), "nothing is published for the removed lock");
        assertEquals(List.of(), events(front));

        // added again, the lock unlocks normally, once
        initialize(front);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertKeyedRequestsStay(2);
        assertEquals(List.of(FRONT_FN),
                emulator.executedUnlocks().stream().map(ExecutedUnlock::factoryNumber).toList());
    }

    @Test
    void aLockRemovedWhileItsUnlockIsInFlightPublishesNothingAndLogsTheOutcomeAtDebug() {
        startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> hold.held() == 1);

        dispose(front);
        CallbackMark disposed = mark(front);
        hold.release();

        // the call in flight is not withdrawn (KAS has it): KAS carries it out, the outcome goes to the log only
        await().atMost(WAIT).until(() -> !bindingLog(Level.DEBUG,
                "Lock " + FRONT_UID + " disposed or reconfigured before its unlock ended: ACCEPTED").isEmpty());
        assertEquals(1, emulator.executedUnlocks().size());
        assertKeyedRequestsStay(1);
        assertEquals(List.of(), callbacksSince(disposed));
        assertEquals(List.of(), bindingWarnings());
    }

    @Test
    void aNewApiKeyWhileRequestsAreInFlightCancelsThemOnceAndLaterRequestsUseTheNewKey() throws Exception {
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).times(2).hold());
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        RuleAction backAction = unlockAction(back);
        await().atMost(WAIT).until(() -> hold.held() == 2);
        // the key is rotated at KAS: the locks move to the new key, the old key is gone
        emulator.addAccount(OTHER_API_KEY);
        emulator.addLock(FRONT_FN, OTHER_API_KEY, true, true);
        emulator.addLock(BACK_FN, OTHER_API_KEY, true, true);
        emulator.removeAccount(API_KEY);

        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_API_KEY, OTHER_API_KEY));

        // both requests in flight end once, as cancelled
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED)));
        assertEquals(new StringType(KasOutcome.CANCELLED.name()), lastState(front, CHANNEL_LAST_RESULT));
        Map<String, Object> backResult = backAction.get();
        assertEquals(KasOutcome.CANCELLED, outcomeOf(backResult));
        assertTrue(messageOf(backResult).contains("KAS may have received it"), messageOf(backResult));
        await().atMost(WAIT).until(() -> events(back).equals(List.of(EVENT_UNLOCK_FAILED)));
        CallbackMark frontAfter = mark(front);
        CallbackMark backAfter = mark(back);
        // the late answers to the cancelled requests change nothing
        assertEquals(2, hold.release());
        await().atMost(WAIT).until(() -> requests(Endpoint.UNLOCK).stream().allMatch(r -> r.status() != 0));
        assertKeyedRequestsStay(2);
        for (CallbackMark mark : List.of(frontAfter, backAfter)) {
            assertEquals(List.of(), callbacksSince(mark).stream().filter(c -> !c.startsWith("status")).toList());
        }
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(front));
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(back));
        assertEquals(List.of(), emulator.executedUnlocks(), "the old key's calls were answered Invalid Token.");

        // the new key works: KAS knows only the new key now, so an accepted unlock was sent with it
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        Map<String, Object> again = actionsOf(front).unlock();
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(again), again.toString());
        assertEquals(List.of(FRONT_FN),
                emulator.executedUnlocks().stream().map(ExecutedUnlock::factoryNumber).toList());
        assertEquals(ThingStatus.ONLINE, account.getStatus());
        assertKeyedRequestsStay(3);
    }

    @Test
    void aBridgeDisposedWithAFullQueueCancelsEverythingSendsNothingMoreAndLeavesNoJob() throws Exception {
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_MAX_CONCURRENT_REQUESTS, 1);
        config.put(CONFIG_MAX_QUEUED_REQUESTS, 5);
        config.put(CONFIG_UNLOCK_MAX_AGE, 60);
        InMemoryBridge account = startAccount(config);
        int tasksBefore = timers.liveTasks();
        List<InMemoryThing> locks = startLocks(7, 300);
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(factoryNumber(0)).silent());
        command(locks.get(0), CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> hold.held() == 1);
        List<RuleAction> actions = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            actions.add(unlockAction(locks.get(i)));
        }
        assertTrue(gateSummary(account).contains("queued=5"), gateSummary(account));
        command(locks.get(6), CHANNEL_UNLOCK, OnOffType.ON);
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(locks.get(6)), "the sixth waiting one does not fit");
        assertEquals(new StringType(KasOutcome.QUEUE_FULL.name()), lastState(locks.get(6), CHANNEL_LAST_RESULT));
        assertEquals(tasksBefore + 10, timers.liveTasks(), "five expiry timers and five actions' wait bounds");

        dispose(account);

        for (RuleAction action : actions) {
            Map<String, Object> result = action.get();
            assertEquals(KasOutcome.CANCELLED, outcomeOf(result));
            assertTrue(messageOf(result).contains("not sent"), messageOf(result));
        }
        for (int i = 0; i < 6; i++) {
            InMemoryThing lock = locks.get(i);
            await().atMost(WAIT).until(() -> events(lock).equals(List.of(EVENT_UNLOCK_FAILED)));
            assertEquals(new StringType(KasOutcome.CANCELLED.name()), lastState(lock, CHANNEL_LAST_RESULT));
            // the switches return to locked at once: nothing was accepted
            assertEquals(OnOffType.ON, lastState(lock, CHANNEL_LOCK));
        }
        assertEquals(tasksBefore, timers.liveTasks(), "no expiry timer left");
        // a command to a lock of the disposed bridge sends nothing either
        Map<String, Object> afterwards = actionsOf(locks.get(1)).unlock();
        assertNotEquals(KasOutcome.ACCEPTED, outcomeOf(afterwards));
        emulator.abortHeldRequests();
        // not even when the maximum ages and wait bounds would have passed
        advance(Duration.ofMinutes(10));
        assertKeyedRequestsStay(1);
        assertEquals(List.of(), emulator.executedUnlocks());
        assertEquals(tasksBefore, timers.liveTasks());
    }

    @Test
    void disposeCancelsTheRelockJobAndTheProbeRecheck() {
        int tasksBefore = timers.liveTasks();
        InMemoryBridge account = startAccount();
        Map<String, Object> lockConfig = lockConfig(FRONT_FN);
        lockConfig.put(CONFIG_UNLOCKED_DURATION, 300);
        InMemoryThing front = startLock("front", lockConfig);
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertEquals(tasksBefore + 1, timers.liveTasks(), "the relock after 300 s");
        assertEquals(clock.instant().plusSeconds(300), timers.nextDue());

        dispose(front);
        assertEquals(tasksBefore, timers.liveTasks(), "the relock job is cancelled");
        dispose(account);

        // an account whose cloud does not answer rechecks it later: after 5 s, then after 10 s
        emulator.close();
        InMemoryBridge unreachable = createAccount(accountConfig());
        // the harness registers each thing once; this bridge reuses the UID of the first one
        initialize(unreachable);
        awaitStatus(unreachable, ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR);
        await().atMost(WAIT).until(() -> timers.liveTasks() == tasksBefore + 1);
        assertEquals(clock.instant().plusSeconds(5), timers.nextDue(), "the first recheck");
        advance(Duration.ofSeconds(5));
        await().atMost(WAIT).until(() -> clock.instant().plusSeconds(10).equals(timers.nextDue()));
        assertEquals(tasksBefore + 1, timers.liveTasks(), "the second recheck");

        dispose(unreachable);
        assertEquals(tasksBefore, timers.liveTasks(), "the probe recheck is cancelled");
        CallbackMark disposed = mark(unreachable);
        // no recheck comes any more, however long the account stays disposed
        advance(Duration.ofMinutes(10));
        assertEquals(List.of(), callbacksSince(disposed));
        assertEquals(ThingStatus.UNINITIALIZED, account.getStatus());
    }

    @Test
    void openHabShuttingDownInTheMiddleOfRequestsEndsEveryOneOfThem() throws Exception {
        int tasksBefore = timers.liveTasks();
        InMemoryBridge account = startAccount();
        List<InMemoryThing> locks = startLocks(4, 300);
        Fault unlocks = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        Fault pins = emulator.addFault(Fault.on(Endpoint.PIN_CODE).hold());
        List<RuleAction> actions = new ArrayList<>();
        actions.add(unlockAction(locks.get(0)));
        actions.add(unlockAction(locks.get(1)));
        command(locks.get(2), CHANNEL_UNLOCK, OnOffType.ON);
        actions.add(startAction(() -> actionsOf(locks.get(3)).generatePinCode(0, 5, null)));
        await().atMost(WAIT).until(() -> unlocks.held() == 3 && pins.held() == 1);

        // openHAB stops: things are disposed (locks first, then the bridge), then the shared HTTP client is stopped
        List<CallbackMark> marks = new ArrayList<>();
        for (InMemoryThing lock : locks) {
            dispose(lock);
            marks.add(mark(lock));
        }
        dispose(account);
        httpClient.stop();

        for (RuleAction action : actions) {
            Map<String, Object> result = action.get();
            assertEquals(KasOutcome.CANCELLED, outcomeOf(result), result.toString());
        }
        // the handlers logged the outcomes of the requests of disposed things, published nothing and left no job
        await().atMost(WAIT)
                .until(() -> bindingLog(Level.DEBUG, "disposed or reconfigured before its unlock ended").size() == 3
                        && !bindingLog(Level.DEBUG, "disposed before its PIN code request ended").isEmpty());
        for (CallbackMark mark : marks) {
            assertEquals(List.of(), callbacksSince(mark));
        }
        assertEquals(tasksBefore, timers.liveTasks());
        assertNoWarningOrStackTrace();
    }

    @Test
    void theHttpClientStoppingFirstStillEndsEveryRequestOnce() throws Exception {
        startAccount();
        List<InMemoryThing> locks = startLocks(2, 0);
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        RuleAction action = unlockAction(locks.get(0));
        command(locks.get(1), CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> hold.held() == 2);

        httpClient.stop();

        Map<String, Object> result = action.get();
        assertNotEquals(KasOutcome.ACCEPTED, outcomeOf(result));
        await().atMost(WAIT).until(() -> events(locks.get(1)).equals(List.of(EVENT_UNLOCK_FAILED)));
        await().atMost(WAIT).until(() -> events(locks.get(0)).equals(List.of(EVENT_UNLOCK_FAILED)));
        // a command while the client is stopped is refused at once, without an exception
        Map<String, Object> refused = actionsOf(locks.get(1)).unlock();
        assertEquals(KasOutcome.COMMUNICATION_ERROR, outcomeOf(refused));
        assertTrue(messageOf(refused).contains("not running"), messageOf(refused));
        assertEquals(List.of(EVENT_UNLOCK_FAILED, EVENT_UNLOCK_FAILED), events(locks.get(1)));
        assertEquals(List.of(), bindingStackTraces());
    }

    /**
     * The sequence behind a rule 3 failure of the randomized test (seen once in real time, with a reconfiguration of
     * the bridge). When a call ends, the thread that processes its answer starts the next waiting unlock: the request
     * gate marks it started, then hands its call to the client. The stop in the transport stands for that thread being
     * preempted at that point. A reconfiguration of the account meanwhile must not end the unlock while its call is
     * still on its way: then the lock would send the next command's unlock through the new gate, and the old call
     * would still go on the wire next to it. Instead, closing the old gate waits until the call is handed over and
     * then cancels it, so the lock hears CANCELLED only when the old call is no longer on its way.
     */
    @Test
    void anUnlockStartingWhileTheAccountIsReconfiguredNeverGoesOutNextToTheNextUnlock() throws Exception {
        OneSlot doors = oneSlotTakenByTheBackDoor(10, Fault.on(Endpoint.UNLOCK).forLock(BACK_FN).times(1).hold());
        InMemoryBridge account = doors.account();
        InMemoryThing front = doors.front();
        command(front, CHANNEL_UNLOCK, OnOffType.ON); // waits for the slot
        // KAS keeps the front door's calls unanswered, so that the old call is in flight when the gate closes
        Fault frontHold = emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(FRONT_FN).hold());
        ClockedTransport.Stop stop = wire().stopNext(Endpoint.UNLOCK, FRONT_FN, BACK_FN);
        // the answer's thread frees the slot, starts the front door's unlock and stops on its way to the wire
        doors.backCall().release();
        await().atMost(WAIT).until(stop::reached);

        Thread reconfiguring = new Thread(
                () -> accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_REQUEST_TIMEOUT, 9)),
                "reconfiguring");
        reconfiguring.start();
        // the old gate's close() waits for the call being handed over ...
        await().atMost(WAIT).until(() -> reconfiguring.getState() == Thread.State.BLOCKED
                || reconfiguring.getState() == Thread.State.WAITING);
        assertEquals(List.of(), events(front), "the unlock is not ended while its call is on its way");
        stop.goOn();
        reconfiguring.join(WAIT.toMillis());
        assertFalse(reconfiguring.isAlive());
        // ... and then cancels it
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED)));
        assertEquals(new StringType(KasOutcome.CANCELLED.name()), lastState(front, CHANNEL_LAST_RESULT));
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> sends(Endpoint.UNLOCK).size() == 3);

        List<ClockedTransport.Call> frontUnlocks = sends(Endpoint.UNLOCK).stream()
                .filter(c -> FRONT_FN.equals(c.factoryNumber())).toList();
        report("rule 3 race: the unlock calls of %s were handed over with %s others of the lock in flight; KAS "
                + "received %d of them", FRONT_FN, frontUnlocks.stream().map(ClockedTransport.Call::alongside).toList(),
                requests(Endpoint.UNLOCK).stream().filter(r -> FRONT_FN.equals(r.factoryNumber())).count());
        assertEquals(List.of(0, 0), frontUnlocks.stream().map(ClockedTransport.Call::alongside).toList(),
                "an unlock of the lock was handed to the HTTP library while another one was in flight");
        frontHold.release();
        await().atMost(WAIT).until(() -> events(front).size() == 2);
    }

    @Test
    void aWaitingUnlockOlderThanUnlockMaxAgeIsDroppedAndReportedAsExpired() {
        OneSlot doors = oneSlotTakenByTheBackDoor(1, silentBackDoor());
        InMemoryThing front = doors.front();
        InMemoryThing back = doors.back();

        command(front, CHANNEL_LOCK, OnOffType.OFF);
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_LOCK), "shown unlocked while it waits");

        // reported when the maximum age is reached, not when the queue moves: not a millisecond earlier ...
        advance(Duration.ofMillis(999));
        assertEquals(List.of(), events(front));
        // ... and at once then (the expiry timer runs on the thread that moves the clock)
        advance(Duration.ofMillis(1));
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(front));
        assertEquals(new StringType(KasOutcome.EXPIRED.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        // a slow cloud causes it, which the user cannot act on: DEBUG, not WARN
        assertEquals(1, bindingLog(Level.DEBUG, "Unlock of lock " + FRONT_UID + ": EXPIRED (Unlock of " + FRONT_FN
                + " not sent: older than its maximum age").size());
        assertEquals(List.of(), bindingLog(Level.WARN, ""));
        assertEquals(ThingStatus.ONLINE, front.getStatus(), "an expired unlock says nothing about the lock");
        emulator.abortHeldRequests();
        await().atMost(WAIT).until(() -> events(back).size() == 1);
        assertKeyedRequestsStay(1);
        assertEquals(List.of(BACK_FN), unlocksReceived());
    }

    @Test
    void aRepeatedCommandLetsAWaitingUnlockGoOutWithinTheMaximumAgeOfTheNewestCommand() throws Exception {
        InMemoryThing front = oneSlotTakenByTheBackDoor(4, silentBackDoor()).front();

        Instant first = clock.instant();
        command(front, CHANNEL_UNLOCK, OnOffType.ON); // may wait until first + 4 s
        advance(Duration.ofSeconds(2));
        Instant second = clock.instant();
        RuleAction repeated = unlockAction(front); // merged: until second + 4 s
        // past the first command's maximum age, the unlock still waits for the newest command ...
        advance(Duration.ofMillis(2400));
        assertEquals(List.of(), events(front));
        assertFalse(repeated.result().isDone());
        // ... until the newest command's maximum age (its expiry timer ends the wait at that instant)
        Instant lastMoment = second.plusSeconds(4).minusMillis(1);
        advance(Duration.between(clock.instant(), lastMoment));
        assertEquals(List.of(), events(front));

        emulator.abortHeldRequests();

        Map<String, Object> result = repeated.get();
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(result), result.toString());
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        List<ClockedTransport.Call> frontSends = sends(Endpoint.UNLOCK).stream()
                .filter(c -> FRONT_FN.equals(c.factoryNumber())).toList();
        assertEquals(1, frontSends.size(), "both commands, one request");
        assertEquals(1, requests(Endpoint.UNLOCK).stream().filter(r -> FRONT_FN.equals(r.factoryNumber())).count());
        // the time of the handlers' clock when the gate started the call
        Instant sent = frontSends.getFirst().sentAt();
        assertTrue(sent.isAfter(first.plusSeconds(4)), "sent after the first command's maximum age");
        assertFalse(sent.isAfter(second.plusSeconds(4)), "sent within the maximum age of the newest command");
        assertEquals(lastMoment, sent, "sent when the slot came free");
        assertKeyedRequestsStay(2);
    }
}
