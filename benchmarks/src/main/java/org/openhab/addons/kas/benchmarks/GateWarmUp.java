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

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.addons.kas.benchmarks.Harness.AccountSetup;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ChannelUID;

/**
 * Runs the queueing paths (gate queue, expiry timers, many connections) until they are compiled, before measurements
 * 2 and 3: bursts on all locks with {@code maxConcurrentRequests} 30 and no cloud delay. Nothing is measured.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class GateWarmUp {

    private GateWarmUp() {
    }

    /**
     * @param harness the harness, with all locks initialized
     * @param plan half its latency warm-up time is spent here, at least 5 and at most 200 bursts
     * @param progress for progress messages
     * @throws Exception if a burst does not end within 60 s
     */
    static void run(Harness harness, Plan plan, Progress progress) throws Exception {
        AccountSetup setup = new AccountSetup(30, 1000, 60, 10);
        harness.installAccount(setup);
        harness.emulator.setDefaultDelay(Duration.ZERO);
        ChannelUID[] channels = harness.unlockChannels();
        AtomicInteger outcomes = new AtomicInteger();
        harness.callback.setListener((t, event) -> outcomes.incrementAndGet());
        long start = System.nanoTime();
        int rounds = 0;
        while (rounds < 5 || (System.nanoTime() - start < plan.warmup().toNanos() / 2 && rounds < 200)) {
            outcomes.set(0);
            for (int i = 0; i < channels.length; i++) {
                harness.lockHandlers.get(i).handleCommand(channels[i], OnOffType.ON);
            }
            Harness.await("warm-up burst outcomes", Duration.ofSeconds(60), () -> outcomes.get() >= channels.length);
            rounds++;
        }
        harness.callback.setListener((t, event) -> {
        });
        harness.emulator.resetJournal();
        progress.say(String.format(Locale.ROOT, "gate warm-up: %d bursts of %d unlocks in %.1f s", rounds,
                channels.length, (System.nanoTime() - start) / 1e9));
    }
}
