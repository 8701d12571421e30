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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * commands and rule actions mixed) against a slow cloud. KAS never sees more calls of the account in flight than
 * {@code maxConcurrentRequests}, never drops one (its own limit of 30), every command gets an outcome, commands merged
 * into a pending unlock share its outcome, and every unlock KAS carried out was accepted exactly once.
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

    @ParameterizedTest(name = "maxConcurrentRequests = {0}, cloud delay {1} ms")
    @CsvSource({ "4, 150", "30, 150" })
    void aBurstOfUnlocksStaysWithinTheLimitsAndEveryCommandGetsAnOutcome(int maxConcurrent, int delayMillis)
            throws Exception {
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
        emulator.setDefaultDelay(Duration.ofMillis(delayMillis));
        emulator.resetJournal();

        // 10 rounds over all 100 locks: odd rounds by channel (unlock ON / lock OFF), even rounds by rule action
        List<CompletableFuture<Map<String, Object>>> actionResults = new ArrayList<>();
        Map<String, Integer> actionsPerLock = new HashMap<>();
        int channelCommands = 0;
        for (int round = 0; round < COMMANDS_PER_LOCK; round++) {
            for (int i = 0; i < LOCKS; i++) {
                InMemoryThing lock = locks.get(i);
                if (round % 2 == 0) {
                    actionResults.add(unlockAction(lock));
                    actionsPerLock.merge(factoryNumber(i), 1, Integer::sum);
                } else {
                    command(lock, round % 4 == 1 ? CHANNEL_UNLOCK : CHANNEL_LOCK,
                            round % 4 == 1 ? OnOffType.ON : OnOffType.OFF);
                    channelCommands++;
                }
            }
        }
        assertEquals(LOCKS * COMMANDS_PER_LOCK, actionResults.size() + channelCommands);

        // every action returns exactly one result
        CompletableFuture.allOf(actionResults.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        // every lock's pending unlock ends; the assumed state returns to locked
        await().atMost(Duration.ofSeconds(60))
                .until(() -> locks.stream().allMatch(l -> OnOffType.ON.equals(lastState(l, CHANNEL_LOCK))
                        && !events(l).isEmpty() && OnOffType.OFF.equals(lastState(l, CHANNEL_UNLOCK))));
        await().atMost(WAIT).until(() -> emulator.inFlight(API_KEY) == 0);

        List<JournalEntry> unlocks = requests(Endpoint.UNLOCK);
        List<ExecutedUnlock> executed = emulator.executedUnlocks();
        // rule 4: never more calls in flight at KAS than allowed, none dropped by KAS's own limit
        assertTrue(emulator.peakConcurrency(API_KEY) <= maxConcurrent,
                "peak " + emulator.peakConcurrency(API_KEY) + " > " + maxConcurrent);
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
        // failures can only be unlocks that waited too long (EXPIRED) or found the queue full (QUEUE_FULL)
        for (CompletableFuture<Map<String, Object>> future : actionResults) {
            KasOutcome outcome = outcomeOf(future.get());
            assertTrue(
                    outcome == KasOutcome.ACCEPTED || outcome == KasOutcome.EXPIRED || outcome == KasOutcome.QUEUE_FULL,
                    outcome.name());
        }
        long failedNotices = bindingLog(Level.WARN, "Unlock of lock ").size();
        assertEquals(failedEvents, failedNotices, "each failed unlock is also a WARN line (EXPIRED, QUEUE_FULL)");
        // merging did happen, and substantially: far fewer requests than commands
        assertTrue(unlocks.size() < LOCKS * COMMANDS_PER_LOCK / 2, unlocks.size() + " requests");
        assertTrue(unlocks.size() >= LOCKS, unlocks.size() + " requests");
        report("burst (maxConcurrentRequests %d): %d commands -> %d requests, peak %d in flight at KAS, "
                + "%d accepted, %d failed outcomes", maxConcurrent, LOCKS * COMMANDS_PER_LOCK, unlocks.size(),
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
        assertEquals(List.of(factoryNumber(0), factoryNumber(1), factoryNumber(2)),
                requests(Endpoint.UNLOCK).stream().map(JournalEntry::factoryNumber).toList());
    }
}
