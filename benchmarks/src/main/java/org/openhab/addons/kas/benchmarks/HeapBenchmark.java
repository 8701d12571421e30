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
package org.openhab.addons.kas.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.addons.kas.benchmarks.Harness.AccountSetup;
import org.openhab.core.standin.testing.InMemoryThing;

/**
 * Measurement 4, retained heap per lock: used heap after full collections before the lock things exist, with the
 * lock things (the shared {@link InMemoryThing}), and with their handlers initialized (ONLINE); and the growth by
 * class between two class histograms. 50 lock handlers are initialized and disposed before the baseline, so that
 * class loading and static initialization are not counted. Leaves all locks initialized in the harness.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class HeapBenchmark {

    static final double GOAL_KIB = 16;

    /**
     * Heap figures, in bytes.
     *
     * @param locks lock things and handlers
     * @param base used heap before the lock things exist
     * @param withThings used heap with the lock things
     * @param withHandlers used heap with their handlers initialized
     * @param growth growth by class between the histograms before the things and after the handlers
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Result(int locks, long base, long withThings, long withHandlers, List<HeapMeter.Growth> growth) {

        /** @return KiB per lock, thing and handler */
        public double perLockKiB() {
            return (withHandlers - base) / 1024.0 / locks;
        }

        /** @return KiB per lock, handler only */
        public double handlerOnlyKiB() {
            return (withHandlers - withThings) / 1024.0 / locks;
        }

        /** @return KiB per lock, thing only */
        public double thingOnlyKiB() {
            return (withThings - base) / 1024.0 / locks;
        }

        /** @return whether the figure per lock meets its goal */
        public boolean met() {
            return perLockKiB() < GOAL_KIB;
        }
    }

    private HeapBenchmark() {
    }

    /**
     * @param harness the harness, without lock things yet
     * @param plan how many locks
     * @param progress for progress messages
     * @return the figures
     * @throws Exception if the account does not come online or the histogram is not available
     */
    public static Result measure(Harness harness, Plan plan, Progress progress) throws Exception {
        progress.say("heap: account ONLINE, warming up lock handler classes");
        harness.installAccount(AccountSetup.DEFAULTS);
        // load and initialise every class a lock handler uses (and their statics) before the baseline
        for (int i = 0; i < 50; i++) {
            var thing = harness.newLockThing(plan.locks() + i);
            harness.initializeLock(thing);
            harness.disposeLock(thing);
        }
        Map<String, long[]> before = HeapMeter.histogram();
        long base = HeapMeter.usedAfterFullGc();
        for (int i = 0; i < plan.locks(); i++) {
            harness.lockThings.add(harness.newLockThing(i));
        }
        long withThings = HeapMeter.usedAfterFullGc();
        progress.say("heap: initialising " + plan.locks() + " lock handlers");
        for (InMemoryThing thing : harness.lockThings) {
            harness.lockHandlers.add(harness.initializeLock(thing));
        }
        long withHandlers = HeapMeter.usedAfterFullGc();
        Map<String, long[]> after = HeapMeter.histogram();
        Result result = new Result(plan.locks(), base, withThings, withHandlers, HeapMeter.growth(before, after));
        progress.say(String.format(Locale.ROOT, "heap: %.2f KiB per lock (handler %.2f + thing %.2f)",
                result.perLockKiB(), result.handlerOnlyKiB(), result.thingOnlyKiB()));
        return result;
    }
}
