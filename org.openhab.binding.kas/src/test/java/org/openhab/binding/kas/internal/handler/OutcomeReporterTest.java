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
import static org.openhab.binding.kas.internal.KasBindingConstants.*;
import static org.openhab.binding.kas.internal.handler.ChannelRecorder.Published.on;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.handler.LockStatusPolicy.StatusChange;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.LogCapture;

import ch.qos.logback.classic.Level;

/**
 * Tests of {@link OutcomeReporter}: one report publishes {@code last-result}, fires exactly one event (the one of
 * its kind of request and success), applies at most the one status change {@link LockStatusPolicy} gives, and logs
 * one line, at WARN only for an outcome {@link LockStatusPolicy#isWarning(KasOutcome)} calls a warning.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class OutcomeReporterTest {

    private static final String LOCK = LockStatusPolicyTest.LOCK;
    private static final String MESSAGE = "What happened, in one sentence.";

    private final ChannelRecorder recorder = new ChannelRecorder();
    private final List<StatusChange> statuses = new ArrayList<>();
    private final OutcomeReporter reporter = new OutcomeReporter(ChannelRecorder.THING, recorder.channels(),
            statuses::add);
    private @NonNullByDefault({}) LogCapture logs;

    @BeforeEach
    void startLogCapture() {
        logs = LogCapture.start();
    }

    @AfterEach
    void closeLogCapture() {
        logs.close();
    }

    static Stream<Arguments> everyOutcomeOfBothKindsOfRequest() {
        return Stream.of(KasOutcome.values()).flatMap(o -> Stream.of(Arguments.of(o, false), Arguments.of(o, true)));
    }

    /** @return the one log line of the reporter */
    private LogCapture.Event theLogLine() {
        List<LogCapture.Event> lines = logs.events(OutcomeReporter.class.getName());
        assertEquals(1, lines.size(), () -> lines.toString());
        return lines.getFirst();
    }

    @ParameterizedTest(name = "[{index}] {0}, PIN code request: {1}")
    @MethodSource("everyOutcomeOfBothKindsOfRequest")
    void oneReportPublishesTheResultFiresOneEventAndAppliesAtMostOneStatus(KasOutcome outcome, boolean pinRequest) {
        reporter.report(KasResult.of(outcome, MESSAGE), pinRequest, LOCK);

        assertEquals(List.of(on(CHANNEL_LAST_RESULT, new StringType(outcome.name()))), recorder.takeStates());
        String event = pinRequest ? (outcome.isSuccess() ? EVENT_PIN_CODE_CREATED : EVENT_PIN_CODE_FAILED)
                : (outcome.isSuccess() ? EVENT_UNLOCK_ACCEPTED : EVENT_UNLOCK_FAILED);
        assertEquals(List.of(on(CHANNEL_EVENT, event)), recorder.takeEvents());
        StatusChange expected = LockStatusPolicyTest.expectedStatus(outcome, LOCK);
        assertEquals(expected == null ? List.of() : List.of(expected), statuses);
    }

    @ParameterizedTest(name = "[{index}] {0}, PIN code request: {1}")
    @MethodSource("everyOutcomeOfBothKindsOfRequest")
    void oneLogLineAtWarnOnlyForAWarning(KasOutcome outcome, boolean pinRequest) {
        reporter.report(KasResult.of(outcome, MESSAGE), pinRequest, LOCK);

        LogCapture.Event line = theLogLine();
        assertEquals(LockStatusPolicy.isWarning(outcome) ? Level.WARN : Level.DEBUG, line.level());
        String what = pinRequest ? "PIN code request" : "Unlock";
        assertTrue(line.message().startsWith(what + " of lock " + ChannelRecorder.THING), line.message());
        assertTrue(line.message().endsWith(MESSAGE + (line.level() == Level.DEBUG ? ")" : "")), line.message());
    }

    @Test
    void aDebugLineNamesTheOutcome() {
        reporter.report(KasResult.of(KasOutcome.GATEWAY_TIMEOUT, MESSAGE, 504), false, LOCK);
        assertEquals("Unlock of lock kas:lock:front: GATEWAY_TIMEOUT (" + MESSAGE + ")", theLogLine().message());
    }

    @Test
    void aWarningSaysTheRequestFailed() {
        reporter.report(KasResult.queueFull(MESSAGE), true, LOCK);
        assertEquals("PIN code request of lock kas:lock:front failed: " + MESSAGE, theLogLine().message());
        assertEquals(List.of(), statuses, "a full queue is about the request, not the lock");
    }

    @Test
    void aCreatedPinCodeIsReportedWithoutTheCode() {
        String code = "90817263";
        reporter.report(KasResult.pinCode(code, 200), true, LOCK);

        assertEquals(List.of(on(CHANNEL_LAST_RESULT, new StringType("ACCEPTED"))), recorder.takeStates());
        assertEquals(List.of(on(CHANNEL_EVENT, EVENT_PIN_CODE_CREATED)), recorder.takeEvents());
        assertEquals(List.of(StatusChange.ONLINE), statuses);
        assertFalse(logs.contains(code), () -> logs.texts().toString());
    }

    @Test
    void everyReportIsReportedOnItsOwn() {
        reporter.report(KasResult.of(KasOutcome.NOT_ADMIN, MESSAGE, 400), false, LOCK);
        reporter.report(KasResult.accepted(MESSAGE, 200), false, LOCK);

        assertEquals(List.of(on(CHANNEL_EVENT, EVENT_UNLOCK_FAILED), on(CHANNEL_EVENT, EVENT_UNLOCK_ACCEPTED)),
                recorder.takeEvents());
        assertEquals(2, statuses.size());
        assertEquals(LockStatusPolicyTest.expectedStatus(KasOutcome.NOT_ADMIN, LOCK), statuses.getFirst());
        assertEquals(StatusChange.ONLINE, statuses.getLast());
        assertEquals(2, logs.events(OutcomeReporter.class.getName()).size());
    }
}
