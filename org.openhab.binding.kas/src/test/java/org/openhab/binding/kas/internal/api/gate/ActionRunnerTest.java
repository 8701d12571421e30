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

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link ActionRunner}: actions run in order, one that throws does not keep the others from running, and
 * actions handed to {@code run} from inside an action are queued and run after the current ones by the outermost call,
 * so that the stack does not grow however deep the nesting.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class ActionRunnerTest {

    private static final int NESTED = 10_000;

    private final ActionRunner runner = new ActionRunner();
    private final List<String> log = new ArrayList<>();

    private Runnable record(String name) {
        return () -> log.add(name);
    }

    private static Runnable throwing(RuntimeException e) {
        return () -> {
            throw e;
        };
    }

    private static long stackDepth() {
        return StackWalker.getInstance().walk(Stream::count);
    }

    @Test
    void runsTheActionsInOrder() {
        runner.run(List.of(record("a"), record("b"), record("c")));
        assertEquals(List.of("a", "b", "c"), log);
    }

    @Test
    void runsNothingForNoActions() {
        runner.run(List.of());
        runner.run(List.of(record("next")));
        assertEquals(List.of("next"), log);
    }

    @Test
    void throwingActionsDoNotKeepTheOthersFromRunning() {
        assertDoesNotThrow(() -> runner.run(List.of(throwing(new IllegalStateException("first")), record("a"),
                throwing(new NullPointerException("middle")), record("b"),
                throwing(new UnsupportedOperationException("last")))));
        assertEquals(List.of("a", "b"), log);
    }

    @Test
    void nestedRunIsQueuedAfterTheActionsAlreadyDue() {
        runner.run(List.of(() -> {
            log.add("outer 1");
            runner.run(List.of(record("nested 1"), record("nested 2")));
            log.add("outer 1 after its nested run returned");
        }, record("outer 2")));

        assertEquals(List.of("outer 1", "outer 1 after its nested run returned", "outer 2", "nested 1", "nested 2"),
                log);
    }

    @Test
    void nestedActionsRunEvenWhenTheActionThatQueuedThemThrows() {
        runner.run(List.of(() -> {
            runner.run(List.of(record("nested")));
            throw new IllegalStateException("after queueing");
        }));
        assertEquals(List.of("nested"), log);
    }

    @Test
    void deeplyNestedRunsDoNotGrowTheStack() {
        NestingAction action = new NestingAction();
        assertDoesNotThrow(() -> runner.run(List.of(action)));
        assertEquals(NESTED, action.runs);
        assertEquals(action.firstDepth, action.lastDepth, "every nested action runs at the depth of the first");
    }

    @Test
    void nextRunStartsAfreshAfterAnErrorEscaped() {
        Error error = assertThrows(AssertionError.class, () -> runner.run(List.of(() -> {
            throw new AssertionError("not a RuntimeException");
        })));
        assertEquals("not a RuntimeException", error.getMessage());

        runner.run(List.of(record("next")));
        assertEquals(List.of("next"), log, "the next run runs its action itself instead of queueing it");
    }

    @Test
    void runAfterAnEarlierRunReturnedRunsAtOnce() {
        runner.run(List.of(record("first")));
        runner.run(List.of(() -> {
            log.add("second");
            runner.run(List.of(record("nested in second")));
        }));
        assertEquals(List.of("first", "second", "nested in second"), log);
    }

    /** An action that hands itself to the runner again from inside, {@value #NESTED} times in all. */
    private final class NestingAction implements Runnable {
        int runs;
        long firstDepth;
        long lastDepth;

        @Override
        public void run() {
            runs++;
            if (runs == 1) {
                firstDepth = stackDepth();
            }
            if (runs == NESTED) {
                lastDepth = stackDepth();
                return;
            }
            runner.run(List.of(this));
        }
    }
}
