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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.addons.kas.benchmarks.Harness.AccountSetup;
import org.openhab.binding.kas.internal.handler.KasAccountHandler;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ChannelUID;

/**
 * Measurement 2, {@code handleCommand} under a slow cloud: the emulator delays every answer by 2 s; per run one
 * {@code handleCommand(unlock, ON)} on each lock in a tight loop, each call timed on its own (wall and CPU time of
 * the calling thread). The calls then stay in flight for a while (the gate starts the next calls when the first
 * answers come); then the account handler is replaced, which cancels the rest. Meanwhile a {@link SchedulerWatch}
 * checks that no thread of openHAB's thing handler scheduler waits on the network.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class HandleCommandBenchmark {

    static final double GOAL_P99_US = 1000;
    static final Duration SLOW_CLOUD_DELAY = Duration.ofSeconds(2);
    static final AccountSetup SETUP = new AccountSetup(30, 1000, 60, 10);

    /**
     * The figures of one run, in microseconds.
     *
     * @param p50 wall time p50
     * @param p99 wall time p99
     * @param max wall time, the longest
     * @param sentMax the longest of the calls that started their HTTP request inside {@code handleCommand}
     * @param queuedP99 p99 of the calls the gate queued
     * @param cpuP99 CPU time p99 of the calling thread
     * @param gateAfterCommands the gate's statistics right after the last command
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Run(double p50, double p99, double max, double sentMax, double queuedP99, double cpuP99,
            String gateAfterCommands) {
    }

    /**
     * All runs.
     *
     * @param commands commands per run
     * @param setup the account's settings
     * @param runs the runs
     * @param watch what the scheduler watch saw during all runs
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Result(int commands, AccountSetup setup, List<Run> runs, SchedulerWatch.Summary watch) {

        /** @return the median of the runs' p99, µs */
        public double medianP99() {
            return Samples.median(runs.stream().mapToDouble(Run::p99).toArray());
        }

        /** @return the median of the runs' p50, µs */
        public double medianP50() {
            return Samples.median(runs.stream().mapToDouble(Run::p50).toArray());
        }

        /** @return the longest call of all runs, µs */
        public double max() {
            return runs.stream().mapToDouble(Run::max).max().orElse(0);
        }

        /** @return the median of the runs' CPU time p99, µs */
        public double medianCpuP99() {
            return Samples.median(runs.stream().mapToDouble(Run::cpuP99).toArray());
        }

        /** @return whether the p99 meets its goal */
        public boolean met() {
            return medianP99() < GOAL_P99_US;
        }
    }

    private HandleCommandBenchmark() {
    }

    /**
     * @param harness the harness, with all locks initialized
     * @param plan how much to measure
     * @param progress for progress messages
     * @return the runs
     * @throws Exception if the account does not come online or the outcomes do not come
     */
    public static Result measure(Harness harness, Plan plan, Progress progress) throws Exception {
        AccountSetup setup = SETUP;
        progress.say("handleCommand: account " + setup + "; cloud delay " + SLOW_CLOUD_DELAY.toMillis() + " ms");
        ChannelUID[] channels = harness.unlockChannels();
        AtomicInteger outcomes = new AtomicInteger();
        harness.callback.setListener((t, event) -> outcomes.incrementAndGet());
        List<Run> runs = new ArrayList<>();
        SchedulerWatch.Summary watched;
        harness.installAccount(setup);
        try (SchedulerWatch watch = new SchedulerWatch(SchedulerWatch.THING_HANDLER_POOL_PREFIX)) {
            for (int run = 0; run < plan.handleCommandRuns(); run++) {
                KasAccountHandler account = harness.account();
                harness.awaitEmulatorIdle(Duration.ofSeconds(10));
                harness.emulator.setDefaultDelay(SLOW_CLOUD_DELAY);
                outcomes.set(0);
                long[] nanos = new long[channels.length];
                long[] cpuNanos = new long[channels.length];
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                for (int i = 0; i < channels.length; i++) {
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    long start = System.nanoTime();
                    harness.lockHandlers.get(i).handleCommand(channels[i], OnOffType.ON);
                    nanos[i] = System.nanoTime() - start;
                    cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpuStart;
                }
                String gate = account.gateSummary();
                // keep the calls in flight: at 2 s the first answers come, and the gate starts the next calls
                Thread.sleep(plan.handleCommandHold().toMillis());
                int sent = setup.maxConcurrentRequests();
                Run result = new Run(Samples.percentile(nanos, 0.5) / 1e3, Samples.percentile(nanos, 0.99) / 1e3,
                        Samples.max(nanos) / 1e3, Samples.max(Arrays.copyOfRange(nanos, 0, sent)) / 1e3,
                        Samples.percentile(Arrays.copyOfRange(nanos, sent, nanos.length), 0.99) / 1e3,
                        Samples.percentile(cpuNanos, 0.99) / 1e3, gate);
                runs.add(result);
                progress.say(String.format(Locale.ROOT,
                        "handleCommand run %d/%d: p50 %.1f us, p99 %.1f us (CPU %.1f us), max %.1f us; %d outcomes after %d ms",
                        run + 1, plan.handleCommandRuns(), result.p50(), result.p99(), result.cpuP99(), result.max(),
                        outcomes.get(), plan.handleCommandHold().toMillis()));
                // end the run: a new account handler cancels what is still queued or in flight
                harness.emulator.setDefaultDelay(Duration.ZERO);
                harness.installAccount(setup);
                Harness.await("an outcome for every command", Duration.ofSeconds(30),
                        () -> outcomes.get() >= channels.length);
            }
            watch.close();
            watched = watch.summary();
        }
        harness.awaitEmulatorIdle(Duration.ofSeconds(10));
        harness.callback.setListener((t, event) -> {
        });
        harness.emulator.resetJournal();
        return new Result(channels.length, setup, runs, watched);
    }
}
