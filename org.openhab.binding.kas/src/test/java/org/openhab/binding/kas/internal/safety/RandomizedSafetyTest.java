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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.JournalEntry;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.test.CallbackRecorder;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;

/**
 * Property-based test of the safety rules with a fixed seed: a few hundred random sequences of commands, actions and
 * life events (unlock ON / lock OFF / other commands and REFRESH on all channels / channel links / unlock and PIN
 * actions / lock removed and added again / bridge reconfigured / cloud delays, slow answers, 504, 500, resets and
 * silence with a
 * request timeout of 1 s) over four locks of one account, each followed by a check of the emulator's journal, the
 * client's and handlers' log and the callback records:
 * <ol>
 * <li>rule 1: every unlock request was sent by the client at most {@code unlockMaxAge} (plus {@value #SEND_MILLIS} ms
 * for the thread to get from the deadline check to the log line) after an explicit unlock command for that lock, and
 * received by KAS at most {@value #TRANSIT_MILLIS} ms later than that;</li>
 * <li>rule 3: the client never has two unlock requests of the same lock in flight at once (a 504's one retry follows
 * its first answer);</li>
 * <li>rule 5: every explicit unlock that reached the lock handler ended exactly once, reported on the channels or (for
 * a removed lock) logged at DEBUG; every action returned one result; nothing reached openHAB from a removed lock;</li>
 * <li>rules 2 and 6: a lock's unlock requests never outnumber its explicit unlock commands plus its 504 answers;
 * sequences without explicit unlocks (REFRESH, links, initialize, reconfiguration, PIN codes) send no unlock at all;
 * PIN code requests never outnumber PIN actions plus their 500/504 answers.</li>
 * </ol>
 * Seed and size: {@code -Dkas.safety.seed=<long>} (default {@value #DEFAULT_SEED}), {@code -Dkas.safety.sequences=<n>}
 * (default {@value #DEFAULT_SEQUENCES}); a failure names the seed, the sequence and its operations.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class RandomizedSafetyTest extends SafetyTestBase {

    static final long DEFAULT_SEED = 0x5AFE_2026L;
    static final int DEFAULT_SEQUENCES = 100;
    /** Time allowed between the gate's deadline check and the client's log line of the send (same thread). */
    static final long SEND_MILLIS = 250;
    /** Time allowed for a request sent right at its deadline to be received by the emulator. */
    static final long TRANSIT_MILLIS = 1000;

    private static final String SIDE_FN = "SS424242";
    private static final String GARAGE_FN = "UL999001";
    private static final Duration MAX_AGE_LONG = Duration.ofSeconds(2);
    private static final Duration MAX_AGE_SHORT = Duration.ofSeconds(1);
    private static final List<String> FACTORY_NUMBERS = List.of(FRONT_FN, BACK_FN, SIDE_FN, GARAGE_FN);
    private static final List<String> CHANNELS = List.of(CHANNEL_UNLOCK, CHANNEL_LOCK, CHANNEL_LAST_UNLOCK,
            CHANNEL_LAST_RESULT, CHANNEL_EVENT, "no-such-channel");

    private static final Pattern CLIENT_SEND = Pattern
            .compile("^KAS #\\d+ GET \\S*/remoteUnlock/([A-Z0-9]+)/\\*\\*\\* \\(timeout");
    private static final Pattern CLIENT_DONE = Pattern
            .compile("^KAS #\\d+ GET \\S*/remoteUnlock/([A-Z0-9]+)/\\*\\*\\* -> ");
    private static final Pattern STARTED = Pattern.compile("^Lock (\\S+): .* asks for an unlock of ");
    private static final Pattern REPORTED = Pattern.compile("^Unlock of lock (\\S+?)(: | failed: )");
    private static final Pattern LOGGED_ONLY = Pattern
            .compile("^Lock (\\S+) disposed or reconfigured before its unlock ended: ");

    /** What a sequence can do. */
    enum Op {
        UNLOCK_ON(18, true),
        LOCK_OFF(8, true),
        UNLOCK_ACTION(12, true),
        UNLOCK_ALL(6, true),
        PIN_ACTION(6, false),
        OTHER_COMMAND(14, false),
        CHANNEL_LINKED(4, false),
        REMOVE_LOCK(5, false),
        ADD_LOCK(5, false),
        RECONFIGURE_BRIDGE(4, false),
        CLOUD_DELAY(5, false),
        SLOW_ANSWER(3, false),
        SLOW_CLOUD(1, false),
        GATEWAY_TIMEOUT_ONCE(3, false),
        GATEWAY_OFFLINE(2, false),
        SERVER_ERROR_ONCE(3, false),
        RESET_ONCE(2, false),
        SILENT_ONCE(1, false),
        PAUSE(8, false);

        final int weight;
        final boolean explicitUnlock;

        Op(int weight, boolean explicitUnlock) {
            this.weight = weight;
            this.explicitUnlock = explicitUnlock;
        }
    }

    /**
     * An explicit unlock command.
     *
     * @param factoryNumber the lock
     * @param at when it was given (before the handler took it)
     * @param maxAge the account's unlockMaxAge then
     *
     * @author KAS binding contributors - Initial contribution
     */
    record UnlockCommand(String factoryNumber, Instant at, Duration maxAge) {
    }

    private final List<UnlockCommand> commands = new CopyOnWriteArrayList<>();
    private final Map<String, InMemoryThing> locks = new LinkedHashMap<>();
    private final Map<String, Boolean> removed = new HashMap<>();
    private @Nullable InMemoryBridge account;
    /** The account's unlockMaxAge now (1 or 2 s; the reconfiguration toggles it). */
    private volatile Duration maxAge = MAX_AGE_LONG;
    /** The account's maxConcurrentRequests now. */
    private int slots = 2;

    @Test
    void randomSequencesKeepTheSafetyRules() {
        long seed = longProperty("kas.safety.seed", DEFAULT_SEED);
        int sequences = (int) longProperty("kas.safety.sequences", DEFAULT_SEQUENCES);
        report("RandomizedSafetyTest: seed %d (-Dkas.safety.seed), %d sequences (-Dkas.safety.sequences)", seed,
                sequences);
        Random random = new Random(seed);
        emulator.addLock(SIDE_FN, API_KEY, true, true);
        emulator.addLock(GARAGE_FN, API_KEY, true, true);
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_REQUEST_TIMEOUT, 1);
        config.put(CONFIG_UNLOCK_MAX_AGE, 2);
        config.put(CONFIG_MAX_CONCURRENT_REQUESTS, 2);
        config.put(CONFIG_MAX_QUEUED_REQUESTS, 3);
        account = startAccount(config);
        String[] ids = { "front", "back", "side", "garage" };
        for (int i = 0; i < FACTORY_NUMBERS.size(); i++) {
            Map<String, Object> lockConfig = lockConfig(FACTORY_NUMBERS.get(i));
            lockConfig.put(CONFIG_UNLOCKED_DURATION, 0);
            locks.put(FACTORY_NUMBERS.get(i), startLock(ids[i], lockConfig));
            removed.put(FACTORY_NUMBERS.get(i), false);
        }
        Map<Op, Integer> opCounts = new EnumMap<>(Op.class);
        int explicitTotal = 0;
        int requestsTotal = 0;
        int withoutUnlocks = 0;
        int sendsChecked = 0;
        int expired = 0;
        int congestedTotal = 0;
        long started = System.nanoTime();
        for (int sequence = 0; sequence < sequences; sequence++) {
            // one in ten sequences runs congested: one slot, unlockMaxAge 1 s, every answer slow
            boolean congested = random.nextInt(10) == 0;
            boolean noUnlocks = !congested && random.nextInt(5) == 0;
            withoutUnlocks += noUnlocks ? 1 : 0;
            congestedTotal += congested ? 1 : 0;
            SequenceResult result = runSequence(random, noUnlocks, congested, opCounts);
            String context = "seed " + seed + ", sequence " + sequence + ": " + result.ops();
            try {
                sendsChecked += check(result, noUnlocks);
            } catch (AssertionError e) {
                throw new AssertionError(context + "\n" + e.getMessage(), e);
            }
            if (Boolean.getBoolean("kas.safety.verbose")) {
                report("sequence %d: %s -> %d unlock requests, outcomes %s", sequence, result.ops(),
                        result.unlockRequests(),
                        result.log().stream().map(e -> REPORTED.matcher(e.message())).filter(Matcher::find)
                                .map(m -> m.group(1).substring(m.group(1).lastIndexOf(':') + 1)).toList());
                result.log().stream().filter(e -> e.message().startsWith("Unlock of lock"))
                        .forEach(e -> report("    %s", e.message()));
            }
            explicitTotal += result.explicit();
            expired += (int) result.log().stream()
                    .filter(e -> e.message().contains("not sent: older than its maximum age")).count();
            requestsTotal += result.unlockRequests();
        }
        report("RandomizedSafetyTest: seed %d, %d sequences (%d without unlocks), %d explicit unlocks, "
                + "%d unlock requests (%d sends checked against their deadline), %d outcomes EXPIRED, "
                + "%d congested sequences, %d s; operations %s", seed, sequences, withoutUnlocks, explicitTotal,
                requestsTotal, sendsChecked, expired, congestedTotal,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), opCounts);
        assertTrue(requestsTotal > sequences / 2, "the sequences must actually unlock");
        assertTrue(requestsTotal < explicitTotal, "merging must happen");
        assertTrue(sendsChecked >= requestsTotal, "every unlock sent was checked against its deadline");
    }

    /**
     * What one sequence did.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record SequenceResult(List<String> ops, List<CompletableFuture<Map<String, Object>>> actions, int pinActions,
            Map<String, Integer> explicitPerLock, List<LogCapture.Event> log, List<JournalEntry> journal,
            List<String> callbacksOfRemovedLocks, Map<ChannelUID, Integer> unlockEvents, int explicit,
            int unlockRequests) {
    }

    private SequenceResult runSequence(Random random, boolean noUnlocks, boolean congested, Map<Op, Integer> opCounts) {
        InMemoryBridge bridge = account;
        assertNotNull(bridge);
        resetCloud();
        List<String> ops = new ArrayList<>();
        List<CompletableFuture<Map<String, Object>>> actions = new ArrayList<>();
        Map<String, Integer> explicitPerLock = new HashMap<>();
        Map<String, CallbackMark> removedAt = new HashMap<>();
        List<String> callbacksOfRemovedLocks = new ArrayList<>();
        int pinActions = 0;
        boolean slowCloud = congested;
        if (congested) {
            ops.add("CONGESTED");
            configureAccount(bridge, MAX_AGE_SHORT, 1);
            emulator.setDefaultDelay(Duration.ofMillis(700 + random.nextInt(200)));
        }
        int explicit = 0;
        int beforeTriggers = recorder.triggerEvents().size();
        try (LogCapture log = LogCapture.start()) {
            int length = congested ? 3 + random.nextInt(5) : 4 + random.nextInt(11);
            for (int i = 0; i < length; i++) {
                // a congested sequence begins with a scene that unlocks every door: some of them must expire
                Op op = congested && i == 0 ? Op.UNLOCK_ALL : pick(random, noUnlocks);
                opCounts.merge(op, 1, Integer::sum);
                String fn = FACTORY_NUMBERS.get(random.nextInt(FACTORY_NUMBERS.size()));
                InMemoryThing lock = locks.get(fn);
                assertNotNull(lock);
                boolean present = !Boolean.TRUE.equals(removed.get(fn));
                ops.add(op + "(" + fn + (present ? "" : ", removed") + ")");
                switch (op) {
                    case UNLOCK_ON, LOCK_OFF -> {
                        if (present) { // openHAB sends no commands to a removed thing
                            commands.add(new UnlockCommand(fn, Instant.now(), maxAge));
                            explicitPerLock.merge(fn, 1, Integer::sum);
                            explicit++;
                            command(lock, op == Op.UNLOCK_ON ? CHANNEL_UNLOCK : CHANNEL_LOCK,
                                    op == Op.UNLOCK_ON ? OnOffType.ON : OnOffType.OFF);
                        }
                    }
                    case UNLOCK_ALL -> { // a scene rule opening every door at once
                        for (String each : FACTORY_NUMBERS) {
                            InMemoryThing eachLock = locks.get(each);
                            if (eachLock != null && !Boolean.TRUE.equals(removed.get(each))) {
                                commands.add(new UnlockCommand(each, Instant.now(), maxAge));
                                explicitPerLock.merge(each, 1, Integer::sum);
                                explicit++;
                                command(eachLock, CHANNEL_UNLOCK, OnOffType.ON);
                            }
                        }
                    }
                    case UNLOCK_ACTION -> {
                        // a rule may hold the actions of a thing that is being removed; the action runs on its own
                        // thread, maybe after a reconfiguration: the longer maximum age is the one it may get
                        explicitPerLock.merge(fn, 1, Integer::sum);
                        explicit++;
                        actions.add(CompletableFuture.supplyAsync(() -> {
                            commands.add(new UnlockCommand(fn, Instant.now(), MAX_AGE_LONG));
                            return actionsOf(lock).unlock();
                        }, rules));
                    }
                    case PIN_ACTION -> {
                        int mode = random.nextInt(4) - 1; // -1 and 2 are invalid
                        int duration = random.nextInt(70);
                        ZonedDateTime start = random.nextBoolean() ? null
                                : ZonedDateTime.of(2026, 5, 1 + random.nextInt(20), 9, 0, 0, 0, ZoneOffset.UTC);
                        pinActions++;
                        actions.add(CompletableFuture
                                .supplyAsync(() -> actionsOf(lock).generatePinCode(mode, duration, start), rules));
                    }
                    case OTHER_COMMAND -> {
                        if (present) {
                            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
                            Command command = otherCommand(random);
                            boolean explicitUnlock = (CHANNEL_UNLOCK.equals(channel) && command == OnOffType.ON)
                                    || (CHANNEL_LOCK.equals(channel) && command == OnOffType.OFF);
                            command(lock, channel, explicitUnlock ? RefreshType.REFRESH : command);
                        }
                    }
                    case CHANNEL_LINKED -> {
                        if (present) {
                            handlerOf(lock).channelLinked(
                                    new ChannelUID(lock.getUID(), CHANNELS.get(random.nextInt(CHANNELS.size()))));
                        }
                    }
                    case REMOVE_LOCK -> {
                        if (present) {
                            dispose(lock);
                            removedAt.put(fn, mark(lock));
                            removed.put(fn, true);
                        }
                    }
                    case ADD_LOCK -> {
                        if (!present) {
                            addAgain(fn, removedAt, callbacksOfRemovedLocks);
                        }
                    }
                    case RECONFIGURE_BRIDGE -> {
                        // a new maximum age and a new number of slots (one slot: unlocks queue up behind slow answers)
                        Duration newMaxAge = MAX_AGE_LONG.equals(maxAge) ? MAX_AGE_SHORT : MAX_AGE_LONG;
                        int newSlots = 1 + random.nextInt(3);
                        ops.set(ops.size() - 1,
                                op + "(unlockMaxAge " + newMaxAge.getSeconds() + ", slots " + newSlots + ")");
                        configureAccount(bridge, newMaxAge, newSlots);
                    }
                    case CLOUD_DELAY -> {
                        int delay = List.of(0, 10, 40, 120, 300).get(random.nextInt(5));
                        if (!slowCloud) { // a slow cloud stays slow until the end of the sequence
                            emulator.setDefaultDelay(Duration.ofMillis(delay));
                        }
                    }
                    // answers just below the request timeout, up to three in a row: waiting unlocks reach their maximum
                    // age
                    // every answer just below the request timeout until the end of the sequence: with one slot, the
                    // third unlock of a scene reaches its maximum age
                    case SLOW_CLOUD -> {
                        slowCloud = true;
                        emulator.setDefaultDelay(Duration.ofMillis(700 + random.nextInt(200)));
                    }
                    case SLOW_ANSWER -> emulator.addFault(Fault.any().forLock(fn).times(1 + random.nextInt(3))
                            .delay(Duration.ofMillis(600 + random.nextInt(350))));
                    case GATEWAY_TIMEOUT_ONCE ->
                        emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(fn).times(1).gatewayTimeout());
                    case GATEWAY_OFFLINE -> emulator.setGatewayOnline(fn, false);
                    case SERVER_ERROR_ONCE ->
                        emulator.addFault(Fault.on(random.nextBoolean() ? Endpoint.UNLOCK : Endpoint.PIN_CODE)
                                .forLock(fn).times(1).respond(500, "text/plain", "Unknown Error"));
                    case RESET_ONCE -> emulator.addFault(Fault.any().forLock(fn).times(1).resetConnection());
                    case SILENT_ONCE -> emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(fn).times(1).silent());
                    case PAUSE -> pause(random.nextInt(150));
                }
                if (random.nextInt(3) == 0) {
                    pause(random.nextInt(30));
                }
            }
            awaitQuiet(actions);
            // the locks removed in this sequence are added again; nothing may have reached openHAB meanwhile
            for (String fn : FACTORY_NUMBERS) {
                if (Boolean.TRUE.equals(removed.get(fn))) {
                    addAgain(fn, removedAt, callbacksOfRemovedLocks);
                }
            }
            List<CallbackRecorder.TriggerEvent> triggers = recorder.triggerEvents();
            Map<ChannelUID, Integer> unlockEvents = new HashMap<>();
            for (CallbackRecorder.TriggerEvent event : triggers.subList(beforeTriggers, triggers.size())) {
                if (EVENT_UNLOCK_ACCEPTED.equals(event.event()) || EVENT_UNLOCK_FAILED.equals(event.event())) {
                    unlockEvents.merge(event.channel(), 1, Integer::sum);
                }
            }
            List<JournalEntry> journal = emulator.requests();
            int unlockRequests = (int) journal.stream().filter(r -> r.endpoint() == Endpoint.UNLOCK).count();
            return new SequenceResult(ops, actions, pinActions, explicitPerLock, log.events(BINDING_LOGGERS), journal,
                    callbacksOfRemovedLocks, unlockEvents, explicit, unlockRequests);
        }
    }

    private void addAgain(String fn, Map<String, CallbackMark> removedAt, List<String> callbacksOfRemovedLocks) {
        InMemoryThing lock = locks.get(fn);
        CallbackMark mark = removedAt.remove(fn);
        assertNotNull(lock);
        if (mark != null) {
            callbacksSince(mark).forEach(c -> callbacksOfRemovedLocks.add(fn + ": " + c));
        }
        initialize(lock);
        removed.put(fn, false);
    }

    /** Reconfigures the account (dispose and initialize, as openHAB does) unless it is configured so already. */
    private void configureAccount(InMemoryBridge bridge, Duration newMaxAge, int newSlots) {
        if (newMaxAge.equals(maxAge) && newSlots == slots) {
            return;
        }
        maxAge = newMaxAge;
        slots = newSlots;
        accountHandler(bridge).handleConfigurationUpdate(
                Map.of(CONFIG_UNLOCK_MAX_AGE, (int) newMaxAge.getSeconds(), CONFIG_MAX_CONCURRENT_REQUESTS, newSlots));
    }

    private static Command otherCommand(Random random) {
        return switch (random.nextInt(7)) {
            case 0, 1 -> RefreshType.REFRESH;
            case 2 -> OnOffType.ON;
            case 3 -> OnOffType.OFF;
            case 4 -> new StringType("ON");
            case 5 -> new StringType(OnOffType.OFF.name());
            default -> new DateTimeType(Instant.now());
        };
    }

    private static Op pick(Random random, boolean noUnlocks) {
        int total = 0;
        for (Op op : Op.values()) {
            total += noUnlocks && op.explicitUnlock ? 0 : op.weight;
        }
        int value = random.nextInt(total);
        for (Op op : Op.values()) {
            value -= noUnlocks && op.explicitUnlock ? 0 : op.weight;
            if (value < 0) {
                return op;
            }
        }
        throw new IllegalStateException();
    }

    private static void pause(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resetCloud() {
        emulator.clearFaults();
        emulator.abortHeldRequests();
        emulator.setDefaultDelay(Duration.ZERO);
        for (String fn : FACTORY_NUMBERS) {
            emulator.setGatewayOnline(fn, true);
        }
        // no request of the previous sequence may still be on its way
        await().pollInterval(Duration.ofMillis(10)).during(Duration.ofMillis(30)).atMost(WAIT)
                .until(() -> emulator.inFlight(API_KEY) == 0);
        emulator.resetJournal();
    }

    /** Waits until every action returned, the gate is empty, the cloud answered everything and the log is quiet. */
    private void awaitQuiet(List<CompletableFuture<Map<String, Object>>> actions) {
        InMemoryBridge bridge = account;
        assertNotNull(bridge);
        await().pollInterval(Duration.ofMillis(10)).atMost(Duration.ofSeconds(30))
                .until(() -> actions.stream().allMatch(CompletableFuture::isDone)
                        && accountHandler(bridge).gateSummary().matches(".*inFlight=0, queued=0,.*")
                        && emulator.inFlight(API_KEY) == 0);
        long[] last = { -1 };
        await().pollInterval(Duration.ofMillis(15)).atMost(Duration.ofSeconds(10)).until(() -> {
            long now = logs.events().size();
            boolean stable = now == last[0];
            last[0] = now;
            return stable;
        });
    }

    /** @return the number of unlock sends checked against their deadline */
    private int check(SequenceResult result, boolean noUnlocks) {
        int sendsChecked = 0;
        // rule 5: every action returned one result, and a valid one
        for (CompletableFuture<Map<String, Object>> action : result.actions()) {
            assertTrue(action.isDone() && !action.isCompletedExceptionally(), "an action did not return normally");
            outcomeOf(action.join());
        }
        // rule 5: nothing reached openHAB from a removed lock
        assertEquals(List.of(), result.callbacksOfRemovedLocks(), "callbacks after dispose");

        Map<String, Integer> startedPerLock = new HashMap<>();
        Map<String, Integer> endedPerLock = new HashMap<>();
        Map<String, Integer> reportedPerLock = new HashMap<>();
        Map<String, Boolean> inFlight = new HashMap<>();
        for (LogCapture.Event event : result.log()) {
            String message = event.message();
            Matcher send = CLIENT_SEND.matcher(message);
            Matcher done = CLIENT_DONE.matcher(message);
            Matcher started = STARTED.matcher(message);
            Matcher reported = REPORTED.matcher(message);
            Matcher loggedOnly = LOGGED_ONLY.matcher(message);
            if (send.find()) {
                // rule 3: never a second unlock of the same lock while one is in flight
                assertFalse(Boolean.TRUE.equals(inFlight.put(send.group(1), true)),
                        "two unlocks of " + send.group(1) + " in flight at once");
            } else if (done.find()) {
                inFlight.put(done.group(1), false);
            } else if (started.find()) {
                startedPerLock.merge(started.group(1), 1, Integer::sum);
            } else if (reported.find()) {
                endedPerLock.merge(reported.group(1), 1, Integer::sum);
                reportedPerLock.merge(reported.group(1), 1, Integer::sum);
            } else if (loggedOnly.find()) {
                endedPerLock.merge(loggedOnly.group(1), 1, Integer::sum);
            }
        }
        // rule 5: every unlock the handlers started ended exactly once: reported, or logged for a removed lock
        assertEquals(startedPerLock, endedPerLock, "started vs. ended unlocks per lock");
        for (InMemoryThing lock : locks.values()) {
            String uid = lock.getUID().getAsString();
            int events = result.unlockEvents().getOrDefault(new ChannelUID(lock.getUID(), CHANNEL_EVENT), 0);
            assertEquals(reportedPerLock.getOrDefault(uid, 0), events, "one event per reported outcome of " + uid);
        }

        List<JournalEntry> unlocks = result.journal().stream().filter(r -> r.endpoint() == Endpoint.UNLOCK).toList();
        for (String fn : FACTORY_NUMBERS) {
            List<JournalEntry> mine = unlocks.stream().filter(r -> fn.equals(r.factoryNumber())).toList();
            long timeouts504 = mine.stream().filter(r -> r.status() == 504).count();
            int explicit = result.explicitPerLock().getOrDefault(fn, 0);
            // rules 2 and 6: no unlock without an explicit command, no retry but the one after a 504
            assertTrue(mine.size() <= explicit + timeouts504,
                    () -> fn + ": " + mine.size() + " unlock requests for " + explicit + " commands and " + timeouts504
                            + " 504 answers: " + mine + "\nlatest commands: "
                            + commands.stream().filter(c -> c.factoryNumber().equals(fn))
                                    .skip(Math.max(0, commands.size() - 5)).toList()
                            + "\nlog:\n" + String.join("\n", result.log().stream().map(Object::toString).toList()));
        }
        if (noUnlocks) {
            assertEquals(List.of(), unlocks, "no explicit unlock, no unlock request");
        }
        // rule 1: each unlock request was sent within unlockMaxAge of an explicit command for its lock ...
        for (LogCapture.Event entry : result.log()) {
            Matcher send = CLIENT_SEND.matcher(entry.message());
            if (KasCloudClient.class.getName().equals(entry.logger()) && send.find()) {
                String fn = send.group(1);
                Instant sent = entry.time();
                boolean served = commands.stream().anyMatch(c -> c.factoryNumber().equals(fn) && !c.at().isAfter(sent)
                        && !sent.isAfter(c.at().plus(c.maxAge()).plusMillis(SEND_MILLIS)));
                assertTrue(served, "unlock of " + fn + " sent at " + sent + " serves no command younger than "
                        + "unlockMaxAge: " + entry.message());
                sendsChecked++;
            }
        }
        // ... and received by KAS soon after
        for (JournalEntry request : unlocks) {
            Instant received = request.receivedAt();
            boolean served = commands.stream()
                    .anyMatch(c -> c.factoryNumber().equals(request.factoryNumber()) && !c.at().isAfter(received)
                            && !received.isAfter(c.at().plus(c.maxAge()).plusMillis(TRANSIT_MILLIS)));
            assertTrue(served, "unlock request " + request + " serves no command younger than unlockMaxAge");
        }
        // PIN codes: no retry but the one after a 500 or 504
        List<JournalEntry> pins = result.journal().stream().filter(r -> r.endpoint() == Endpoint.PIN_CODE).toList();
        long pinErrors = pins.stream().filter(r -> r.status() == 500 || r.status() == 504).count();
        assertTrue(pins.size() <= result.pinActions() + pinErrors, pins.size() + " PIN code requests");
        // KAS's own limit is never reached
        assertEquals(0, emulator.droppedCalls(API_KEY));
        for (InMemoryThing lock : locks.values()) {
            assertNotEquals(ThingStatus.UNINITIALIZED, lock.getStatus(), "every lock is initialized again");
            assertNotEquals(ThingStatusDetail.CONFIGURATION_ERROR, lock.getStatusInfo().getStatusDetail());
        }
        return sendsChecked;
    }
}
