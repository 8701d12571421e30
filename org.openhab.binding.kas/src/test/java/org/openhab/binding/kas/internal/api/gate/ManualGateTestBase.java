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
package org.openhab.binding.kas.internal.api.gate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.T0;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.gate.RequestGateFixtures.FakeCall;
import org.openhab.binding.kas.internal.test.ManualClock;
import org.openhab.binding.kas.internal.test.ManualScheduler;

/**
 * Gates on a clock and a scheduler the test moves by hand; every gate a test creates is closed after it.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
abstract class ManualGateTestBase {

    protected final ManualClock clock = new ManualClock(T0);
    protected final ManualScheduler scheduler = newScheduler(clock);
    protected final List<RequestGate> gates = new ArrayList<>();

    private static ManualScheduler newScheduler(ManualClock clock) {
        ManualScheduler scheduler = new ManualScheduler(clock);
        // the gate only schedules its expiry timers
        scheduler.forbidExecute();
        return scheduler;
    }

    @AfterEach
    void closeGates() {
        gates.forEach(RequestGate::close);
    }

    protected RequestGate gate(int maxConcurrent, int maxQueued) {
        RequestGate gate = new RequestGate(maxConcurrent, maxQueued, scheduler, clock);
        gates.add(gate);
        return gate;
    }

    /**
     * @return a call on this test's clock that the test completes by hand
     */
    protected FakeCall call() {
        return new FakeCall(clock);
    }

    /**
     * @return the result of a future that must have completed normally
     */
    protected static KasResult resultOf(CompletableFuture<KasResult> future) {
        assertTrue(future.isDone(), "future not completed");
        assertFalse(future.isCompletedExceptionally(), "future completed exceptionally");
        return future.join();
    }

    /**
     * @return the outcome of a future that must have completed normally
     */
    protected static KasOutcome outcomeOf(CompletableFuture<KasResult> future) {
        return resultOf(future).outcome();
    }
}
