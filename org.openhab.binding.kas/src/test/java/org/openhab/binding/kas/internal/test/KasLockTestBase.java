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
package org.openhab.binding.kas.internal.test;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.KasBindingConstants.CONFIG_REQUEST_TIMEOUT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.handler.KasLockHandler;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

import ch.qos.logback.classic.Level;

/**
 * Helpers of the handler, action and console tests on top of {@link KasHandlerTestBase}, for tests that control time:
 * blocking calls (rule actions, {@code awaitOutcome}, console commands) on another thread while the test moves time
 * on, requests held at the emulator instead of slow answers, and checks that nothing happens up to a point in time
 * (time moved past it, no timer ran).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class KasLockTestBase extends KasHandlerTestBase {

    /** The unlocked duration of the locks configured by {@link #lockConfig(String)}. */
    protected static final Duration UNLOCKED_DURATION = Duration.ofSeconds(1);
    /** The smallest step of time the tests take, e.g. to stop just before a timer is due. */
    protected static final Duration TICK = Duration.ofMillis(1);
    /** The beginning of the names of the binding's loggers. */
    protected static final String BINDING_LOGGERS = "org.openhab.binding.kas";
    /** The beginning of the i18n key of every status description of an invalid configuration value. */
    protected static final String CONFIG_ERROR = "offline.config-error.";
    /** The request timeout on the wire of the tests named {@code ...OverTheWire}. */
    protected static final Duration OVER_THE_WIRE_TIMEOUT = Duration.ofMillis(300);

    private final ExecutorService callers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-caller");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopCallers() throws InterruptedException {
        // a call still blocked (a failed test) is interrupted: it then ends with CANCELLED
        callers.shutdownNow();
        assertTrue(callers.awaitTermination(10, TimeUnit.SECONDS), "a blocking call did not end");
    }

    /**
     * @param changes parameters to set or replace
     * @return {@link #accountConfig()} with the changes
     */
    protected Map<String, Object> accountConfig(Map<String, Object> changes) {
        Map<String, Object> config = accountConfig();
        config.putAll(changes);
        return config;
    }

    /**
     * Starts the account with {@link #accountConfig()} and the lock {@code front} ({@link #FRONT_FN}, unlocked
     * duration 1 s), and waits until both are ONLINE.
     *
     * @return the lock
     */
    protected InMemoryThing startAccountAndFront() {
        startAccount();
        return startLock("front", FRONT_FN);
    }

    /**
     * Starts the account with another request timeout and the lock {@code front} ({@link #FRONT_FN}, unlocked
     * duration 1 s), and waits until both are ONLINE.
     *
     * @param requestTimeoutSeconds the account's request timeout
     * @return the lock
     */
    protected InMemoryThing startAccountAndFront(int requestTimeoutSeconds) {
        startAccount(accountConfig(Map.of(CONFIG_REQUEST_TIMEOUT, requestTimeoutSeconds)));
        return startLock("front", FRONT_FN);
    }

    /**
     * The request timeout of the tests named {@code ...OverTheWire}, which wait for a time-out in real time: Jetty's,
     * 300 ms on the wire, whatever the account is configured with (the minimum is 1 s).
     */
    protected void useTheWireTimeoutOfOverTheWireTests() {
        useWireTimeout(OVER_THE_WIRE_TIMEOUT);
    }

    /**
     * @param config a configuration
     * @param parameter a parameter
     * @param value its new value, or null to remove it
     * @return the configuration, changed
     */
    protected static Map<String, Object> withParameter(Map<String, Object> config, String parameter,
            @Nullable Object value) {
        if (value == null) {
            config.remove(parameter);
        } else {
            config.put(parameter, value);
        }
        return config;
    }

    /**
     * Checks that a thing was initialized with an invalid configuration: its status is the configuration error of
     * the reason, and the English sentence that says what is wrong is in its handler's debug log.
     *
     * @param thing the thing
     * @param handler the class of its handler
     * @param reason the reason (the last part of the i18n key)
     * @param arguments the names and numbers the status description carries
     * @param message a part of the debug log line
     */
    protected void assertInvalidConfiguration(Thing thing, Class<?> handler, String reason, List<String> arguments,
            String message) {
        assertConfigurationError(thing.getStatusInfo(), reason, arguments.toArray(String[]::new));
        assertEquals(1, logLines(handler, Level.DEBUG, "invalid configuration", message).size(),
                () -> logs.texts().toString());
    }

    /**
     * Runs a call that blocks until an outcome or its wait bound (a rule action, {@code awaitOutcome}, a console
     * command) on a thread of its own, so that the test can move time on meanwhile.
     *
     * @param call the blocking call
     * @return its result, once it returned
     */
    protected <T> CompletableFuture<T> inBackground(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, callers);
    }

    /**
     * Waits until a call started with {@link #inBackground(Supplier)} has returned; the wait is for threads and I/O,
     * time does not move.
     *
     * @param call the call
     * @return its result
     */
    protected static <T> T resultOf(CompletableFuture<T> call) {
        return call.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /**
     * Waits until exactly this many timers are scheduled and neither run nor cancelled (e.g. the expiry timer of a
     * waiting unlock and the wait bound of the rule action that waits for it).
     *
     * @param count the number of live timers
     */
    protected void awaitLiveTimers(int count) {
        await().atMost(WAIT).until(() -> timers.liveTasks() == count);
    }

    /**
     * Waits until the account is OFFLINE because its probe got no answer and until the probe's recheck is scheduled
     * (the account reports the status first), for tests where the recheck is the only timer.
     *
     * @param account the account bridge
     * @return the status
     */
    protected ThingStatusInfo awaitUnreachable(Thing account) {
        ThingStatusInfo status = awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR);
        awaitLiveTimers(1);
        return status;
    }

    /**
     * Waits until the fault holds this many requests at the emulator (they arrived and get no answer until the test
     * releases them).
     *
     * @param fault a {@link Fault#hold()} or {@link Fault#silent()} fault
     * @param count the number of requests held
     */
    protected static void awaitHeld(Fault fault, int count) {
        await().atMost(WAIT).until(() -> fault.held() == count);
    }

    /**
     * Asks the lock's handler for an unlock and waits for its outcome (as a rule action does, on the test's thread).
     *
     * @param lock the lock thing
     * @return the outcome
     */
    protected static KasResult unlockAndWait(Thing lock) {
        KasLockHandler handler = lockHandler(lock);
        return handler.awaitOutcome(handler.unlock("test"));
    }

    /**
     * Asks the lock's handler for a PIN code (mode 0, duration 24, starting now) and waits for its outcome.
     *
     * @param lock the lock thing
     * @return the outcome
     */
    protected static KasResult pinCodeAndWait(Thing lock) {
        KasLockHandler handler = lockHandler(lock);
        return handler.awaitOutcome(handler.createPinCode(0, 24, null));
    }

    /**
     * Moves time on by the unlocked duration of the locks of {@link #lockConfig(String)}: the relock timers of
     * unlocks accepted until now run.
     */
    protected void advancePastUnlockedDuration() {
        advance(UNLOCKED_DURATION);
    }

    /**
     * Moves time on and checks that no timer became due on the way: nothing the handlers scheduled happened (no
     * relock, no recheck, no expiry, no wait bound).
     *
     * @param duration how far
     */
    protected void advanceWithoutAnyTimer(Duration duration) {
        assertEquals(0, timers.advance(duration), "a timer ran");
    }

    /**
     * @param reason the reason of the {@link org.openhab.binding.kas.internal.api.InvalidInputException}, the last
     *            part of the i18n key
     * @param arguments the names and numbers the translated text gets
     * @return the status description {@code @text/offline.config-error.<reason> ["arg", ...]}
     */
    protected static String configErrorText(String reason, String... arguments) {
        return statusText(CONFIG_ERROR + reason, arguments);
    }

    /**
     * @param key the key in {@code kas.properties}
     * @param arguments the arguments
     * @return the status description openHAB translates: {@code @text/<key>} with the arguments in quotes
     */
    protected static String statusText(String key, String... arguments) {
        String text = "@text/" + key;
        return arguments.length == 0 ? text
                : Stream.of(arguments).map(a -> '"' + a + '"').collect(Collectors.joining(", ", text + " [", "]"));
    }

    /**
     * Checks a configuration error: its description is the template of the reason with names and numbers only.
     *
     * @param status the thing's status
     * @param reason the reason (the last part of the i18n key)
     * @param arguments the names and numbers the description carries
     */
    protected static void assertConfigurationError(ThingStatusInfo status, String reason, String... arguments) {
        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                configErrorText(reason, arguments)), status);
    }

    /**
     * @param logger the class whose logger logged
     * @param level the level
     * @param parts texts the line contains
     * @return the lines of the binding's logger at that level that contain every part
     */
    protected List<LogCapture.Event> logLines(Class<?> logger, Level level, String... parts) {
        return logs.events(logger, level).stream().filter(e -> Stream.of(parts).allMatch(e.text()::contains)).toList();
    }

    /**
     * @return the binding's log lines at WARN or above
     */
    protected List<LogCapture.Event> bindingWarnings() {
        return logs.eventsAtLeast(Level.WARN).stream().filter(e -> e.logger().startsWith(BINDING_LOGGERS)).toList();
    }
}
