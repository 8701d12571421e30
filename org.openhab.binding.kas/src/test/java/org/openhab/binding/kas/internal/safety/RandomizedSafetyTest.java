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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.JournalEntry;
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
 * Property-based test of the safety rules with a fixed seed: a hundred random sequences of commands, actions and life
 * events (unlock ON / lock OFF / other commands and REFRESH on all channels / channel links / unlock and PIN actions /
 * lock removed and added again / bridge reconfigured / a cloud that answers late, slow answers, 504, 500, resets and
 * silence with a request timeout of 1 s / time passing) over four locks of one account, each followed by a check of
 * the emulator's journal, the calls the account handed to the HTTP transport, the client's and handlers' log and the
 * callback records.
 * <p>
 * Time is the test's: the handlers' clock moves only when a sequence lets time pass, and then from one due event to
 * the next (an expiry, a wait bound, a request timeout, a slow answer); calls are kept in flight by the emulator
 * ({@link ScriptedCloud}) and time out on the handlers' clock ({@link ClockedTransport}). Between two steps the test
 * waits until every call has reached the emulator and every answer the emulator gave has been processed, so each
 * sequence runs the same way every time, and the clock never moves while a call is on its way.
 * <ol>
 * <li>rule 1: every unlock request was started by the request gate (handed to the HTTP transport) at a time of the
 * handlers' clock no later than {@code unlockMaxAge} after an explicit unlock command for that lock, and received by
 * KAS before that clock moved on (exactly: no allowance for threads or transit);</li>
 * <li>rule 3: the client never has two unlock requests of the same lock in flight at once (a 504's one retry follows
 * its first answer), neither in its log nor at the HTTP transport;</li>
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

    private static final String SIDE_FN = "SS424242";
    private static final String GARAGE_FN = "UL999001";
    private static final Duration MAX_AGE_LONG = Duration.ofSeconds(2);
    private static final Duration MAX_AGE_SHORT = Duration.ofSeconds(1);
    private static final List<String> FACTORY_NUMBERS = List.of(FRONT_FN, BACK_FN, SIDE_FN, GARAGE_FN);
    private static final List<String> CHANNELS = List.of(CHANNEL_UNLOCK, CHANNEL_LOCK, CHANNEL_LAST_UNLOCK,
            CHANNEL_LAST_RESULT, CHANNEL_EVENT, "no-such-channel");
    /** The hold of a cloud that answers every call late. */
    private static final String SLOW_CLOUD_HOLD = "cloud";
    /**
     * How often the test looks whether the calls of a step have arrived and been answered (loopback, well under 1 ms).
     */
    private static final Duration POLL = Duration.ofMillis(1);
    /** The account's request timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(1);
    /** A send this close to its deadline counts as one at the edge of the maximum age (in the summary). */
    private static final Duration EDGE = Duration.ofMillis(100);

    private static final Pattern CLIENT_SEND = Pattern
            .compile("^KAS #\\d+ GET \\S*/remoteUnlock/([A-Z0-9]+)/\\*\\*\\* \\(timeout");
    private static final Pattern CLIENT_DONE = Pattern
            .compile("^KAS #\\d+ GET \\S*/remoteUnlock/([A-Z0-9]+)/\\*\\*\\* -> ");
    private static final Pattern STARTED = Pattern.compile("^Lock (\\S+): .* asks for an unlock of ");
    private static final Pattern REPORTED = Pattern.compile("^Unlock of lock (\\S+?)(: | failed: )");
    private static final Pattern LOGGED_ONLY = Pattern
            .compile("^Lock (\\S+) disposed or reconfigured before its unlock ended: ");

    /**
     * What a sequence can do. The operations that made the cloud slow or let time pass in real time now keep calls in
     * the emulator and move the handlers' clock: {@link #CLOUD_DELAY} (every call answered 10 to 300 ms late, or at
     * once again), {@link #SLOW_ANSWER} (the next one to three calls of a lock answered 600 to 950 ms late),
     * {@link #SLOW_CLOUD} (every call 700 to 900 ms late until the end of the sequence), {@link #PAUSE} (up to 1.5 s
     * pass). {@link #CLOUD_ANSWERS} lets the cloud answer every call it keeps, now or right around a deadline (just
     * before, at or just after the maximum age of a recent command, or just before the next timer of the handlers), so
     * that calls start, and 504s come, at the edges of the maximum age. In a slow cloud {@link #GATEWAY_TIMEOUT_ONCE}
     * makes it answer the lock's next unlock late with a 504 (the gateway is offline while it answers).
     */
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
        PAUSE(8, false),
        CLOUD_ANSWERS(8, false);

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
     * @param at when it was given, on the handlers' clock
     * @param maxAge the account's unlockMaxAge then
     *
     * @author KAS binding contributors - Initial contribution
     */
    record UnlockCommand(String factoryNumber, Instant at, Duration maxAge) {

        /** @return whether an unlock of its lock started at that time of the handlers' clock serves it */
        boolean serves(String lock, Instant started) {
            return factoryNumber.equals(lock) && !at.isAfter(started) && !started.isAfter(at.plus(maxAge));
        }
    }

    /**
     * A move of the handlers' clock.
     *
     * @param real the real time just before it moved
     * @param shows what it showed from then on
     *
     * @author KAS binding contributors - Initial contribution
     */
    record ClockMove(Instant real, Instant shows) {
    }

    private final List<UnlockCommand> commands = new ArrayList<>();
    private final Map<String, InMemoryThing> locks = new LinkedHashMap<>();
    private final Map<String, Boolean> removed = new HashMap<>();
    private final List<ClockMove> clockMoves = new ArrayList<>();
    private @Nullable InMemoryBridge account;
    /** The account's unlockMaxAge now (1 or 2 s; the reconfiguration toggles it). */
    private Duration maxAge = MAX_AGE_LONG;
    /** The account's maxConcurrentRequests now. */
    private int slots = 2;
    /** The faults of the current sequence. */
    private @NonNullByDefault({}) ScriptedCloud cloud;
    /** The locks whose next unlock the slow cloud answers with a 504 (their gateway is offline while it answers). */
    private final Set<String> late504 = new HashSet<>();
    /** The locks whose gateway went offline in the current sequence. */
    private final Set<String> offline = new HashSet<>();
    /** The actions of the current sequence. */
    private List<RuleAction> actions = new ArrayList<>();
    /** How many calls the account had handed to the transport before the current sequence. */
    private int callsBefore;

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
        config.put(CONFIG_REQUEST_TIMEOUT, (int) REQUEST_TIMEOUT.toSeconds());
        config.put(CONFIG_UNLOCK_MAX_AGE, 2);
        config.put(CONFIG_MAX_CONCURRENT_REQUESTS, 2);
        config.put(CONFIG_MAX_QUEUED_REQUESTS, 3);
        useManualTimeouts();
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
        int sendsWaited = 0;
        int sendsAtTheEdge = 0;
        int expired = 0;
        int timedOut = 0;
        int congestedTotal = 0;
        Instant clockStart = clock.instant();
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
                Checked checked = check(result, noUnlocks);
                sendsChecked += checked.sends();
                sendsWaited += checked.waited();
                sendsAtTheEdge += checked.atTheEdge();
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
            timedOut += (int) result.log().stream()
                    .filter(e -> CLIENT_DONE.matcher(e.message()).find() && e.message().contains("-> TIMEOUT")).count();
            requestsTotal += result.unlockRequests();
        }
        report("RandomizedSafetyTest: seed %d, %d sequences (%d without unlocks), %d explicit unlocks, "
                + "%d unlock requests (%d sends checked against their deadline, %d of them after waiting, %d less "
                + "than %d ms before it), %d outcomes EXPIRED, %d unlocks TIMEOUT, %d congested sequences, %d s on "
                + "the handlers' clock in %d ms; operations %s", seed, sequences, withoutUnlocks, explicitTotal,
                requestsTotal, sendsChecked, sendsWaited, sendsAtTheEdge, EDGE.toMillis(), expired, timedOut,
                congestedTotal, Duration.between(clockStart, clock.instant()).toSeconds(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), opCounts);
        assertTrue(requestsTotal > sequences / 2, "the sequences must actually unlock");
        assertTrue(requestsTotal < explicitTotal, "merging must happen");
        assertTrue(sendsChecked >= requestsTotal, "every unlock sent was checked against its deadline");
    }

    /**
     * What one sequence did.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record SequenceResult(List<String> ops, List<RuleAction> actions, int pinActions,
            Map<String, Integer> explicitPerLock, List<LogCapture.Event> log, List<JournalEntry> journal,
            List<ClockedTransport.Call> calls, List<String> callbacksOfRemovedLocks,
            Map<ChannelUID, Integer> unlockEvents, int explicit, int unlockRequests) {
    }

    private SequenceResult runSequence(Random random, boolean noUnlocks, boolean congested, Map<Op, Integer> opCounts) {
        InMemoryBridge bridge = account;
        assertNotNull(bridge);
        resetCloud();
        List<String> ops = new ArrayList<>();
        Map<String, Integer> explicitPerLock = new HashMap<>();
        Map<String, CallbackMark> removedAt = new HashMap<>();
        List<String> callbacksOfRemovedLocks = new ArrayList<>();
        int pinActions = 0;
        boolean slowCloud = congested;
        if (congested) {
            ops.add("CONGESTED");
            configureAccount(bridge, MAX_AGE_SHORT, 1);
            slowAnswers(Duration.ofMillis(700 + random.nextInt(200)));
        } else if (random.nextInt(3) == 0) {
            // one in three of the others begins with a cloud that answers late (a CLOUD_DELAY)
            Duration latency = Duration.ofMillis(List.of(10, 40, 120, 300).get(random.nextInt(4)));
            ops.add("CLOUD_DELAY(" + latency.toMillis() + " ms)");
            slowAnswers(latency);
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
                            commands.add(new UnlockCommand(fn, clock.instant(), maxAge));
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
                                commands.add(new UnlockCommand(each, clock.instant(), maxAge));
                                explicitPerLock.merge(each, 1, Integer::sum);
                                explicit++;
                                command(eachLock, CHANNEL_UNLOCK, OnOffType.ON);
                            }
                        }
                    }
                    case UNLOCK_ACTION -> {
                        // a rule may hold the actions of a thing that has been removed: they send nothing then
                        if (present) {
                            commands.add(new UnlockCommand(fn, clock.instant(), maxAge));
                            explicitPerLock.merge(fn, 1, Integer::sum);
                            explicit++;
                        }
                        actions.add(startAction(actionsOf(lock)::unlock));
                    }
                    case PIN_ACTION -> {
                        int mode = random.nextInt(4) - 1; // -1 and 2 are invalid
                        int duration = random.nextInt(70);
                        ZonedDateTime start = random.nextBoolean() ? null
                                : ZonedDateTime.of(2026, 5, 1 + random.nextInt(20), 9, 0, 0, 0, ZoneOffset.UTC);
                        pinActions++;
                        actions.add(startAction(() -> actionsOf(lock).generatePinCode(mode, duration, start)));
                    }
                    case OTHER_COMMAND -> {
                        if (present) {
                            String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
                            Command command = otherCommand(random, clock.instant());
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
                        // a slow cloud stays slow until the end of the sequence
                        if (!slowCloud && delay == 0) {
                            cloudAnswers(() -> cloud.stopHolding(SLOW_CLOUD_HOLD));
                        } else if (!slowCloud) {
                            slowAnswers(Duration.ofMillis(delay));
                        }
                    }
                    // every answer just below the request timeout until the end of the sequence: with one slot, the
                    // third unlock of a scene reaches its maximum age
                    case SLOW_CLOUD -> {
                        slowCloud = true;
                        slowAnswers(Duration.ofMillis(700 + random.nextInt(200)));
                    }
                    // answers just below the request timeout, up to three in a row: waiting unlocks reach their maximum
                    // age
                    case SLOW_ANSWER ->
                        cloud.hold("slow answers of " + fn + " #" + i, Duration.ofMillis(600 + random.nextInt(350)),
                                1 + random.nextInt(3), n -> List.of(Fault.any().forLock(fn).times(n).hold()));
                    case GATEWAY_TIMEOUT_ONCE -> {
                        if (cloud.holding()) {
                            // the slow cloud answers the lock's next unlock late, with a 504
                            late504.add(fn);
                        } else {
                            cloud.once(n -> Fault.on(Endpoint.UNLOCK).forLock(fn).times(n).gatewayTimeout(), 1);
                        }
                    }
                    case GATEWAY_OFFLINE -> {
                        offline.add(fn);
                        emulator.setGatewayOnline(fn, false);
                    }
                    case SERVER_ERROR_ONCE -> {
                        Endpoint endpoint = random.nextBoolean() ? Endpoint.UNLOCK : Endpoint.PIN_CODE;
                        cloud.once(n -> Fault.on(endpoint).forLock(fn).times(n).respond(500, "text/plain",
                                "Unknown Error"), 1);
                    }
                    case RESET_ONCE -> cloud.once(n -> Fault.any().forLock(fn).times(n).resetConnection(), 1);
                    // never answered: the client gives up after the request timeout of 1 s (on the handlers' clock)
                    case SILENT_ONCE -> cloud.once(n -> Fault.on(Endpoint.UNLOCK).forLock(fn).times(n).silent(), 1);
                    case PAUSE -> pass(Duration.ofMillis(random.nextInt(1500)));
                    case CLOUD_ANSWERS -> {
                        // the cloud keeps every call until a moment close to a deadline (but answers before the
                        // client's request timeout), then answers all of them
                        Instant at = aroundADeadline(random);
                        Instant oldest = wire().oldestWaiting();
                        if (oldest != null && !at.isBefore(oldest.plus(REQUEST_TIMEOUT))) {
                            at = oldest.plus(REQUEST_TIMEOUT).minusMillis(1);
                        }
                        while (clock.instant().isBefore(at)) {
                            moveClockTo(earlier(at, timers.nextDue()), false);
                        }
                        cloudAnswers(cloud::releaseAll);
                    }
                }
                settle();
                if (random.nextInt(3) == 0) {
                    pass(Duration.ofMillis(random.nextInt(100)));
                }
            }
            finish();
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
            List<ClockedTransport.Call> calls = wire().calls();
            int unlockRequests = (int) journal.stream().filter(r -> r.endpoint() == Endpoint.UNLOCK).count();
            return new SequenceResult(ops, List.copyOf(actions), pinActions, explicitPerLock,
                    log.events(BINDING_LOGGERS), journal, calls.subList(callsBefore, calls.size()),
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

    /**
     * @return a moment close to a deadline: the maximum age of the newest command of a lock whose unlock is pending
     *         (the lock is shown unlocked), waiting in the queue (a start at the edge) or in flight (an answer, maybe a
     *         504, at the edge), else the next timer of the handlers (an expiry, a wait bound, a request timeout), give
     *         or take a millisecond or so; now when no deadline lies ahead
     */
    private Instant aroundADeadline(Random random) {
        Instant now = clock.instant();
        Map<String, Instant> newest = new LinkedHashMap<>();
        for (UnlockCommand command : commands.subList(Math.max(0, commands.size() - 12), commands.size())) {
            newest.put(command.factoryNumber(), command.at().plus(command.maxAge()));
        }
        List<Instant> queued = new ArrayList<>();
        List<Instant> inFlight = new ArrayList<>();
        newest.forEach((fn, deadline) -> {
            InMemoryThing lock = locks.get(fn);
            if (lock != null && OnOffType.OFF.equals(lastState(lock, CHANNEL_LOCK)) && !deadline.isBefore(now)) {
                (wire().waiting(Endpoint.UNLOCK, fn) ? inFlight : queued).add(deadline);
            }
        });
        List<Instant> deadlines = new ArrayList<>(queued);
        deadlines.addAll(inFlight);
        Instant due = timers.nextDue();
        if (deadlines.isEmpty() && due != null) {
            deadlines.add(due.minusMillis(1));
        }
        Instant deadline = deadlines.isEmpty() ? now : deadlines.get(random.nextInt(deadlines.size()));
        Instant at = deadline.plusMillis(List.of(-50, -1, 0, 1).get(random.nextInt(4)));
        return at.isAfter(now) ? at : now;
    }

    /** Every call is answered the latency late (on the handlers' clock) from now on. */
    private void slowAnswers(Duration latency) {
        cloud.hold(SLOW_CLOUD_HOLD, latency, ScriptedCloud.UNLIMITED,
                n -> List.of(Fault.on(Endpoint.UNLOCK).hold(), Fault.on(Endpoint.PIN_CODE).hold()));
    }

    /**
     * Reconfigures the account (dispose and initialize, as openHAB does) unless it is configured so already. The
     * account drops every call in flight then: the calls the cloud keeps are no longer awaited.
     */
    private void configureAccount(InMemoryBridge bridge, Duration newMaxAge, int newSlots) {
        if (newMaxAge.equals(maxAge) && newSlots == slots) {
            return;
        }
        maxAge = newMaxAge;
        slots = newSlots;
        accountHandler(bridge).handleConfigurationUpdate(
                Map.of(CONFIG_UNLOCK_MAX_AGE, (int) newMaxAge.getSeconds(), CONFIG_MAX_CONCURRENT_REQUESTS, newSlots));
        cloud.callsAbandoned();
    }

    private static Command otherCommand(Random random, Instant now) {
        return switch (random.nextInt(7)) {
            case 0, 1 -> RefreshType.REFRESH;
            case 2 -> OnOffType.ON;
            case 3 -> OnOffType.OFF;
            case 4 -> new StringType("ON");
            case 5 -> new StringType(OnOffType.OFF.name());
            default -> new DateTimeType(now);
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

    /** A healthy cloud without faults and an empty journal for the next sequence. */
    private void resetCloud() {
        emulator.clearFaults();
        emulator.abortHeldRequests();
        for (String fn : FACTORY_NUMBERS) {
            emulator.setGatewayOnline(fn, true);
        }
        // no call of the previous sequence may still be on its way
        ClockedTransport wire = wire();
        await().pollInterval(POLL).atMost(WAIT)
                .until(() -> emulator.inFlight(API_KEY) == 0 && wire.waiting(true) == 0 && wire.waiting(false) == 0);
        emulator.resetJournal();
        cloud = new ScriptedCloud(emulator);
        actions = new ArrayList<>();
        late504.clear();
        offline.clear();
        callsBefore = wire.calls().size();
    }

    /**
     * Waits until the step's consequences are over: every action has returned or waits for its outcome, every call
     * handed to the transport has reached the emulator, the emulator is answering nothing (every call it has is kept by
     * a fault), and every answer it gave has been processed by the binding. Nothing happens then until the test acts
     * (moves the clock, lets the cloud answer, sends a command). The condition is read twice in a row, to see counters
     * at rest.
     */
    private void settle() {
        await().pollInterval(POLL).atMost(WAIT).until(() -> atRest() && atRest());
        cloud.observe(clock.instant());
    }

    private boolean atRest() {
        ClockedTransport wire = wire();
        if (!actions.stream().allMatch(RuleAction::settled)) {
            return false;
        }
        long sent = wire.calls().stream().skip(callsBefore).filter(ClockedTransport.Call::keyed).count();
        long arrived = emulator.requests().stream()
                .filter(r -> r.endpoint() == Endpoint.UNLOCK || r.endpoint() == Endpoint.PIN_CODE).count();
        int atKas = emulator.inFlight(API_KEY);
        return sent == arrived && atKas == cloud.held() && wire.waiting(true) == atKas - cloud.abandonedHeld()
                && wire.waiting(false) == 0;
    }

    /**
     * Lets time pass on the handlers' clock, from one due event to the next (a timer of the handlers, a slow answer),
     * settling after each.
     *
     * @param duration how long
     */
    private void pass(Duration duration) {
        Instant target = clock.instant().plus(duration);
        while (true) {
            moveClockTo(earlier(earlier(target, timers.nextDue()), cloud.nextRelease()), true);
            if (!clock.instant().isBefore(target) && !isDue(timers.nextDue()) && !isDue(cloud.nextRelease())) {
                return;
            }
        }
    }

    /**
     * Ends the sequence: lets time pass until every action has returned, the account's gate is empty and the cloud
     * keeps no call (slow answers come, silent calls time out, waiting unlocks expire).
     */
    private void finish() {
        InMemoryBridge bridge = account;
        assertNotNull(bridge);
        settle();
        for (int step = 0; !(actions.stream().allMatch(a -> a.result().isDone())
                && accountHandler(bridge).gateSummary().contains("inFlight=0, queued=0,")
                && emulator.inFlight(API_KEY) == 0); step++) {
            Instant due = timers.nextDue();
            Instant next = due == null ? cloud.nextRelease() : earlier(due, cloud.nextRelease());
            assertNotNull(next, () -> "nothing left to end the sequence: " + accountHandler(bridge).gateSummary() + ", "
                    + emulator.inFlight(API_KEY) + " calls at KAS");
            assertTrue(step < 1000, "the sequence does not end: " + accountHandler(bridge).gateSummary());
            moveClockTo(next, true);
        }
    }

    /**
     * Moves the handlers' clock (running the timers due then), releases the slow answers due then (unless the cloud
     * keeps its calls longer), settles.
     */
    private void moveClockTo(Instant instant, boolean slowAnswersCome) {
        Instant to = instant.isBefore(clock.instant()) ? clock.instant() : instant;
        clockMoves.add(new ClockMove(Instant.now(), to));
        advance(Duration.between(clock.instant(), to));
        if (slowAnswersCome) {
            cloudAnswers(() -> cloud.releaseDue(clock.instant()));
        }
        settle();
    }

    /**
     * Lets the cloud answer the calls it keeps; the locks with a {@link Op#GATEWAY_TIMEOUT_ONCE} pending and an unlock
     * call kept answer it with a 504 (their gateway is offline while the cloud answers), and settles.
     *
     * @param release releases calls of the cloud
     */
    private void cloudAnswers(Runnable release) {
        List<String> timingOut = late504.stream()
                .filter(fn -> !offline.contains(fn) && wire().waiting(Endpoint.UNLOCK, fn)).toList();
        timingOut.forEach(fn -> emulator.setGatewayOnline(fn, false));
        release.run();
        settle();
        for (String fn : timingOut) {
            if (!wire().waiting(Endpoint.UNLOCK, fn)) {
                late504.remove(fn);
            }
            emulator.setGatewayOnline(fn, true);
        }
    }

    private boolean isDue(@Nullable Instant instant) {
        return instant != null && !instant.isAfter(clock.instant());
    }

    private static Instant earlier(Instant instant, @Nullable Instant other) {
        return other != null && other.isBefore(instant) ? other : instant;
    }

    /**
     * @param real a real time during the test
     * @return what the handlers' clock showed then (the clock moves only between the steps of a sequence, when nothing
     *         is on its way)
     */
    private Instant clockAt(Instant real) {
        for (int i = clockMoves.size() - 1; i >= 0; i--) {
            ClockMove move = clockMoves.get(i);
            if (move.real().isBefore(real)) {
                return move.shows();
            }
        }
        return T0;
    }

    /**
     * What the checks of a sequence saw of rule 1.
     *
     * @param sends unlock sends checked against their deadline
     * @param waited of them, those that did not start when a command came (queued, or a retry)
     * @param atTheEdge of those, the ones that started less than {@link #EDGE} before their deadline
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Checked(int sends, int waited, int atTheEdge) {
    }

    /** @return what the checks saw */
    private Checked check(SequenceResult result, boolean noUnlocks) {
        int sendsChecked = 0;
        int waited = 0;
        int atTheEdge = 0;
        // rule 5: every action returned one result, and a valid one
        for (RuleAction action : result.actions()) {
            assertTrue(action.result().isDone() && !action.result().isCompletedExceptionally(),
                    "an action did not return normally");
            outcomeOf(action.result().join());
        }
        // rule 5: nothing reached openHAB from a removed lock
        assertEquals(List.of(), result.callbacksOfRemovedLocks(), "callbacks after dispose");

        Map<String, Integer> startedPerLock = new HashMap<>();
        Map<String, Integer> endedPerLock = new HashMap<>();
        Map<String, Integer> reportedPerLock = new HashMap<>();
        Map<String, Boolean> inFlight = new HashMap<>();
        int loggedSends = 0;
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
                loggedSends++;
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
        // rule 1: each unlock request was started by the gate within unlockMaxAge of an explicit command for its lock,
        // on the handlers' clock ...
        List<ClockedTransport.Call> unlockCalls = result.calls().stream().filter(c -> c.endpoint() == Endpoint.UNLOCK)
                .toList();
        assertEquals(loggedSends, unlockCalls.size(), "every unlock the client logged was handed to the transport");
        for (ClockedTransport.Call call : unlockCalls) {
            // rule 3 at the transport: no unlock call is handed over while another one of its lock waits for an answer
            assertEquals(0, call.alongside(), () -> "unlock of " + call.factoryNumber() + " handed over at "
                    + call.sentAt() + " while another one of the lock was in flight");
            assertTrue(commands.stream().anyMatch(c -> c.serves(call.factoryNumber(), call.sentAt())),
                    () -> "unlock of " + call.factoryNumber() + " started at " + call.sentAt()
                            + " serves no command younger than unlockMaxAge; latest commands: "
                            + commands.subList(Math.max(0, commands.size() - 8), commands.size()));
            sendsChecked++;
            if (commands.stream()
                    .noneMatch(c -> c.factoryNumber().equals(call.factoryNumber()) && c.at().equals(call.sentAt()))) {
                waited++;
                long slack = commands.stream().filter(c -> c.serves(call.factoryNumber(), call.sentAt()))
                        .mapToLong(c -> Duration.between(call.sentAt(), c.at().plus(c.maxAge())).toMillis()).max()
                        .orElse(-1);
                atTheEdge += slack < EDGE.toMillis() ? 1 : 0;
            }
        }
        // ... and received by KAS before the clock moved on
        for (JournalEntry request : unlocks) {
            Instant received = clockAt(request.receivedAt());
            assertTrue(commands.stream().anyMatch(c -> c.serves(request.factoryNumber(), received)),
                    () -> "unlock request " + request + " received at " + received
                            + " (handlers' clock) serves no command younger than unlockMaxAge");
        }
        for (String fn : FACTORY_NUMBERS) {
            assertEquals(unlockCalls.stream().filter(c -> fn.equals(c.factoryNumber())).count(),
                    unlocks.stream().filter(r -> fn.equals(r.factoryNumber())).count(),
                    "every unlock of " + fn + " handed to the transport reached KAS");
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
        return new Checked(sendsChecked, waited, atTheEdge);
    }
}
