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

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.api.Result;
import org.eclipse.jetty.client.util.BufferingResponseListener;
import org.eclipse.jetty.http.HttpMethod;
import org.openhab.addons.kas.benchmarks.Harness.AccountSetup;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.handler.KasAccountHandler;
import org.openhab.binding.kas.internal.handler.KasLockHandler;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ChannelUID;

/**
 * Measures the KAS add-on against the KAS cloud emulator on loopback, all in one run, and prints the results as a
 * Markdown table (also written to a file, with JDK, CPU count and date):
 * <ol>
 * <li>unlock latency through the lock handler (command in, {@code UNLOCK_ACCEPTED} trigger out) against a bare
 * Jetty GET of the same URL with the same shared HTTP client, p50 and p99 and their ratio;</li>
 * <li>the time {@code handleCommand} takes to return while the cloud delays every answer by 2 s, and whether a
 * thread of openHAB's thing handler scheduler ever waits on the network;</li>
 * <li>a burst of one unlock on each of 1000 locks with 50 ms per answer, against the ideal time, and the peak
 * concurrency the cloud sees;</li>
 * <li>retained heap per initialised lock handler (with its thing, the shared {@code InMemoryThing});</li>
 * <li>the size of the add-on jar.</li>
 * </ol>
 * Start it with {@code benchmarks/run} (which builds what it needs). Options: {@code --output FILE},
 * {@code --addon-jar FILE}, {@code --revision TEXT}, {@code --quick} (a short smoke run, not for the figures).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class KasBenchmarks {

    static final double GOAL_P50_RATIO = 1.05;
    static final double GOAL_P99_RATIO = 1.2;
    static final double GOAL_HANDLE_COMMAND_P99_US = 1000;
    static final double GOAL_BURST_RATIO = 1.1;
    static final double GOAL_HEAP_KIB = 16;
    static final double GOAL_JAR_KIB = 150;

    static final Duration SLOW_CLOUD_DELAY = Duration.ofSeconds(2);
    static final Duration BURST_DELAY = Duration.ofMillis(50);
    static final int[] BURST_CONCURRENCY = { 4, 30 };
    static final String UNLOCK_ACCEPTED = "UNLOCK_ACCEPTED";
    static final int WARMUP_WINDOW = 2000;

    /**
     * How much to measure.
     *
     * @param locks lock things (and handlers), also the commands per burst and per handleCommand run
     * @param warmupPairs latency: warm-up samples of each kind, at least
     * @param warmup latency: warm-up time, at least (the JIT needs about 10 s on two busy cores)
     * @param latencyRuns latency: runs
     * @param pairsPerRun latency: samples of each kind per run
     * @param handleCommandRuns handleCommand: runs
     * @param handleCommandHold handleCommand: how long the calls stay in flight (and the scheduler is watched) after
     *            the last command of a run
     * @param burstRuns burst: runs per concurrency
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Plan(int locks, int warmupPairs, Duration warmup, int latencyRuns, int pairsPerRun, int handleCommandRuns,
            Duration handleCommandHold, int burstRuns) {

        static final Plan FULL = new Plan(1000, 5000, Duration.ofSeconds(20), 5, 4000, 3, Duration.ofMillis(2600), 3);
        static final Plan QUICK = new Plan(200, 500, Duration.ofSeconds(3), 2, 500, 1, Duration.ofMillis(2600), 1);
    }

    /**
     * Unlock latency figures of one run, in microseconds.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record LatencyRun(double handlerP50, double handlerP99, double bareP50, double bareP99) {
    }

    /**
     * handleCommand figures of one run, in microseconds.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record HandleCommandRun(double p50, double p99, double max, double sentMax, double queuedP99, double cpuP99,
            String gateAfterCommands) {
    }

    /**
     * One burst.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record BurstRun(double wallMillis, double submitMillis, int accepted, Map<String, Integer> failures,
            int emulatorPeak, int dropped, int executed, double bareWallMillis, int bareEmulatorPeak) {
    }

    /**
     * All bursts of one concurrency.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record BurstResult(int concurrency, int commands, AccountSetup setup, List<BurstRun> runs,
            SchedulerWatch.Summary watch) {

        double idealMillis() {
            return (double) commands / concurrency * BURST_DELAY.toMillis();
        }

        double medianWallMillis() {
            return Samples.median(runs.stream().mapToDouble(BurstRun::wallMillis).toArray());
        }

        int maxPeak() {
            return runs.stream().mapToInt(BurstRun::emulatorPeak).max().orElse(0);
        }

        double medianBareMillis() {
            return Samples.median(runs.stream().mapToDouble(BurstRun::bareWallMillis).toArray());
        }

        boolean allAccepted() {
            return runs.stream().allMatch(r -> r.accepted() == commands && r.dropped() == 0);
        }
    }

    /**
     * Heap figures, in bytes.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record HeapResult(int locks, long base, long withThings, long withHandlers, List<HeapMeter.Growth> growth) {

        double perLockKiB() {
            return (withHandlers - base) / 1024.0 / locks;
        }

        double handlerOnlyKiB() {
            return (withHandlers - withThings) / 1024.0 / locks;
        }

        double thingOnlyKiB() {
            return (withThings - base) / 1024.0 / locks;
        }
    }

    /**
     * The add-on jar.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record JarResult(Path path, long bytes, int entries, int classes, long classesCompressed,
            long resourcesCompressed) {
    }

    private final Plan plan;
    private final Harness harness;
    private final long startNanos = System.nanoTime();
    private String latencyWarmup = "";

    private KasBenchmarks(Plan plan, Harness harness) {
        this.plan = plan;
        this.harness = harness;
    }

    /**
     * @param args {@code --output FILE}, {@code --addon-jar FILE}, {@code --revision TEXT}, {@code --quick}
     */
    public static void main(String[] args) {
        Plan plan = Plan.FULL;
        Path output = null;
        Path addonJar = null;
        String revision = "unknown";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> plan = Plan.QUICK;
                case "--output" -> output = Paths.get(args[++i]);
                case "--addon-jar" -> addonJar = Paths.get(args[++i]);
                case "--revision" -> revision = args[++i];
                default -> {
                    System.err.println("usage: KasBenchmarks [--quick] [--output FILE] [--addon-jar FILE] "
                            + "[--revision TEXT]; unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        int status = 0;
        try {
            String report = run(plan, addonJar, revision);
            System.out.println(report);
            if (output != null) {
                Path parent = output.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(output, report, StandardCharsets.UTF_8);
                System.err.println("benchmarks: results written to " + output);
            }
        } catch (Exception e) {
            System.err.println("benchmarks: FAILED: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static String run(Plan plan, @Nullable Path addonJar, String revision) throws Exception {
        String loadBefore = loadAverage();
        CpuShare cpuShare = CpuShare.start();
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        try (Harness harness = Harness.start(plan.locks())) {
            KasBenchmarks benchmarks = new KasBenchmarks(plan, harness);
            benchmarks.progress("emulator at " + harness.emulator.baseUrl() + ", " + plan.locks() + " locks; plan "
                    + (plan == Plan.QUICK ? "QUICK (smoke run, not for the figures)" : "full"));
            HeapResult heap = benchmarks.heap();
            List<LatencyRun> latency = benchmarks.latency();
            benchmarks.warmUpGate();
            HandleCommandResult handleCommand = benchmarks.handleCommand();
            List<BurstResult> bursts = new ArrayList<>();
            for (int concurrency : BURST_CONCURRENCY) {
                bursts.add(benchmarks.burst(concurrency));
            }
            JarResult jar = jar(addonJar);
            double seconds = (System.nanoTime() - benchmarks.startNanos) / 1e9;
            benchmarks.progress("done");
            return new ReportWriter(plan, started, revision, loadBefore, loadAverage() + "; " + cpuShare.end(), seconds,
                    benchmarks.latencyWarmup, latency, handleCommand, bursts, heap, jar).write();
        }
    }

    private void progress(String message) {
        System.err.printf(Locale.ROOT, "benchmarks [%6.1f s] %s%n", (System.nanoTime() - startNanos) / 1e9, message);
    }

    // ---- 4: heap --------------------------------------------------------------------------------------------

    private HeapResult heap() throws Exception {
        progress("heap: account ONLINE, warming up lock handler classes");
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
        progress("heap: initialising " + plan.locks() + " lock handlers");
        for (InMemoryThing thing : harness.lockThings) {
            harness.lockHandlers.add(harness.initializeLock(thing));
        }
        long withHandlers = HeapMeter.usedAfterFullGc();
        Map<String, long[]> after = HeapMeter.histogram();
        HeapResult result = new HeapResult(plan.locks(), base, withThings, withHandlers,
                HeapMeter.growth(before, after));
        progress(String.format(Locale.ROOT, "heap: %.2f KiB per lock (handler %.2f + thing %.2f)", result.perLockKiB(),
                result.handlerOnlyKiB(), result.thingOnlyKiB()));
        return result;
    }

    // ---- 1: unlock latency ----------------------------------------------------------------------------------

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

    private List<LatencyRun> latency() throws Exception {
        progress("latency: account with default settings (" + AccountSetup.DEFAULTS + "), no cloud delay");
        harness.installAccount(AccountSetup.DEFAULTS);
        harness.emulator.setDefaultDelay(Duration.ZERO);
        InMemoryThing thing = harness.lockThings.get(0);
        KasLockHandler handler = harness.lockHandlers.get(0);
        ChannelUID unlock = harness.unlockChannels()[0];
        String url = harness.emulator.baseUrl() + "/api/lockCommand/remoteUnlock/" + Harness.factoryNumber(0) + "/"
                + Harness.API_KEY;
        AtomicReference<@Nullable Pending> current = new AtomicReference<>();
        harness.callback.setListener((t, event) -> {
            Pending pending = current.get();
            if (t == thing && pending != null) {
                pending.finish(event);
            }
        });
        progress("latency: warm-up, at least " + plan.warmupPairs() + " samples of each and "
                + plan.warmup().toSeconds() + " s, then until the handler's p50 is steady");
        long warmupStart = System.nanoTime();
        int warmupPairs = 0;
        double previousP50 = Double.MAX_VALUE;
        long[] window = new long[WARMUP_WINDOW];
        while (true) {
            // windows of samples; the JIT is done when the handler's p50 stops improving
            for (int i = 0; i < window.length; i++) {
                window[i] = handlerSample(handler, unlock, current);
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
        latencyWarmup = String.format(Locale.ROOT, "%d warm-up samples of each (%.1f s)", warmupPairs,
                (System.nanoTime() - warmupStart) / 1e9);
        progress("latency: " + latencyWarmup);
        List<LatencyRun> runs = new ArrayList<>();
        for (int run = 0; run < plan.latencyRuns(); run++) {
            harness.emulator.resetJournal();
            int n = plan.pairsPerRun();
            long[] viaHandler = new long[n];
            long[] bare = new long[n];
            for (int i = 0; i < n; i++) {
                // alternate the order so that neither kind always follows the other
                if (i % 2 == 0) {
                    viaHandler[i] = handlerSample(handler, unlock, current);
                    bare[i] = bareSample(url);
                } else {
                    bare[i] = bareSample(url);
                    viaHandler[i] = handlerSample(handler, unlock, current);
                }
            }
            LatencyRun result = new LatencyRun(Samples.percentile(viaHandler, 0.5) / 1e3,
                    Samples.percentile(viaHandler, 0.99) / 1e3, Samples.percentile(bare, 0.5) / 1e3,
                    Samples.percentile(bare, 0.99) / 1e3);
            runs.add(result);
            progress(String.format(Locale.ROOT,
                    "latency run %d/%d: handler p50 %.1f p99 %.1f us, bare GET p50 %.1f p99 %.1f us", run + 1,
                    plan.latencyRuns(), result.handlerP50(), result.handlerP99(), result.bareP50(), result.bareP99()));
        }
        harness.callback.setListener((t, event) -> {
        });
        harness.emulator.resetJournal();
        return runs;
    }

    private static long handlerSample(KasLockHandler handler, ChannelUID unlock,
            AtomicReference<@Nullable Pending> current) throws InterruptedException, TimeoutException {
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
        harness.httpClient.newRequest(url).method(HttpMethod.GET).timeout(10, TimeUnit.SECONDS)
                .send(new BufferingResponseListener(16 * 1024) {
                    @Override
                    public void onComplete(@Nullable Result result) {
                        boolean ok = result != null && result.isSucceeded() && result.getResponse().getStatus() == 200
                                && getContentAsString(StandardCharsets.UTF_8).startsWith("Door is unlocking");
                        pending.finish(
                                ok ? "OK" : "FAILED " + (result == null ? "" : result.getResponse().getStatus()));
                    }
                });
        long nanos = pending.nanosSince(start, "a bare GET");
        if (!"OK".equals(pending.outcome)) {
            throw new IllegalStateException("bare GET " + pending.outcome);
        }
        return nanos;
    }

    /**
     * Runs the queueing paths (gate queue, expiry timers, many connections) until they are compiled: bursts on all
     * locks with {@code maxConcurrentRequests} 30 and no cloud delay. Nothing is measured.
     */
    private void warmUpGate() throws Exception {
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
        progress(String.format(Locale.ROOT, "gate warm-up: %d bursts of %d unlocks in %.1f s", rounds, channels.length,
                (System.nanoTime() - start) / 1e9));
    }

    // ---- 2: handleCommand under a slow cloud ----------------------------------------------------------------

    /**
     * All handleCommand runs.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record HandleCommandResult(int commands, AccountSetup setup, List<HandleCommandRun> runs,
            SchedulerWatch.Summary watch) {

        double medianP99() {
            return Samples.median(runs.stream().mapToDouble(HandleCommandRun::p99).toArray());
        }

        double medianP50() {
            return Samples.median(runs.stream().mapToDouble(HandleCommandRun::p50).toArray());
        }

        double max() {
            return runs.stream().mapToDouble(HandleCommandRun::max).max().orElse(0);
        }

        double medianCpuP99() {
            return Samples.median(runs.stream().mapToDouble(HandleCommandRun::cpuP99).toArray());
        }
    }

    private HandleCommandResult handleCommand() throws Exception {
        AccountSetup setup = new AccountSetup(30, 1000, 60, 10);
        progress("handleCommand: account " + setup + "; cloud delay " + SLOW_CLOUD_DELAY.toMillis() + " ms");
        ChannelUID[] channels = harness.unlockChannels();
        AtomicInteger outcomes = new AtomicInteger();
        harness.callback.setListener((t, event) -> outcomes.incrementAndGet());
        List<HandleCommandRun> runs = new ArrayList<>();
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
                HandleCommandRun result = new HandleCommandRun(Samples.percentile(nanos, 0.5) / 1e3,
                        Samples.percentile(nanos, 0.99) / 1e3, Samples.max(nanos) / 1e3,
                        Samples.max(Arrays.copyOfRange(nanos, 0, sent)) / 1e3,
                        Samples.percentile(Arrays.copyOfRange(nanos, sent, nanos.length), 0.99) / 1e3,
                        Samples.percentile(cpuNanos, 0.99) / 1e3, gate);
                runs.add(result);
                progress(String.format(Locale.ROOT,
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
        return new HandleCommandResult(channels.length, setup, runs, watched);
    }

    // ---- 3: burst ------------------------------------------------------------------------------------------

    private BurstResult burst(int concurrency) throws Exception {
        AccountSetup setup = new AccountSetup(concurrency, 1000, 60, 10);
        progress("burst: account " + setup + "; cloud delay " + BURST_DELAY.toMillis() + " ms");
        harness.installAccount(setup);
        ChannelUID[] channels = harness.unlockChannels();
        int n = channels.length;
        List<BurstRun> runs = new ArrayList<>();
        SchedulerWatch.Summary watched;
        try (SchedulerWatch watch = new SchedulerWatch(SchedulerWatch.THING_HANDLER_POOL_PREFIX)) {
            for (int run = 0; run < plan.burstRuns(); run++) {
                harness.awaitEmulatorIdle(Duration.ofSeconds(10));
                harness.emulator.setDefaultDelay(BURST_DELAY);
                harness.emulator.resetJournal();
                CountDownLatch done = new CountDownLatch(n);
                AtomicInteger accepted = new AtomicInteger();
                AtomicLong lastOutcome = new AtomicLong();
                harness.callback.setListener((t, event) -> {
                    long now = System.nanoTime();
                    lastOutcome.accumulateAndGet(now, Math::max);
                    if (UNLOCK_ACCEPTED.equals(event)) {
                        accepted.incrementAndGet();
                    }
                    done.countDown();
                });
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    harness.lockHandlers.get(i).handleCommand(channels[i], OnOffType.ON);
                }
                long submitted = System.nanoTime();
                double idealMillis = (double) n / concurrency * BURST_DELAY.toMillis();
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
                BurstRun result = new BurstRun(wallMillis, (submitted - start) / 1e6, accepted.get(), failures, peak,
                        dropped, executed, bareMillis, barePeak);
                runs.add(result);
                progress(String.format(Locale.ROOT,
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
        return new BurstResult(concurrency, n, setup, runs, watched);
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
            urls[i] = harness.emulator.baseUrl() + "/api/lockCommand/remoteUnlock/" + Harness.factoryNumber(i) + "/"
                    + Harness.API_KEY;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong last = new AtomicLong();
        CountDownLatch done = new CountDownLatch(n);
        Runnable[] chain = new Runnable[1];
        chain[0] = () -> {
            int i = next.getAndIncrement();
            if (i >= n) {
                return;
            }
            harness.httpClient.newRequest(urls[i]).method(HttpMethod.GET).timeout(10, TimeUnit.SECONDS)
                    .send(new BufferingResponseListener(16 * 1024) {
                        @Override
                        public void onComplete(@Nullable Result result) {
                            if (result == null || !result.isSucceeded() || result.getResponse().getStatus() != 200) {
                                failed.incrementAndGet();
                            }
                            last.accumulateAndGet(System.nanoTime(), Math::max);
                            done.countDown();
                            chain[0].run();
                        }
                    });
        };
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            chain[0].run();
        }
        if (!done.await(waitMillis, TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("bare burst: only " + (n - done.getCount()) + " of " + n + " answers");
        }
        if (failed.get() > 0) {
            throw new IllegalStateException("bare burst: " + failed.get() + " requests failed");
        }
        return (last.get() - start) / 1e6;
    }

    // ---- 5: jar ------------------------------------------------------------------------------------------------

    private static JarResult jar(@Nullable Path given) throws IOException {
        Path path = given;
        if (path == null) {
            try {
                path = Paths.get(KasLockHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (Exception e) {
                throw new IOException("cannot locate the add-on jar; pass --addon-jar", e);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("the add-on jar " + path + " does not exist (build it first)");
        }
        int entries = 0;
        int classes = 0;
        long classBytes = 0;
        long otherBytes = 0;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                entries++;
                if (entry.getName().endsWith(".class")) {
                    classes++;
                    classBytes += entry.getCompressedSize();
                } else {
                    otherBytes += entry.getCompressedSize();
                }
            }
        }
        return new JarResult(path, Files.size(path), entries, classes, classBytes, otherBytes);
    }

    // ---- environment ------------------------------------------------------------------------------------------

    /**
     * How much of the machine's CPU time other processes used during the run (from {@code /proc/stat} and this
     * process's CPU time): the noise the figures carry.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record CpuShare(long busyTicks, long totalTicks, long ownNanos, long startNanos) {

        private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

        static CpuShare start() {
            long[] stat = procStat();
            return new CpuShare(stat[0], stat[1], ownCpuNanos(), System.nanoTime());
        }

        String end() {
            long[] stat = procStat();
            long total = stat[1] - totalTicks;
            if (stat[1] == 0 || total <= 0) {
                return "CPU shares n/a";
            }
            double busySeconds = (double) (stat[0] - busyTicks) / TICKS_PER_SECOND;
            double ownSeconds = (ownCpuNanos() - ownNanos) / 1e9;
            double capacity = (double) total / TICKS_PER_SECOND;
            return String.format(Locale.ROOT,
                    "of the CPUs' time during the run this JVM used %.0f %%, other processes %.0f %%, idle %.0f %%",
                    100 * ownSeconds / capacity, 100 * Math.max(0, busySeconds - ownSeconds) / capacity,
                    100 * (1 - busySeconds / capacity));
        }

        /** @return {busy, total} ticks of all CPUs, or zeros where there is no /proc/stat */
        private static long[] procStat() {
            try {
                String[] f = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                long total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    long v = Long.parseLong(f[i]);
                    total += v;
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += v;
                    }
                }
                return new long[] { busy, total };
            } catch (IOException | RuntimeException e) {
                return new long[2];
            }
        }

        private static long ownCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime()
                    : 0;
        }
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return System.getProperty("os.arch", "?");
    }

    static String gcNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(", "));
    }

    // ---- report ------------------------------------------------------------------------------------------------

    /**
     * Turns the figures into the Markdown report.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private record ReportWriter(Plan plan, ZonedDateTime started, String revision, String loadBefore, String loadAfter,
            double seconds, String latencyWarmup, List<LatencyRun> latency, HandleCommandResult handleCommand,
            List<BurstResult> bursts, HeapResult heap, JarResult jar) {

        String write() {
            StringBuilder md = new StringBuilder();
            List<String> misses = new ArrayList<>();
            md.append("# KAS add-on benchmarks\n\n");
            if (plan == Plan.QUICK) {
                md.append("**QUICK smoke run** (fewer samples and locks): not the figures of record.\n\n");
            }
            md.append("Produced by `benchmarks/run` (").append(revision).append(") on ")
                    .append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" in ")
                    .append(String.format(Locale.ROOT, "%.0f s", seconds))
                    .append(". The add-on's handlers run on the openHAB core stand-in, against the KAS cloud "
                            + "emulator on loopback, with one started Jetty HttpClient shared like openHAB's.\n\n");
            md.append("- JDK: ").append(System.getProperty("java.vm.vendor")).append(' ')
                    .append(System.getProperty("java.vm.name")).append(' ')
                    .append(System.getProperty("java.runtime.version")).append(" (").append(gcNames())
                    .append(", max heap ").append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB)\n");
            md.append("- CPUs: ").append(Runtime.getRuntime().availableProcessors()).append(" (").append(cpuModel())
                    .append("), ").append(System.getProperty("os.name")).append(' ')
                    .append(System.getProperty("os.version")).append('\n');
            md.append("- Load average before / after: ").append(loadBefore).append(" / ").append(loadAfter)
                    .append(" (other work on the machine shows up as noise, mostly in the p99 figures)\n\n");

            // ---- table
            LatencyFigures lat = LatencyFigures.of(latency);
            md.append("| # | Measurement | Result | Goal | Met |\n|---|---|---|---|---|\n");
            boolean p50ok = lat.p50Ratio() <= GOAL_P50_RATIO;
            boolean p99ok = lat.p99Ratio() <= GOAL_P99_RATIO;
            row(md, "1", "Unlock latency p50: handler (command in → `UNLOCK_ACCEPTED` out) vs bare Jetty GET", String
                    .format(Locale.ROOT, "%.1f µs vs %.1f µs = ×%.3f", lat.handlerP50(), lat.bareP50(), lat.p50Ratio()),
                    "≤ ×" + GOAL_P50_RATIO, p50ok);
            row(md, "1", "Unlock latency p99: handler vs bare Jetty GET", String.format(Locale.ROOT,
                    "%.1f µs vs %.1f µs = ×%.3f", lat.handlerP99(), lat.bareP99(), lat.p99Ratio()),
                    "≤ ×" + GOAL_P99_RATIO, p99ok);
            boolean hcOk = handleCommand.medianP99() < GOAL_HANDLE_COMMAND_P99_US;
            row(md, "2", "`handleCommand` return time p99, cloud answers after 2 s",
                    String.format(Locale.ROOT, "%.1f µs (CPU time p99 %.1f µs; p50 %.1f µs; max %.1f µs)",
                            handleCommand.medianP99(), handleCommand.medianCpuP99(), handleCommand.medianP50(),
                            handleCommand.max()),
                    "< 1 ms", hcOk);
            SchedulerWatch.Summary watch = handleCommand.watch();
            for (BurstResult burst : bursts) {
                watch = watch.plus(burst.watch());
            }
            boolean schedulerOk = watch.waitingOnNetwork() == 0;
            row(md, "2",
                    "`OH-thingHandler` scheduler threads waiting on the network (sampled every "
                            + SchedulerWatch.INTERVAL_MILLIS + " ms during 2 and 3)",
                    String.format(Locale.ROOT, "%d of %d observations (%d threads; busy %d, at most %d at once)",
                            watch.waitingOnNetwork(), watch.observations(), watch.threads(), watch.busy(),
                            watch.maxBusyAtOnce()),
                    "none", schedulerOk);
            for (BurstResult burst : bursts) {
                double ratio = burst.medianWallMillis() / burst.idealMillis();
                boolean ok = ratio <= GOAL_BURST_RATIO && burst.maxPeak() <= burst.concurrency() && burst.allAccepted();
                row(md, "3",
                        "Burst: 1 unlock on each of " + burst.commands() + " locks, `maxConcurrentRequests` "
                                + burst.concurrency() + ", 50 ms per answer",
                        String.format(Locale.ROOT,
                                "%.3f s vs ideal %.3f s = ×%.3f (bare client: ×%.3f); emulator peak %d; %s",
                                burst.medianWallMillis() / 1e3, burst.idealMillis() / 1e3, ratio,
                                burst.medianBareMillis() / burst.idealMillis(), burst.maxPeak(),
                                burst.allAccepted() ? "all accepted" : "NOT all accepted"),
                        "≤ ×" + GOAL_BURST_RATIO + ", peak ≤ " + burst.concurrency(), ok);
                if (!ok) {
                    misses.add("3 (burst, maxConcurrentRequests " + burst.concurrency() + ")");
                }
            }
            boolean heapOk = heap.perLockKiB() < GOAL_HEAP_KIB;
            row(md, "4",
                    "Retained heap per initialised lock (handler + its `InMemoryThing`), " + heap.locks() + " locks",
                    String.format(Locale.ROOT, "%.2f KiB (handler alone %.2f KiB)", heap.perLockKiB(),
                            heap.handlerOnlyKiB()),
                    "< " + (int) GOAL_HEAP_KIB + " KiB", heapOk);
            double jarKiB = jar.bytes() / 1024.0;
            boolean jarOk = jarKiB < GOAL_JAR_KIB;
            row(md, "5", "Add-on jar size (`" + jar.path().getFileName() + "`)",
                    String.format(Locale.ROOT, "%.1f KiB", jarKiB), "< " + (int) GOAL_JAR_KIB + " KiB", jarOk);
            md.append('\n');

            if (!p50ok || !p99ok) {
                misses.add(0, "1 (unlock latency ratio"
                        + (!p50ok && !p99ok ? ", p50 and p99" : !p50ok ? ", p50" : ", p99") + ")");
            }
            if (!hcOk) {
                misses.add("2 (handleCommand p99)");
            }
            if (!schedulerOk) {
                misses.add("2 (scheduler thread waiting on the network)");
            }
            if (!heapOk) {
                misses.add("4 (heap per lock)");
            }
            if (!jarOk) {
                misses.add("5 (jar size)");
            }
            md.append(misses.isEmpty() ? "All goals met.\n\n"
                    : "Goals missed: " + String.join("; ", misses) + " — see *Goals missed* below.\n\n");

            details(md, lat);
            return md.toString();
        }

        private static void row(StringBuilder md, String number, String what, String result, String goal, boolean met) {
            md.append("| ").append(number).append(" | ").append(what).append(" | ").append(result).append(" | ")
                    .append(goal).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
        }

        private void details(StringBuilder md, LatencyFigures lat) {
            md.append("## How it was measured\n\n");
            md.append("All figures come from one JVM run, after warm-up; where there are several runs the table "
                    + "shows the median of the per-run figures (per-run figures below).\n\n");

            md.append("### 1. Unlock latency\n\n");
            md.append(String.format(Locale.ROOT,
                    "One lock, account with default settings (%s), no cloud delay. Per run %d samples of each kind, "
                            + "taken alternately (handler, bare, bare, handler, …) after %s; "
                            + "%d runs. *Handler*: `handleCommand(unlock, ON)` → gate → `KasCloudClient` → Jetty → "
                            + "emulator → response → `UNLOCK_ACCEPTED` on the trigger channel; the time is taken on "
                            + "the thread that delivers the trigger. *Bare*: `httpClient.newRequest(sameUrl).send("
                            + "BufferingResponseListener)` on the same client, time taken in `onComplete` after "
                            + "reading the body. Each sample waits for the previous one (sequential).\n\n",
                    AccountSetup.DEFAULTS, plan.pairsPerRun(), latencyWarmup, plan.latencyRuns()));
            md.append("| Run | handler p50 µs | bare p50 µs | ratio p50 | handler p99 µs | bare p99 µs | ratio p99 |\n"
                    + "|---|---|---|---|---|---|---|\n");
            for (int i = 0; i < latency.size(); i++) {
                LatencyRun r = latency.get(i);
                md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | ×%.3f | %.1f | %.1f | ×%.3f |\n", i + 1,
                        r.handlerP50(), r.bareP50(), r.handlerP50() / r.bareP50(), r.handlerP99(), r.bareP99(),
                        r.handlerP99() / r.bareP99()));
            }
            md.append(String.format(Locale.ROOT,
                    "| median | %.1f | %.1f | ×%.3f | %.1f | %.1f | ×%.3f |\n\n"
                            + "The add-on adds %.1f µs at p50 and %.1f µs at p99 per unlock.\n\n",
                    lat.handlerP50(), lat.bareP50(), lat.p50Ratio(), lat.handlerP99(), lat.bareP99(), lat.p99Ratio(),
                    lat.handlerP50() - lat.bareP50(), lat.handlerP99() - lat.bareP99()));

            md.append("### 2. `handleCommand` under a slow cloud\n\n");
            md.append(String.format(Locale.ROOT,
                    "Account: %s. The emulator delays every answer by %d ms. Per run one `handleCommand(unlock, ON)` "
                            + "on each of %d locks in a tight loop, each call timed on its own; the first %d start "
                            + "their HTTP request inside `handleCommand`, the others are queued by the gate. The calls "
                            + "then stay in flight for %d ms (the first answers come after 2 s and the gate starts "
                            + "the next calls from the completing threads); then the account handler is replaced, "
                            + "which cancels the rest. %d runs.\n\n",
                    handleCommand.setup(), SLOW_CLOUD_DELAY.toMillis(), handleCommand.commands(),
                    handleCommand.setup().maxConcurrentRequests(), plan.handleCommandHold().toMillis(),
                    handleCommand.runs().size()));
            md.append("*CPU µs* is the CPU time of the calling thread in `handleCommand` "
                    + "(`ThreadMXBean.getCurrentThreadCpuTime`): wall time above it is time the thread was not "
                    + "running — preempted (other processes on the machine), or blocked.\n\n");
            md.append("| Run | p50 µs | p99 µs | p99 CPU µs | max µs | max of the first "
                    + handleCommand.setup().maxConcurrentRequests()
                    + " (HTTP request started) µs | p99 of the queued µs | gate right after the commands |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            for (int i = 0; i < handleCommand.runs().size(); i++) {
                HandleCommandRun r = handleCommand.runs().get(i);
                md.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | `%s` |\n", i + 1,
                        r.p50(), r.p99(), r.cpuP99(), r.max(), r.sentMax(), r.queuedP99(), r.gateAfterCommands()));
            }
            md.append('\n');
            md.append("Scheduler check: a sampler thread reads the stacks of the `OH-thingHandler-*` threads (the "
                    + "pool behind `BaseThingHandler.scheduler`) every " + SchedulerWatch.INTERVAL_MILLIS
                    + " ms during measurements 2 and 3. An observation counts as *waiting on the network* when the "
                    + "thread is WAITING/TIMED_WAITING/BLOCKED with Jetty, `java.net`, NIO or TLS code on its stack, "
                    + "in a socket read, or waiting on a `CompletableFuture`.\n\n");
            md.append("| Phase | samples | threads | observations | busy | max busy at once | busy in network code "
                    + "(async send) | waiting on the network |\n|---|---|---|---|---|---|---|---|\n");
            watchRow(md, "2 (2 s delay)", handleCommand.watch());
            for (BurstResult burst : bursts) {
                watchRow(md, "3 (burst, c=" + burst.concurrency() + ")", burst.watch());
            }
            md.append('\n');
            String stack = handleCommand.watch().firstNetworkWait();
            for (BurstResult burst : bursts) {
                if (stack == null) {
                    stack = burst.watch().firstNetworkWait();
                }
            }
            if (stack != null) {
                md.append("First scheduler thread seen waiting on the network:\n\n```\n").append(stack)
                        .append("\n```\n\n");
            }

            md.append("### 3. Burst\n\n");
            md.append("One `handleCommand(unlock, ON)` on each lock in a tight loop; the time runs from the first "
                    + "command to the last trigger event. Ideal = commands ÷ `maxConcurrentRequests` × 50 ms. "
                    + "`maxQueuedRequests` 1000 and `unlockMaxAge` 60 s so that none is rejected or expires; "
                    + "`requestTimeout` 10 s; locks with the default `unlockedDuration` (5 s); HttpClient "
                    + "`maxConnectionsPerDestination` " + Harness.MAX_CONNECTIONS_PER_DESTINATION
                    + ". *Emulator peak* is `peakConcurrency(key)`: the most calls of the account in flight at the "
                    + "emulator at once (KAS drops calls beyond 30).\n\n");
            md.append("*Bare client*: right after each burst, the same unlock URLs straight on the shared "
                    + "HttpClient in as many chains as `maxConcurrentRequests` (each answer starts the next request, "
                    + "as the gate does): what the machine, Jetty and the emulator allow without the add-on.\n\n");
            md.append("| maxConcurrentRequests | Run | wall ms | ideal ms | ratio | bare client ms (ratio) | "
                    + "commands submitted in ms | accepted | emulator peak (bare) | dropped | executed | failures |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (BurstResult burst : bursts) {
                for (int i = 0; i < burst.runs().size(); i++) {
                    BurstRun r = burst.runs().get(i);
                    md.append(String.format(Locale.ROOT,
                            "| %d | %d | %.0f | %.0f | ×%.3f | %.0f (×%.3f) | %.1f | %d | %d (%d) | %d | %d | %s |\n",
                            burst.concurrency(), i + 1, r.wallMillis(), burst.idealMillis(),
                            r.wallMillis() / burst.idealMillis(), r.bareWallMillis(),
                            r.bareWallMillis() / burst.idealMillis(), r.submitMillis(), r.accepted(), r.emulatorPeak(),
                            r.bareEmulatorPeak(), r.dropped(), r.executed(),
                            r.failures().isEmpty() ? "none" : r.failures().toString()));
                }
            }
            md.append('\n');

            md.append("### 4. Retained heap per lock\n\n");
            md.append(String.format(Locale.ROOT,
                    "Used heap after repeated full collections (`System.gc()`, smallest of three readings): before "
                            + "the lock things exist %.1f KiB; with %d lock things %.1f KiB; with their handlers "
                            + "initialised (ONLINE) %.1f KiB. Per lock: %.2f KiB in all = %.2f KiB handler + %.2f "
                            + "KiB thing. Class loading and static initialisation are excluded (50 lock handlers "
                            + "are initialised and disposed before the baseline).\n\n",
                    heap.base() / 1024.0, heap.locks(), heap.withThings() / 1024.0, heap.withHandlers() / 1024.0,
                    heap.perLockKiB(), heap.handlerOnlyKiB(), heap.thingOnlyKiB()));
            md.append("What is counted: the `KasLockHandler` (its fields, lock object, validated settings "
                    + "`LockSettings`/`FactoryNumber`/`Duration`, the resolved copy of the configuration that "
                    + "`BaseThingHandler` caches), the thing's status object, and the lock thing: the project's "
                    + "shared Thing test double `InMemoryThing` (the stand-in's test jar) with its `ThingUID` and "
                    + "`Configuration` (one parameter, `factoryNumber`). `InMemoryThing` has no channels; besides "
                    + "what a minimal Thing needs (UID, type, bridge UID, configuration, status, handler) it has "
                    + "fields for label, location and semantic tag (null here) and an empty properties `HashMap` "
                    + "(its table is never allocated): with compressed references a 56-byte object and a 48-byte "
                    + "map where the benchmarks' former minimal thing took 40 bytes, 64 bytes more per lock, all in "
                    + "the thing part (the handler sets no properties). Not "
                    + "counted: what openHAB's real `ThingImpl` carries besides (channels, properties, label), "
                    + "items, links, the shared callback (one for all handlers, keeps nothing per thing), the account "
                    + "handler and the shared pools. Growth by class between the two histograms (`GC.class_histogram`), "
                    + "per lock:\n\n");
            md.append("| Class | instances per lock | bytes per lock |\n|---|---|---|\n");
            long shownBytes = 0;
            int shown = 0;
            for (HeapMeter.Growth growth : heap.growth()) {
                if (shown++ >= 16 || growth.bytes() < heap.locks() / 2) {
                    break;
                }
                shownBytes += growth.bytes();
                md.append(String.format(Locale.ROOT, "| `%s` | %.2f | %.1f |\n", growth.className(),
                        (double) growth.instances() / heap.locks(), (double) growth.bytes() / heap.locks()));
            }
            long totalGrowth = heap.growth().stream().mapToLong(HeapMeter.Growth::bytes).sum();
            md.append(String.format(Locale.ROOT, "| (other classes) | | %.1f |\n\n",
                    (double) (totalGrowth - shownBytes) / heap.locks()));

            md.append("### 5. Add-on jar\n\n");
            md.append(String.format(Locale.ROOT,
                    "`%s`: %d bytes (%.1f KiB); %d entries, %d classes (%.1f KiB compressed), other entries "
                            + "(manifest, DS XML, OH-INF) %.1f KiB compressed.\n\n",
                    jar.path(), jar.bytes(), jar.bytes() / 1024.0, jar.entries(), jar.classes(),
                    jar.classesCompressed() / 1024.0, jar.resourcesCompressed() / 1024.0));

            md.append("## Goals missed\n\n");
            List<String> explanations = new ArrayList<>();
            if (lat.p50Ratio() > GOAL_P50_RATIO || lat.p99Ratio() > GOAL_P99_RATIO) {
                explanations.add(Explanations.latency(lat, loadBefore + " / " + loadAfter));
            }
            if (handleCommand.medianP99() >= GOAL_HANDLE_COMMAND_P99_US) {
                explanations.add(Explanations.handleCommand(handleCommand));
            }
            SchedulerWatch.Summary all = handleCommand.watch();
            for (BurstResult burst : bursts) {
                all = all.plus(burst.watch());
            }
            if (all.waitingOnNetwork() > 0) {
                explanations.add("**2, scheduler**: a thread of the thing handler pool was seen waiting on the "
                        + "network (stack above). Whatever runs there must not wait for an HTTP answer: use the "
                        + "asynchronous `KasCloudClient` futures and continue in their callbacks.");
            }
            for (BurstResult burst : bursts) {
                double ratio = burst.medianWallMillis() / burst.idealMillis();
                if (ratio > GOAL_BURST_RATIO || burst.maxPeak() > burst.concurrency() || !burst.allAccepted()) {
                    explanations.add(Explanations.burst(burst, ratio));
                }
            }
            if (heap.perLockKiB() >= GOAL_HEAP_KIB) {
                explanations.add("**4, heap**: see the class table above for what takes the space per lock.");
            }
            if (jar.bytes() / 1024.0 >= GOAL_JAR_KIB) {
                explanations.add("**5, jar**: the classes take "
                        + String.format(Locale.ROOT, "%.1f KiB", jar.classesCompressed() / 1024.0)
                        + "; see which packages are largest.");
            }
            md.append(explanations.isEmpty() ? "None.\n" : String.join("\n\n", explanations) + "\n");
        }

        private static void watchRow(StringBuilder md, String phase, SchedulerWatch.Summary s) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |\n", phase, s.samples(),
                    s.threads(), s.observations(), s.busy(), s.maxBusyAtOnce(), s.inNetworkCode(),
                    s.waitingOnNetwork()));
        }
    }

    /**
     * The medians of the latency runs, in microseconds.
     *
     * @author KAS binding contributors - Initial contribution
     */
    record LatencyFigures(double handlerP50, double bareP50, double handlerP99, double bareP99) {

        static LatencyFigures of(List<LatencyRun> runs) {
            return new LatencyFigures(Samples.median(runs.stream().mapToDouble(LatencyRun::handlerP50).toArray()),
                    Samples.median(runs.stream().mapToDouble(LatencyRun::bareP50).toArray()),
                    Samples.median(runs.stream().mapToDouble(LatencyRun::handlerP99).toArray()),
                    Samples.median(runs.stream().mapToDouble(LatencyRun::bareP99).toArray()));
        }

        double p50Ratio() {
            return handlerP50 / bareP50;
        }

        double p99Ratio() {
            return handlerP99 / bareP99;
        }
    }
}
