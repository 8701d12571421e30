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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.JournalEntry;
import org.openhab.binding.kas.internal.action.KasLockActions;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.test.CallbackRecorder;
import org.openhab.binding.kas.internal.test.KasHandlerTestBase;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingUID;

import ch.qos.logback.classic.Level;

/**
 * Helpers of the safety tests: thing actions run the way rules run them (on threads of their own, since they wait for
 * the outcome, until the time of the handlers' clock bounds their wait), the calls the accounts handed to the HTTP
 * transport with the time of the handlers' clock ({@link ClockedTransport}), marks to prove that nothing reaches
 * openHAB from a disposed handler, and log queries.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class SafetyTestBase extends KasHandlerTestBase {

    /** The logger name prefix of the binding. */
    protected static final String BINDING_LOGGERS = "org.openhab.binding.kas";

    /** Runs thing actions like rule engine threads do (virtual threads: hundreds may wait for outcomes at once). */
    protected final ExecutorService rules = Executors
            .newThreadPerTaskExecutor(Thread.ofVirtual().name("test-rule-", 1).factory());

    /** The class whose {@code await} bounds the wait of a thing action with a timer of the handlers' scheduler. */
    private static final String OUTCOME_WAITER = "org.openhab.binding.kas.internal.handler.OutcomeWaiter";

    /** The transports of the accounts created so far, in order. */
    private final List<ClockedTransport> wires = new CopyOnWriteArrayList<>();
    /** Whether the calls of accounts created from now on time out on the handlers' clock. */
    private boolean manualTimeouts;

    @AfterEach
    void stopRuleThreads() throws InterruptedException {
        rules.shutdown();
        if (!rules.awaitTermination(30, TimeUnit.SECONDS)) {
            rules.shutdownNow();
            fail("a thing action did not return");
        }
    }

    /**
     * Prints a line of test statistics to standard output (the surefire report keeps it).
     *
     * @param format a {@link String#format(Locale, String, Object...)} format
     * @param arguments its arguments
     */
    protected static void report(String format, Object... arguments) {
        PrintStream out = System.out;
        if (out != null) {
            out.println(String.format(Locale.ROOT, format, arguments));
        }
    }

    /**
     * @param name a system property
     * @param defaultValue its value when not set
     * @return the property as a number
     */
    protected static long longProperty(String name, long defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : Long.parseLong(value.strip());
    }

    /**
     * @return the thing actions of a lock, as openHAB creates them for a rule
     */
    protected static KasLockActions actionsOf(Thing lock) {
        KasLockActions actions = new KasLockActions();
        actions.setThingHandler(lockHandler(lock));
        return actions;
    }

    /**
     * @return the factory numbers of the unlock requests KAS received, in the order they arrived
     */
    protected List<String> unlocksReceived() {
        return requests(Endpoint.UNLOCK).stream().map(JournalEntry::factoryNumber).toList();
    }

    /**
     * Disposes the thing and initializes it again, as openHAB does when it is disabled and enabled, and waits until it
     * is ONLINE.
     *
     * @param thing the thing
     */
    protected void reinitialize(Thing thing) {
        dispose(thing);
        initialize(thing);
        awaitStatus(thing, ThingStatus.ONLINE, ThingStatusDetail.NONE);
    }

    /**
     * Makes the calls of the accounts created from now on time out on the handlers' clock (when the test moves it past
     * the configured request timeout) instead of in real time; see {@link ClockedTransport}.
     */
    protected void useManualTimeouts() {
        manualTimeouts = true;
    }

    /**
     * @return the transport of a new account: the harness's, recording each call with the time of the handlers' clock
     */
    @Override
    protected HttpTransport transport() {
        ClockedTransport wire = new ClockedTransport(super.transport(), clock, manualTimeouts ? timers : null);
        wires.add(wire);
        return wire;
    }

    /**
     * @return the transport of the account created last
     */
    protected ClockedTransport wire() {
        assertFalse(wires.isEmpty(), "no account was created");
        return wires.getLast();
    }

    /**
     * @param endpoint the endpoint
     * @return the calls of all accounts to the endpoint, in the order they were handed to the transport, with the time
     *         of the handlers' clock then
     */
    protected List<ClockedTransport.Call> sends(Endpoint endpoint) {
        return wires.stream().flatMap(w -> w.calls().stream()).filter(c -> c.endpoint() == endpoint).toList();
    }

    /**
     * A thing action that runs on a rule thread of its own, as rules run them: it blocks that thread until the outcome
     * or until the handlers' clock reaches the bound of its wait.
     *
     * @param result the action's result, once it returned
     * @param thread the rule thread, once it started
     *
     * @author KAS binding contributors - Initial contribution
     */
    protected record RuleAction(CompletableFuture<Map<String, Object>> result,
            AtomicReference<@Nullable Thread> thread) {

        /**
         * @return whether the action has returned, or waits for its outcome: the timer that bounds its wait is then
         *         scheduled, and only an outcome or the test moving time on ends the wait
         */
        public boolean settled() {
            if (result.isDone()) {
                return true;
            }
            Thread running = thread.get();
            return running != null && running.getState() == Thread.State.TIMED_WAITING
                    && Arrays.stream(running.getStackTrace())
                            .anyMatch(frame -> OUTCOME_WAITER.equals(frame.getClassName())
                                    && "await".equals(frame.getMethodName()));
        }

        /**
         * @return the action's result; fails if it does not return within {@link #WAIT} (real time)
         */
        public Map<String, Object> get() throws Exception {
            return result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Starts a thing action on a rule thread without waiting for anything.
     *
     * @param action the action, e.g. {@code actionsOf(lock)::unlock}
     * @return the running action
     */
    protected RuleAction startAction(Supplier<Map<String, Object>> action) {
        RuleAction started = new RuleAction(new CompletableFuture<>(), new AtomicReference<>());
        rules.execute(() -> {
            started.thread().set(Thread.currentThread());
            try {
                started.result().complete(action.get());
            } catch (RuntimeException | Error e) {
                started.result().completeExceptionally(e);
            }
        });
        return started;
    }

    /**
     * Runs the {@code unlock()} action of the lock on a rule thread and returns once the action has returned or waits
     * for its outcome (the unlock was then submitted or merged, and the bound of the wait is scheduled).
     *
     * @return the running action
     */
    protected RuleAction unlockAction(Thing lock) {
        RuleAction action = startAction(actionsOf(lock)::unlock);
        awaitSettled(List.of(action));
        return action;
    }

    /**
     * Waits until every action has returned or waits for its outcome.
     *
     * @param actions the actions
     */
    protected static void awaitSettled(Collection<RuleAction> actions) {
        await().atMost(WAIT).until(() -> actions.stream().allMatch(RuleAction::settled));
    }

    /**
     * @param result a result map of an action
     * @return its outcome
     */
    protected static KasOutcome outcomeOf(Map<String, Object> result) {
        Object value = result.get(KasLockActions.OUTPUT_RESULT);
        assertNotNull(value, "no result in " + result);
        return KasOutcome.valueOf(String.valueOf(value));
    }

    /**
     * @param result a result map of an action
     * @return its message
     */
    protected static String messageOf(Map<String, Object> result) {
        return String.valueOf(result.get(KasLockActions.OUTPUT_MESSAGE));
    }

    /**
     * Where the callback records stood at one moment, e.g. right after a thing was disposed.
     *
     * @param thing the thing
     * @param states state updates recorded until then
     * @param statuses status updates recorded until then
     * @param triggers trigger events recorded until then
     *
     * @author KAS binding contributors - Initial contribution
     */
    protected record CallbackMark(ThingUID thing, int states, int statuses, int triggers) {
    }

    /**
     * @return the callback records now, for {@link #callbacksSince(CallbackMark)}
     */
    protected CallbackMark mark(Thing thing) {
        return new CallbackMark(thing.getUID(), recorder.stateUpdates().size(), recorder.statusUpdates().size(),
                recorder.triggerEvents().size());
    }

    /**
     * @return what the thing's handler reported to openHAB after the mark (state updates, status updates and trigger
     *         events), described
     */
    protected List<String> callbacksSince(CallbackMark mark) {
        return callbacksBetween(mark, null);
    }

    /**
     * @param from the earlier mark
     * @param to the later mark, or null for now
     * @return what the thing's handler reported to openHAB between the marks, described
     */
    protected List<String> callbacksBetween(CallbackMark from, @Nullable CallbackMark to) {
        List<CallbackRecorder.StateUpdate> states = recorder.stateUpdates();
        List<CallbackRecorder.StatusUpdate> statuses = recorder.statusUpdates();
        List<CallbackRecorder.TriggerEvent> triggers = recorder.triggerEvents();
        List<String> found = new ArrayList<>();
        for (CallbackRecorder.StateUpdate update : states.subList(from.states(),
                to == null ? states.size() : to.states())) {
            if (update.channel().getThingUID().equals(from.thing())) {
                found.add("state " + update.channel().getId() + " = " + update.state());
            }
        }
        for (CallbackRecorder.StatusUpdate update : statuses.subList(from.statuses(),
                to == null ? statuses.size() : to.statuses())) {
            if (update.thing().equals(from.thing())) {
                found.add("status " + update.info());
            }
        }
        for (CallbackRecorder.TriggerEvent event : triggers.subList(from.triggers(),
                to == null ? triggers.size() : to.triggers())) {
            if (event.channel().getThingUID().equals(from.thing())) {
                found.add("event " + event.event());
            }
        }
        return found;
    }

    /**
     * @param level the level
     * @param contains a text the message must contain
     * @return the binding's log events at exactly that level whose message contains the text
     */
    protected List<LogCapture.Event> bindingLog(Level level, String contains) {
        return logs.events(BINDING_LOGGERS).stream().filter(e -> e.level() == level)
                .filter(e -> e.message().contains(contains)).toList();
    }

    /**
     * @return the binding's log events at WARN or ERROR
     */
    protected List<LogCapture.Event> bindingWarnings() {
        return logs.events(BINDING_LOGGERS).stream().filter(e -> e.level().toInt() >= Level.WARN.toInt()).toList();
    }

    /**
     * Checks that the binding logged nothing at WARN or above and no stack trace.
     */
    protected void assertNoWarningOrStackTrace() {
        assertEquals(List.of(), bindingWarnings());
        assertEquals(List.of(), bindingStackTraces());
    }

    /**
     * @return the binding's log events that carry a throwable (the binding logs no stack traces)
     */
    protected List<LogCapture.Event> bindingStackTraces() {
        return logs.events(BINDING_LOGGERS).stream().filter(e -> e.throwable() != null).toList();
    }
}
