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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.addons.kas.benchmarks.Harness.AccountSetup;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.handler.KasLockHandler;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ChannelUID;

/**
 * Measurement 3, burst: one {@code handleCommand(unlock, ON)} on each lock in a tight loop while the emulator takes
 * 50 ms per answer (its default delay, real time), from the first command to the last trigger event, against the
 * ideal commands ÷ {@code maxConcurrentRequests} × 50 ms, and the most calls the emulator saw in flight at once. Right
 * after each burst the same unlock URLs go straight to the shared HTTP client in as many chains as
 * {@code maxConcurrentRequests}: what the machine, Jetty and the emulator allow without the add-on.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class BurstBenchmark {

    static final double GOAL_RATIO = 1.1;
    static final Duration DELAY = Duration.ofMillis(50);
    static final int[] CONCURRENCY = { 4, 30 };
    private static final Duration BARE_TIMEOUT = Duration.ofSeconds(10);

    /**
     * One burst.
     *
     * @param wallMillis first command to last trigger event
     * @param submitMillis time the tight loop of commands took
     * @param accepted {@code UNLOCK_ACCEPTED} events
     * @param failures other outcomes by name, with their counts
     * @param emulatorPeak the most calls of the account in flight at the emulator at once
     * @param dropped calls the emulator dropped (beyond its limit of 30)
     * @param executed unlocks the emulator executed
     * @param bareWallMillis the same burst on the bare client
     * @param bareEmulatorPeak the emulator's peak during the bare burst
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Run(double wallMillis, double submitMillis, int accepted, Map<String, Integer> failures,
            int emulatorPeak, int dropped, int executed, double bareWallMillis, int bareEmulatorPeak) {
    }

    /**
     * All bursts of one concurrency.
     *
     * @param concurrency {@code maxConcurrentRequests}
     * @param commands commands per burst
     * @param delayMillis the emulator's time per answer
     * @param setup the account's settings
     * @param runs the bursts
     * @param watch what the scheduler watch saw during the bursts
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Result(int concurrency, int commands, long delayMillis, AccountSetup setup, List<Run> runs,
            SchedulerWatch.Summary watch) {

        /** @return commands ÷ concurrency × delay, ms */
        public double idealMillis() {
            return (double) commands / concurrency * delayMillis;
        }

        /** @return the median wall time, ms */
        public double medianWallMillis() {
            return Samples.median(runs.stream().mapToDouble(Run::wallMillis).toArray());
        }

        /** @return the median wall time ÷ the ideal */
        public double ratio() {
            return medianWallMillis() / idealMillis();
        }

        /** @return the highest emulator peak of the bursts through the add-on */
        public int maxPeak() {
            return runs.stream().mapToInt(Run::emulatorPeak).max().orElse(0);
        }

        /** @return the median wall time of the bare bursts, ms */
        public double medianBareMillis() {
            return Samples.median(runs.stream().mapToDouble(Run::bareWallMillis).toArray());
        }

        /** @return whether every command of every burst was accepted and none dropped */
        public boolean allAccepted() {
            return runs.stream().allMatch(r -> r.accepted() == commands && r.dropped() == 0);
        }

        /** @return whether ratio, peak and acceptance meet the goal */
        public boolean met() {
            return ratio() <= GOAL_RATIO && maxPeak() <= concurrency && allAccepted();
        }
    }

    private final Harness harness;
    private final Plan plan;
    private final Progress progress;

    private BurstBenchmark(Harness harness, Plan plan, Progress progress) {
        this.harness = harness;
        this.plan = plan;
        this.progress = progress;
    }

    /**
     * @param harness the harness, with all locks initialized
     * @param plan how many bursts
     * @param progress for progress messages
     * @param concurrency the account's {@code maxConcurrentRequests}
     * @return the bursts
     * @throws Exception if a burst does not end in time or the bare client fails
     */
    public static Result measure(Harness harness, Plan plan, Progress progress, int concurrency) throws Exception {
        return new BurstBenchmark(harness, plan, progress).measure(concurrency);
    }

    private Result measure(int concurrency) throws Exception {
        AccountSetup setup = new AccountSetup(concurrency, 1000, 60, 10);
        progress.say("burst: account " + setup + "; cloud delay " + DELAY.toMillis() + " ms");
        harness.installAccount(setup);
        ChannelUID[] channels = harness.unlockChannels();
        int n = channels.length;
        List<Run> runs = new ArrayList<>();
        SchedulerWatch.Summary watched;
        try (SchedulerWatch watch = new SchedulerWatch(SchedulerWatch.THING_HANDLER_POOL_PREFIX)) {
            for (int run = 0; run < plan.burstRuns(); run++) {
                harness.awaitEmulatorIdle(Duration.ofSeconds(10));
                harness.emulator.setDefaultDelay(DELAY);
                harness.emulator.resetJournal();
                CountDownLatch done = new CountDownLatch(n);
                AtomicInteger accepted = new AtomicInteger();
                AtomicLong lastOutcome = new AtomicLong();
                harness.callback.setListener((t, event) -> {
                    long now = System.nanoTime();
                    lastOutcome.accumulateAndGet(now, Math::max);
                    if (LatencyBenchmark.UNLOCK_ACCEPTED.equals(event)) {
                        accepted.incrementAndGet();
                    }
                    done.countDown();
                });
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    harness.lockHandlers.get(i).handleCommand(channels[i], OnOffType.ON);
                }
                long submitted = System.nanoTime();
                double idealMillis = (double) n / concurrency * DELAY.toMillis();
                long waitMillis = (long) (idealMillis * 3) + 30_000;
                if (!done.await(waitMillis, TimeUnit.MILLISECONDS)) {
                    throw new TimeoutException("burst: only " + (n - done.getCount()) + " of " + n + " outcomes within "
                            + waitMillis + " ms");
                }
                Map<String, Integer> failures = new TreeMap<>();
                for (KasLockHandler handler : harness.lockHandlers) {
                    KasOutcome outcome = handler.lastResult();
                    if (outcome != KasOutcome.ACCEPTED) {
                        failures.merge(String.valueOf(outcome), 1, Integer::sum);
                    }
                }
                int peak = harness.emulator.peakConcurrency(Harness.API_KEY);
                int dropped = harness.emulator.droppedCalls(Harness.API_KEY);
                int executed = harness.emulator.executedUnlocks().size();
                double wallMillis = (lastOutcome.get() - start) / 1e6;
                // the same burst straight on the HTTP client, for what the machine and the emulator allow
                harness.awaitEmulatorIdle(Duration.ofSeconds(10));
                harness.emulator.resetJournal();
                double bareMillis = bareBurst(concurrency, n, waitMillis);
                int barePeak = harness.emulator.peakConcurrency(Harness.API_KEY);
                Run result = new Run(wallMillis, (submitted - start) / 1e6, accepted.get(), failures, peak, dropped,
                        executed, bareMillis, barePeak);
                runs.add(result);
                progress.say(String.format(Locale.ROOT,
                        "burst c=%d run %d/%d: %.0f ms (ideal %.0f ms, x%.3f; bare client %.0f ms, x%.3f), accepted %d, "
                                + "emulator peak %d (bare %d), dropped %d, failures %s",
                        concurrency, run + 1, plan.burstRuns(), result.wallMillis(), idealMillis,
                        result.wallMillis() / idealMillis, result.bareWallMillis(),
                        result.bareWallMillis() / idealMillis, result.accepted(), result.emulatorPeak(),
                        result.bareEmulatorPeak(), result.dropped(), failures));
                harness.emulator.setDefaultDelay(Duration.ZERO);
            }
            watch.close();
            watched = watch.summary();
        }
        harness.callback.setListener((t, event) -> {
        });
        harness.emulator.resetJournal();
        return new Result(concurrency, n, DELAY.toMillis(), setup, runs, watched);
    }

    /**
     * The same burst without the add-on: {@code concurrency} chains of bare GETs on the shared client, each starting
     * the next unlock URL when its answer is complete (as the gate does).
     *
     * @return milliseconds from the first send to the last answer
     */
    private double bareBurst(int concurrency, int n, long waitMillis) throws InterruptedException, TimeoutException {
        String[] urls = new String[n];
        for (int i = 0; i < n; i++) {
            urls[i] = harness.unlockUrl(i);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong last = new AtomicLong();
        CountDownLatch done = new CountDownLatch(n);
        JettyLine.AnswerListener[] chain = new JettyLine.AnswerListener[1];
        Runnable sendNext = () -> {
            int i = next.getAndIncrement();
            if (i < n) {
                harness.client.get(urls[i], BARE_TIMEOUT, chain[0]);
            }
        };
        chain[0] = answer -> {
            if (!answer.succeeded() || answer.status() != 200) {
                failed.incrementAndGet();
            }
            last.accumulateAndGet(System.nanoTime(), Math::max);
            done.countDown();
            sendNext.run();
        };
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            sendNext.run();
        }
        if (!done.await(waitMillis, TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("bare burst: only " + (n - done.getCount()) + " of " + n + " answers");
        }
        if (failed.get() > 0) {
            throw new IllegalStateException("bare burst: " + failed.get() + " requests failed");
        }
        return (last.get() - start) / 1e6;
    }
}
