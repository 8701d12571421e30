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

import java.util.ArrayDeque;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs the actions a {@link RequestGate} collected under its lock (completing futures, invoking calls, cancelling
 * timers), after the lock has been released. Actions that become due while this thread is already running actions
 * (for example a call whose future is already complete, which frees a permit for the next queued call) are appended
 * and run by the outermost call, so that the stack does not grow with the length of the queue.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class ActionRunner {

    private final ThreadLocal<@Nullable ArrayDeque<Runnable>> pending = new ThreadLocal<>();

    /**
     * Runs the actions in order; one that throws does not keep the others from running.
     */
    void run(List<Runnable> actions) {
        if (actions.isEmpty()) {
            return;
        }
        ArrayDeque<Runnable> outer = pending.get();
        if (outer != null) {
            outer.addAll(actions);
            return;
        }
        ArrayDeque<Runnable> own = new ArrayDeque<>(actions);
        pending.set(own);
        try {
            while (!own.isEmpty()) {
                try {
                    own.removeFirst().run();
                } catch (RuntimeException e) {
                    // the gate's actions handle their own failures; one failing must not strand the others
                }
            }
        } finally {
            // set, not removed: the thread's next run finds its entry instead of creating one again
            pending.set(null);
        }
    }
}
