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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.ExecutedUnlock;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.JournalEntry;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryThing;

import ch.qos.logback.classic.Level;

/**
 * Rules 3 and 4 under load: a burst of 1000 unlock commands over 100 locks (10 per lock, interleaved; channel
 * commands and rule actions mixed) against a cloud that holds every call until the test lets it answer. KAS never
 * sees more calls of the account in flight than {@code maxConcurrentRequests}, and sees exactly that many while the
 * queue is full, never drops one (its own limit of 30), every command gets an outcome, commands merged into a pending
 * unlock share its outcome, and every unlock KAS carried out was accepted exactly once.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class BurstTest extends SafetyTestBase {

    private static final int LOCKS = 100;
    private static final int COMMANDS_PER_LOCK = 10;

    private static String factoryNumber(int i) {
        return String.format(Locale.ROOT, "SS9%05d", i);
    }

    @ParameterizedTest(name = "maxConcurrentRequests = {0}")
    @ValueSource(ints = { 4, 30 })
    void aBurstOfUnlocksStaysWithinTheLimitsAndEveryCommandGetsAnOutcome(int maxConcurrent) throws Exception {
        for (int i = 0; i < LOCKS; i++) {
            emulator.addLock(factoryNumber(i), API_KEY, true, true);
        }
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_MAX_CONCURRENT_REQUESTS, maxConcurrent);
        startAccount(config);
        List<InMemoryThing> locks = new ArrayList<>();
        for (int i = 0; i < LOCKS; i++) {
            Map<String, Object> lockConfig = lockConfig(factoryNumber(i));
            lockConfig.put(CONFIG_UNLOCKED_DURATION, 0);
            locks.add(startLock("burst" + i, lockConfig));
        }
        // the cloud answers only when the test lets it: the calls pile up at KAS as far as the account allows
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).hold());
        emulator.resetJournal();

        // 10 rounds over all 100 locks: odd rounds by channel (unlock ON / lock OFF), even rounds by rule action
        List<RuleAction> actionResults = new ArrayList<>();
        int channelCommands = 0;
        for (int round = 0; round < COMMANDS_PER_LOCK; round++) {
            List<RuleAction> roundActions = new ArrayList<>();
            for (int i = 0; i < LOCKS; i++) {
                InMemoryThing lock = locks.get(i);
                if (round % 2 == 0) {
                    roundActions.add(startAction(actionsOf(lock)::unlock));
                } else {
                    command(lock, round % 4 == 1 ? CHANNEL_UNLOCK : CHANNEL_LOCK,
                            round % 4 == 1 ? OnOffType.ON : OnOffType.OFF);
                    channelCommands++;
                }
            }
            // every action of the round has submitted its unlock (or merged it) and waits for the outcome
            awaitSettled(roundActions);
            actionResults.addAll(roundActions);
        }
        assertEquals(LOCKS * COMMANDS_PER_LOCK, actionResults.size() + channelCommands);

        // the cloud answers wave after wave; each time KAS holds exactly as many calls as the account allows
        int released = 0;
        int waves = 0;
        while (released < LOCKS) {
            int expected = Math.min(maxConcurrent, LOCKS - released);
            await().atMost(WAIT).until(() -> hold.held() == expected);
            assertEquals(expected, emulator.inFlight(API_KEY), "calls in flight at KAS in wave " + waves);
            released += hold.release();
            waves++;
        }
        // every action returns exactly one result
        CompletableFuture.allOf(actionResults.stream().map(RuleAction::result).toArray(CompletableFuture[]::new))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        // every lock's pending unlock ends; the assumed state returns to locked
        await().atMost(WAIT).until(() -> locks.stream().allMatch(l -> OnOffType.ON.equals(lastState(l, CHANNEL_LOCK))
                && !events(l).isEmpty() && OnOffType.OFF.equals(lastState(l, CHANNEL_UNLOCK))));
        await().atMost(WAIT).until(() -> emulator.inFlight(API_KEY) == 0);

        List<JournalEntry> unlocks = requests(Endpoint.UNLOCK);
        List<ExecutedUnlock> executed = emulator.executedUnlocks();
        // rule 4: never more calls in flight at KAS than allowed, and that many while the queue was full; none dropped
        // by KAS's own limit
        assertEquals(maxConcurrent, emulator.peakConcurrency(API_KEY), "the peak at KAS is the account's limit");
        assertTrue(maxConcurrent <= KasCloudEmulator.QUEUE_LIMIT);
        assertEquals(0, emulator.droppedCalls(API_KEY));
        // every unlock KAS accepted was carried out, and each one is one accepted outcome on its lock
        long accepted200 = unlocks.stream().filter(r -> r.status() == 200).count();
        assertEquals(accepted200, executed.size());
        assertEquals(unlocks.size(), executed.size(), "no faults: every request was accepted");
        int acceptedEvents = 0;
        int failedEvents = 0;
        for (int i = 0; i < LOCKS; i++) {
            InMemoryThing lock = locks.get(i);
            String fn = factoryNumber(i);
            List<String> events = events(lock);
            long lockAccepted = events.stream().filter(EVENT_UNLOCK_ACCEPTED::equals).count();
            long lockFailed = events.stream().filter(EVENT_UNLOCK_FAILED::equals).count();
            assertEquals(events.size(), lockAccepted + lockFailed, events.toString());
            long lockExecuted = executed.stream().filter(u -> fn.equals(u.factoryNumber())).count();
            long lockRequests = unlocks.stream().filter(r -> fn.equals(r.factoryNumber())).count();
            // rule 3: one request per outcome of the lock; merged commands added no request and no outcome
            assertEquals(lockExecuted, lockAccepted, fn + ": " + events);
            assertEquals(lockRequests, lockAccepted, fn + ": " + events);
            assertTrue(events.size() <= COMMANDS_PER_LOCK, fn + ": " + events);
            acceptedEvents += (int) lockAccepted;
            failedEvents += (int) lockFailed;
        }
        assertEquals(executed.size(), acceptedEvents);
        // failures could only be unlocks that waited too long (EXPIRED) or found the queue full (QUEUE_FULL); with the
        // test's clock standing still and room for every lock in the queue, there are none
        for (RuleAction action : actionResults) {
            KasOutcome outcome = outcomeOf(action.get());
            assertTrue(
                    outcome == KasOutcome.ACCEPTED || outcome == KasOutcome.EXPIRED || outcome == KasOutcome.QUEUE_FULL,
                    outcome.name());
        }
        assertEquals(0, failedEvents);
        assertEquals(List.of(), bindingLog(Level.WARN, ""), "no failure, so no WARN line (only QUEUE_FULL is one)");
        // merging did happen, and completely: every lock's ten commands came before its first answer
        assertTrue(unlocks.size() < LOCKS * COMMANDS_PER_LOCK / 2, unlocks.size() + " requests");
        assertEquals(LOCKS, unlocks.size(), "one request per lock");
        assertEquals((LOCKS + maxConcurrent - 1) / maxConcurrent, waves);
        report("burst (maxConcurrentRequests %d): %d commands -> %d requests in %d waves, peak %d in flight at KAS, "
                + "%d accepted, %d failed outcomes", maxConcurrent, LOCKS * COMMANDS_PER_LOCK, unlocks.size(), waves,
                emulator.peakConcurrency(API_KEY), acceptedEvents, failedEvents);
    }

    @Test
    void aFullQueueRejectsAtOnceAndReportsEveryRejection() {
        for (int i = 0; i < 6; i++) {
            emulator.addLock(factoryNumber(i), API_KEY, true, true);
        }
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_MAX_CONCURRENT_REQUESTS, 1);
        config.put(CONFIG_MAX_QUEUED_REQUESTS, 2);
        config.put(CONFIG_UNLOCK_MAX_AGE, 30);
        startAccount(config);
        List<InMemoryThing> locks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            locks.add(startLock("q" + i, factoryNumber(i)));
        }
        Fault hold = emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(factoryNumber(0)).silent());

        // one in flight (held by the cloud), two waiting, three rejected at once
        command(locks.get(0), CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> hold.hits() == 1);
        for (int i = 1; i < 6; i++) {
            command(locks.get(i), CHANNEL_UNLOCK, OnOffType.ON);
        }

        for (int i = 3; i < 6; i++) {
            InMemoryThing lock = locks.get(i);
            // rejected synchronously: the outcome is there when the command returns
            assertEquals(List.of(EVENT_UNLOCK_FAILED), events(lock));
            assertEquals(new StringType(KasOutcome.QUEUE_FULL.name()), lastState(lock, CHANNEL_LAST_RESULT));
            assertEquals(OnOffType.ON, lastState(lock, CHANNEL_LOCK));
            assertEquals(1, bindingLog(Level.WARN, "Unlock of lock " + lock.getUID() + " failed:").size());
        }
        assertEquals(List.of(), events(locks.get(1)));
        assertEquals(List.of(), events(locks.get(2)));

        emulator.abortHeldRequests();
        await().atMost(WAIT).until(() -> events(locks.get(2)).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertEquals(List.of(EVENT_UNLOCK_FAILED), events(locks.get(0)), "the held unlock's connection was closed");
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED), events(locks.get(1)));
        assertKeyedRequestsStay(3);
        assertEquals(List.of(factoryNumber(0), factoryNumber(1), factoryNumber(2)), unlocksReceived());
    }
}
