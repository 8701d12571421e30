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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.addons.kas.benchmarks.Harness.AccountSetup;
import org.openhab.binding.kas.internal.handler.KasLockHandler;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;

/**
 * Measurement 1, unlock latency: one lock, account with the default settings, no cloud delay. Samples through the
 * lock handler ({@code handleCommand(unlock, ON)} in, {@code UNLOCK_ACCEPTED} trigger out, timed on the thread that
 * delivers the trigger) alternate with bare GETs of the same URL on the same client of the same Jetty line (timed in
 * the buffering listener's {@code onComplete} after reading the body); each sample waits for the previous one. After
 * a warm-up that lasts until the handler's p50 is steady, several runs; each gives p50 and p99 of both kinds.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class LatencyBenchmark {

    static final double GOAL_P50_RATIO = 1.10;
    static final double GOAL_P99_RATIO = 1.2;
    static final String UNLOCK_ACCEPTED = "UNLOCK_ACCEPTED";
    static final int WARMUP_WINDOW = 2000;
    private static final Duration BARE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * The figures of one run, in microseconds.
     *
     * @param handlerP50 p50 through the handler
     * @param handlerP99 p99 through the handler
     * @param bareP50 p50 of the bare GET
     * @param bareP99 p99 of the bare GET
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Run(double handlerP50, double handlerP99, double bareP50, double bareP99) {
    }

    /**
     * All runs on one Jetty line.
     *
     * @param line the Jetty line, e.g. {@code Jetty 9.4}
     * @param jettyVersion the version of the Jetty on the class path
     * @param transport the add-on's transport class
     * @param samplesPerRun samples of each kind per run
     * @param warmup what the warm-up took
     * @param runs the runs
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Result(String line, String jettyVersion, String transport, int samplesPerRun, String warmup,
            List<Run> runs) {

        /** @return the median of the runs' handler p50, µs */
        public double handlerP50() {
            return Samples.median(runs.stream().mapToDouble(Run::handlerP50).toArray());
        }

        /** @return the median of the runs' handler p99, µs */
        public double handlerP99() {
            return Samples.median(runs.stream().mapToDouble(Run::handlerP99).toArray());
        }

        /** @return the median of the runs' bare p50, µs */
        public double bareP50() {
            return Samples.median(runs.stream().mapToDouble(Run::bareP50).toArray());
        }

        /** @return the median of the runs' bare p99, µs */
        public double bareP99() {
            return Samples.median(runs.stream().mapToDouble(Run::bareP99).toArray());
        }

        /** @return handler p50 ÷ bare p50 (medians) */
        public double p50Ratio() {
            return handlerP50() / bareP50();
        }

        /** @return handler p99 ÷ bare p99 (medians) */
        public double p99Ratio() {
            return handlerP99() / bareP99();
        }

        /** @return whether the p50 ratio meets its goal */
        public boolean p50Met() {
            return p50Ratio() <= GOAL_P50_RATIO;
        }

        /** @return whether the p99 ratio meets its goal */
        public boolean p99Met() {
            return p99Ratio() <= GOAL_P99_RATIO;
        }
    }

    /**
     * One awaited completion, time-stamped on the thread that completes it.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private static final class Pending {
        final CountDownLatch latch = new CountDownLatch(1);
        volatile long at;
        volatile String outcome = "";

        void finish(String what) {
            if (latch.getCount() > 0) {
                at = System.nanoTime();
                outcome = what;
                latch.countDown();
            }
        }

        long nanosSince(long start, String what) throws InterruptedException, TimeoutException {
            if (!latch.await(15, TimeUnit.SECONDS)) {
                throw new TimeoutException("no completion of " + what + " within 15 s");
            }
            return at - start;
        }
    }

    private final Harness harness;
    private final Plan plan;
    private final Progress progress;
    private final AtomicReference<@Nullable Pending> current = new AtomicReference<>();

    private LatencyBenchmark(Harness harness, Plan plan, Progress progress) {
        this.harness = harness;
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * Measures on the first lock of the harness (its handler must be initialized). Installs an account with the
     * default settings.
     *
     * @param harness the harness
     * @param plan how much to measure
     * @param progress for progress messages
     * @return the runs
     * @throws Exception if a sample fails or times out
     */
    public static Result measure(Harness harness, Plan plan, Progress progress) throws Exception {
        return new LatencyBenchmark(harness, plan, progress).measure();
    }

    private Result measure() throws Exception {
        progress.say("latency: account with default settings (" + AccountSetup.DEFAULTS + "), no cloud delay");
        harness.installAccount(AccountSetup.DEFAULTS);
        harness.emulator.setDefaultDelay(Duration.ZERO);
        Thing thing = harness.lockThings.get(0);
        KasLockHandler handler = harness.lockHandlers.get(0);
        ChannelUID unlock = harness.unlockChannels()[0];
        String url = harness.unlockUrl(0);
        harness.callback.setListener((t, event) -> {
            Pending pending = current.get();
            if (t == thing && pending != null) {
                pending.finish(event);
            }
        });
        progress.say("latency: warm-up, at least " + plan.warmupPairs() + " samples of each and "
                + plan.warmup().toSeconds() + " s, then until the handler's p50 is steady");
        long warmupStart = System.nanoTime();
        int warmupPairs = 0;
        double previousP50 = Double.MAX_VALUE;
        long[] window = new long[WARMUP_WINDOW];
        while (true) {
            // windows of samples; the JIT is done when the handler's p50 stops improving
            for (int i = 0; i < window.length; i++) {
                window[i] = handlerSample(handler, unlock);
                bareSample(url);
            }
            warmupPairs += window.length;
            double p50 = Samples.percentile(window, 0.5);
            long elapsed = System.nanoTime() - warmupStart;
            boolean steady = p50 > previousP50 * 0.97;
            previousP50 = p50;
            if (warmupPairs >= plan.warmupPairs() && elapsed >= plan.warmup().toNanos()
                    && (steady || elapsed >= plan.warmup().toNanos() * 3)) {
                break;
            }
        }
        String warmup = String.format(Locale.ROOT, "%d warm-up samples of each (%.1f s)", warmupPairs,
                (System.nanoTime() - warmupStart) / 1e9);
        progress.say("latency: " + warmup);
        List<Run> runs = new ArrayList<>();
        for (int run = 0; run < plan.latencyRuns(); run++) {
            harness.emulator.resetJournal();
            int n = plan.pairsPerRun();
            long[] viaHandler = new long[n];
            long[] bare = new long[n];
            for (int i = 0; i < n; i++) {
                // alternate the order so that neither kind always follows the other
                if (i % 2 == 0) {
                    viaHandler[i] = handlerSample(handler, unlock);
                    bare[i] = bareSample(url);
                } else {
                    bare[i] = bareSample(url);
                    viaHandler[i] = handlerSample(handler, unlock);
                }
            }
            Run result = new Run(Samples.percentile(viaHandler, 0.5) / 1e3, Samples.percentile(viaHandler, 0.99) / 1e3,
                    Samples.percentile(bare, 0.5) / 1e3, Samples.percentile(bare, 0.99) / 1e3);
            runs.add(result);
            progress.say(String.format(Locale.ROOT,
                    "latency run %d/%d: handler p50 %.1f p99 %.1f us, bare GET p50 %.1f p99 %.1f us", run + 1,
                    plan.latencyRuns(), result.handlerP50(), result.handlerP99(), result.bareP50(), result.bareP99()));
        }
        harness.callback.setListener((t, event) -> {
        });
        harness.emulator.resetJournal();
        return new Result(harness.line.name(), harness.line.version(),
                harness.client.transport().getClass().getSimpleName(), plan.pairsPerRun(), warmup, runs);
    }

    private long handlerSample(KasLockHandler handler, ChannelUID unlock)
            throws InterruptedException, TimeoutException {
        Pending pending = new Pending();
        current.set(pending);
        long start = System.nanoTime();
        handler.handleCommand(unlock, OnOffType.ON);
        long nanos = pending.nanosSince(start, "an unlock through the handler");
        if (!UNLOCK_ACCEPTED.equals(pending.outcome)) {
            throw new IllegalStateException(
                    "unlock through the handler ended " + pending.outcome + " (" + handler.lastResult() + ")");
        }
        return nanos;
    }

    private long bareSample(String url) throws InterruptedException, TimeoutException {
        Pending pending = new Pending();
        long start = System.nanoTime();
        harness.client.get(url, BARE_TIMEOUT, answer -> {
            boolean ok = answer.succeeded() && answer.status() == 200 && answer.body().startsWith("Door is unlocking");
            pending.finish(ok ? "OK" : "FAILED " + answer.status());
        });
        long nanos = pending.nanosSince(start, "a bare GET");
        if (!"OK".equals(pending.outcome)) {
            throw new IllegalStateException("bare GET " + pending.outcome);
        }
        return nanos;
    }
}
