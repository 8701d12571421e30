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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.JournalEntry;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.test.KasLockTestBase;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;

/**
 * Channel behaviour of {@link KasLockHandler}: what each command sends to the (emulated) KAS cloud and what the
 * {@code unlock}, {@code lock}, {@code last-unlock}, {@code last-result} and {@code event} channels show. The
 * relock after the unlocked duration happens when the test moves time on; an unlock that must stay pending is held
 * at the emulator.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class KasLockChannelTest extends KasLockTestBase {

    private static final List<String> ALL_CHANNELS = List.of(CHANNEL_UNLOCK, CHANNEL_LOCK, CHANNEL_LAST_UNLOCK,
            CHANNEL_LAST_RESULT, CHANNEL_EVENT);

    private List<State> newStates(InMemoryThing lock, String channel, int before) {
        List<State> all = states(lock, channel);
        return all.subList(before, all.size());
    }

    /**
     * Starts the account and the lock {@code front} with another unlocked duration.
     *
     * @param unlockedDuration the unlocked duration in seconds
     * @return the lock
     */
    private InMemoryThing startAccountAndFrontUnlockedFor(int unlockedDuration) {
        startAccount();
        Map<String, Object> config = lockConfig(FRONT_FN);
        config.put(CONFIG_UNLOCKED_DURATION, unlockedDuration);
        return startLock("front", config);
    }

    /** Nothing was sent and nothing happened: the switches show the door locked, no unlock is known. */
    private void assertNothingSentAndTheDoorShownLocked(InMemoryThing lock) {
        assertEquals(OnOffType.OFF, lastState(lock, CHANNEL_UNLOCK));
        assertEquals(OnOffType.ON, lastState(lock, CHANNEL_LOCK));
        assertEquals(List.of(), states(lock, CHANNEL_LAST_UNLOCK));
        assertEquals(List.of(), events(lock));
        assertKeyedRequestsStay(0);
    }

    @Test
    void unlockOnSendsOneUnlockAndShowsItOnEveryChannel() {
        InMemoryThing front = startAccountAndFront();
        int unlockBefore = states(front, CHANNEL_UNLOCK).size();
        int lockBefore = states(front, CHANNEL_LOCK).size();
        Instant commanded = clock.instant();

        command(front, CHANNEL_UNLOCK, OnOffType.ON);

        // the switches show the unlock at once, while it is on its way
        assertEquals(OnOffType.ON, newStates(front, CHANNEL_UNLOCK, unlockBefore).getFirst());
        assertEquals(OnOffType.OFF, newStates(front, CHANNEL_LOCK, lockBefore).getFirst());

        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertEquals(new StringType(KasOutcome.ACCEPTED.name()), lastState(front, CHANNEL_LAST_RESULT));
        State lastUnlock = lastState(front, CHANNEL_LAST_UNLOCK);
        Instant accepted = assertInstanceOf(DateTimeType.class, lastUnlock).getInstant();
        assertFalse(accepted.isBefore(commanded), accepted.toString());
        assertFalse(accepted.isAfter(clock.instant()), accepted.toString());

        // after unlockedDuration (1 s) the door counts as locked again, not before
        advance(UNLOCKED_DURATION.minus(TICK));
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_LOCK));
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_UNLOCK));
        advance(TICK);
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertEquals(List.of(OnOffType.ON, OnOffType.OFF), changes(newStates(front, CHANNEL_UNLOCK, unlockBefore)));
        assertEquals(List.of(OnOffType.OFF, OnOffType.ON), changes(newStates(front, CHANNEL_LOCK, lockBefore)));

        List<JournalEntry> unlocks = requests(Endpoint.UNLOCK);
        assertEquals(1, unlocks.size());
        assertEquals("GET", unlocks.getFirst().method());
        assertEquals("/api/lockCommand/remoteUnlock/" + FRONT_FN + "/***", unlocks.getFirst().maskedPath());
        assertEquals(200, unlocks.getFirst().status());
        assertEquals(1, emulator.executedUnlocks().size());
        assertEquals(FRONT_FN, emulator.executedUnlocks().getFirst().factoryNumber());
        assertEquals(List.of(), requests(Endpoint.PIN_CODE));
        assertEquals(ThingStatus.ONLINE, front.getStatus());
        assertKeyedRequestsStay(1);
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED), events(front));
    }

    @Test
    void withUnlockedDurationZeroTheSwitchesReturnAsSoonAsKasAccepted() {
        InMemoryThing front = startAccountAndFrontUnlockedFor(0);
        int unlockBefore = states(front, CHANNEL_UNLOCK).size();

        command(front, CHANNEL_UNLOCK, OnOffType.ON);

        await().atMost(WAIT).until(() -> !events(front).isEmpty());
        // the switches were reset before the event was fired
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_UNLOCK));
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertEquals(List.of(OnOffType.ON, OnOffType.OFF), changes(newStates(front, CHANNEL_UNLOCK, unlockBefore)));
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED), events(front));
        assertInstanceOf(DateTimeType.class, lastState(front, CHANNEL_LAST_UNLOCK));
        assertEquals(1, emulator.executedUnlocks().size());
    }

    @Test
    void aFailedUnlockResetsTheSwitchesAtOnceAndReportsTheOutcome() {
        InMemoryThing front = startAccountAndFront();
        emulator.setAdmin(FRONT_FN, false);
        int unlockBefore = states(front, CHANNEL_UNLOCK).size();
        int lockBefore = states(front, CHANNEL_LOCK).size();

        command(front, CHANNEL_UNLOCK, OnOffType.ON);

        await().atMost(WAIT).until(() -> !events(front).isEmpty());
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(front));
        assertEquals(List.of(OnOffType.ON, OnOffType.OFF), changes(newStates(front, CHANNEL_UNLOCK, unlockBefore)));
        assertEquals(List.of(OnOffType.OFF, OnOffType.ON), changes(newStates(front, CHANNEL_LOCK, lockBefore)));
        assertEquals(new StringType(KasOutcome.NOT_ADMIN.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(List.of(), states(front, CHANNEL_LAST_UNLOCK));
        assertEquals(List.of(), emulator.executedUnlocks());
        assertKeyedRequestsStay(1);
    }

    @Test
    void lockOffUnlocksLikeUnlockOnAndTheLockTurnsOnAgain() {
        InMemoryThing front = startAccountAndFront();
        int unlockBefore = states(front, CHANNEL_UNLOCK).size();
        int lockBefore = states(front, CHANNEL_LOCK).size();

        command(front, CHANNEL_LOCK, OnOffType.OFF);

        assertEquals(OnOffType.OFF, newStates(front, CHANNEL_LOCK, lockBefore).getFirst());
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        advancePastUnlockedDuration();
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertEquals(List.of(OnOffType.OFF, OnOffType.ON), changes(newStates(front, CHANNEL_LOCK, lockBefore)));
        assertEquals(List.of(OnOffType.ON, OnOffType.OFF), changes(newStates(front, CHANNEL_UNLOCK, unlockBefore)));
        assertEquals(new StringType(KasOutcome.ACCEPTED.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(1, emulator.executedUnlocks().size());
        assertKeyedRequestsStay(1);
    }

    static Stream<Arguments> commandsOfTheAssumedState() {
        return Stream.of(Arguments.of(CHANNEL_UNLOCK, OnOffType.OFF), Arguments.of(CHANNEL_LOCK, OnOffType.ON));
    }

    /** unlock OFF shows the assumed state again, lock ON stays on: neither sends anything. */
    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("commandsOfTheAssumedState")
    void unlockOffAndLockOnSendNothingAndShowTheAssumedState(String channel, Command command) {
        InMemoryThing front = startAccountAndFront();

        command(front, channel, command);

        assertNothingSentAndTheDoorShownLocked(front);
    }

    @Test
    void anUnlockAcceptedDuringTheUnlockedPeriodKeepsTheDoorUnlockedForItsWholeDuration() {
        InMemoryThing front = startAccountAndFront();
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).size() == 1);
        advance(Duration.ofMillis(600));
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).size() == 2);
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED, EVENT_UNLOCK_ACCEPTED), events(front));

        // the first unlock's duration is over, the second one's is not
        advance(Duration.ofMillis(400));
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_LOCK));
        assertEquals(1, timers.liveTasks(), "one relock timer, waiting for the rest of the second duration");
        advance(Duration.ofMillis(600).minus(TICK));
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_LOCK));
        advance(TICK);
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_UNLOCK));
        assertEquals(0, timers.liveTasks());
    }

    @Test
    void anUnlockFailingDuringTheUnlockedPeriodShowsTheDoorLockedAndTheFirstRelockChangesNothing() {
        InMemoryThing front = startAccountAndFront();
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).size() == 1);
        advance(Duration.ofMillis(600));
        emulator.removeLock(FRONT_FN);
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).size() == 2);
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED, EVENT_UNLOCK_FAILED), events(front));

        // as before the failed unlock: the door is shown locked at once, not at the end of the first duration
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        int updates = states(front, CHANNEL_LOCK).size();
        advance(Duration.ofMillis(400));
        advanceWithoutAnyTimer(Duration.ofMinutes(1));
        assertEquals(updates, states(front, CHANNEL_LOCK).size());
    }

    @Test
    void lockOnDuringTheUnlockedPeriodDoesNotPretendTheDoorIsLocked() {
        InMemoryThing front = startAccountAndFrontUnlockedFor(30);
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));

        command(front, CHANNEL_LOCK, OnOffType.ON);

        // KAS cannot lock: the door is still assumed unlocked
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_LOCK));
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_UNLOCK));
        assertKeyedRequestsStay(1);
    }

    @Test
    void refreshSendsNothingOnAnyChannel() {
        InMemoryThing front = startAccountAndFront();

        for (String channel : ALL_CHANNELS) {
            command(front, channel, RefreshType.REFRESH);
        }

        // nothing known yet: nothing to show
        assertEquals(List.of(), states(front, CHANNEL_LAST_RESULT));
        assertNothingSentAndTheDoorShownLocked(front);
    }

    @Test
    void refreshAfterAnUnlockShowsTheKnownValuesAgainWithoutSending() {
        InMemoryThing front = startAccountAndFront();
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> !events(front).isEmpty());
        advancePastUnlockedDuration();
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        State lastUnlock = lastState(front, CHANNEL_LAST_UNLOCK);
        int resultUpdates = states(front, CHANNEL_LAST_RESULT).size();
        int unlockUpdates = states(front, CHANNEL_LAST_UNLOCK).size();

        for (String channel : ALL_CHANNELS) {
            handlerOf(front).channelLinked(new ChannelUID(front.getUID(), channel));
        }

        assertEquals(resultUpdates + 1, states(front, CHANNEL_LAST_RESULT).size());
        assertEquals(new StringType(KasOutcome.ACCEPTED.name()), lastState(front, CHANNEL_LAST_RESULT));
        assertEquals(unlockUpdates + 1, states(front, CHANNEL_LAST_UNLOCK).size());
        assertEquals(lastUnlock, lastState(front, CHANNEL_LAST_UNLOCK));
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED), events(front));
        assertKeyedRequestsStay(1);
    }

    static Stream<Arguments> commandsThatSendNothing() {
        return Stream.of( //
                Arguments.of(CHANNEL_UNLOCK, new StringType("ON")), //
                Arguments.of(CHANNEL_UNLOCK, new DateTimeType(Instant.parse("2026-01-01T00:00:00Z"))), //
                Arguments.of(CHANNEL_LOCK, new StringType("OFF")), //
                Arguments.of(CHANNEL_LOCK, new StringType("UNLOCK")), //
                Arguments.of(CHANNEL_LAST_UNLOCK, new DateTimeType(Instant.parse("2026-01-01T00:00:00Z"))), //
                Arguments.of(CHANNEL_LAST_UNLOCK, OnOffType.ON), //
                Arguments.of(CHANNEL_LAST_RESULT, new StringType("ACCEPTED")), //
                Arguments.of(CHANNEL_LAST_RESULT, OnOffType.ON), //
                Arguments.of(CHANNEL_EVENT, OnOffType.ON), //
                Arguments.of(CHANNEL_EVENT, new StringType(EVENT_UNLOCK_ACCEPTED)), //
                Arguments.of("no-such-channel", OnOffType.ON));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("commandsThatSendNothing")
    void otherCommandsSendNothing(String channel, Command command) {
        InMemoryThing front = startAccountAndFront();
        int resultUpdates = states(front, CHANNEL_LAST_RESULT).size();

        command(front, channel, command);

        assertEquals(resultUpdates, states(front, CHANNEL_LAST_RESULT).size());
        assertNothingSentAndTheDoorShownLocked(front);
    }

    @Test
    void commandsWhileAnUnlockIsPendingAreMergedIntoIt() {
        InMemoryThing front = startAccountAndFront();
        // the unlock stays pending until the test releases its answer
        Fault slow = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());

        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        command(front, CHANNEL_LOCK, OnOffType.OFF);

        awaitHeld(slow, 1);
        assertEquals(List.of(), events(front));
        assertEquals(1, slow.release());
        await().atMost(WAIT).until(() -> !events(front).isEmpty());
        assertEquals(1, slow.hits());
        assertEquals(1, requests(Endpoint.UNLOCK).size());
        assertEquals(1, emulator.executedUnlocks().size());
        advancePastUnlockedDuration();
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertKeyedRequestsStay(1);
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED), events(front));
        assertEquals(List.of(new StringType(KasOutcome.ACCEPTED.name())), states(front, CHANNEL_LAST_RESULT));
    }

    @Test
    void anotherUnlockAfterTheFirstWasAcceptedIsSentAgain() {
        InMemoryThing front = startAccountAndFront();
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).size() == 1);

        command(front, CHANNEL_UNLOCK, OnOffType.ON);

        await().atMost(WAIT).until(() -> events(front).size() == 2);
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED, EVENT_UNLOCK_ACCEPTED), events(front));
        assertEquals(2, emulator.executedUnlocks().size());
        advancePastUnlockedDuration();
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertKeyedRequestsStay(2);
    }

    @Test
    void initializeLinkingReconfigurationAndDisposeNeverSendAnUnlock() {
        startAccount();
        InMemoryThing front = createLock("front", lockConfig(FRONT_FN));
        initialize(front);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        // item states restored at startup come as REFRESH through channelLinked
        for (String channel : ALL_CHANNELS) {
            handlerOf(front).channelLinked(new ChannelUID(front.getUID(), channel));
        }
        lockHandler(front).handleConfigurationUpdate(Map.of(CONFIG_UNLOCKED_DURATION, 7));
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        lockHandler(front).handleConfigurationUpdate(Map.of(CONFIG_FACTORY_NUMBER, BACK_FN));
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        dispose(front);
        initialize(front);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);

        assertKeyedRequestsStay(0);
        assertEquals(List.of(), emulator.executedUnlocks());
        assertEquals(List.of(), events(front));
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_UNLOCK));
    }

    @Test
    void nothingIsPublishedAfterDisposeWhileAnUnlockIsPending() {
        InMemoryThing front = startAccountAndFront();
        Fault slow = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        awaitHeld(slow, 1);

        dispose(front);
        int updates = recorder.stateUpdates().size();
        int triggers = recorder.triggerEvents().size();
        int statusUpdates = recorder.statusUpdates().size();

        // KAS still answers the unlock that was sent, but the disposed handler shows nothing any more
        assertEquals(1, slow.release());
        await().atMost(WAIT).until(() -> requests(Endpoint.UNLOCK).getFirst().status() != 0);
        assertKeyedRequestsStay(1);
        // the outcome has reached the disposed handler, which only logged it
        String logged = front.getUID() + " disposed or reconfigured before its unlock ended: " + KasOutcome.ACCEPTED;
        await().atMost(WAIT).until(() -> logs.anyMatch(e -> e.text().contains(logged)));
        advanceWithoutAnyTimer(Duration.ofMinutes(1));
        assertEquals(updates, recorder.stateUpdates().size());
        assertEquals(triggers, recorder.triggerEvents().size());
        assertEquals(statusUpdates, recorder.statusUpdates().size());
    }

    @Test
    void disposeDuringTheUnlockedPeriodCancelsTheRelock() {
        InMemoryThing front = startAccountAndFront();
        command(front, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertEquals(OnOffType.OFF, lastState(front, CHANNEL_LOCK));
        assertEquals(1, timers.liveTasks(), "the relock is scheduled");

        dispose(front);
        int updates = recorder.stateUpdates().size();

        // the relock would have come 1 s after the acceptance: it is cancelled, nothing runs
        assertEquals(0, timers.liveTasks());
        advanceWithoutAnyTimer(Duration.ofMinutes(1));
        assertEquals(updates, recorder.stateUpdates().size());
    }

    @Test
    void oneLocksUnlockLeavesTheOtherLocksChannelsAlone() {
        InMemoryThing front = startAccountAndFront();
        InMemoryThing back = startLock("back", BACK_FN);
        List<State> backUnlock = states(back, CHANNEL_UNLOCK);
        List<State> backLock = states(back, CHANNEL_LOCK);

        command(front, CHANNEL_UNLOCK, OnOffType.ON);

        await().atMost(WAIT).until(() -> !events(front).isEmpty());
        advancePastUnlockedDuration();
        assertEquals(OnOffType.ON, lastState(front, CHANNEL_LOCK));
        assertEquals(backUnlock, states(back, CHANNEL_UNLOCK));
        assertEquals(backLock, states(back, CHANNEL_LOCK));
        assertEquals(List.of(), states(back, CHANNEL_LAST_RESULT));
        assertEquals(List.of(), events(back));
        assertEquals(List.of(FRONT_FN), emulator.executedUnlocks().stream().map(u -> u.factoryNumber()).toList());
    }
}
