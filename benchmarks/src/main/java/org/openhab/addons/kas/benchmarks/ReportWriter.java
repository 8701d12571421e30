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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.addons.kas.benchmarks.Harness.AccountSetup;
import org.openhab.core.standin.testing.InMemoryThing;

/**
 * Turns the figures of the runs ({@link RunData}, one JVM per Jetty line) into the Markdown report: the table of
 * results against the goals, then how each figure was measured, with the per-run figures, and why a goal was missed.
 * The first run must have all measurements; the others add their line's unlock latency.
 * <p>
 * Options: {@code --data FILE} (once per run, the run with all measurements first), {@code --output FILE} (also
 * printed to stdout), {@code --revision TEXT}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ReportWriter {

    private final List<RunData> runs;
    private final RunData full;
    private final String revision;
    private final HandleCommandBenchmark.Result handleCommand;
    private final List<BurstBenchmark.Result> bursts;
    private final HeapBenchmark.Result heap;
    private final JarSize.Result jar;

    /**
     * @param runs the runs, the first with all measurements
     * @param revision the source revision measured
     * @throws IllegalArgumentException if there is no run or the first lacks a measurement
     */
    public ReportWriter(List<RunData> runs, String revision) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no figures");
        }
        this.runs = List.copyOf(runs);
        this.full = runs.get(0);
        this.revision = revision;
        HandleCommandBenchmark.Result handleCommand = full.handleCommand();
        List<BurstBenchmark.Result> bursts = full.bursts();
        HeapBenchmark.Result heap = full.heap();
        JarSize.Result jar = full.jar();
        if (handleCommand == null || bursts == null || heap == null || jar == null) {
            throw new IllegalArgumentException("the first figures (" + full.line() + ") lack a measurement");
        }
        this.handleCommand = handleCommand;
        this.bursts = bursts;
        this.heap = heap;
        this.jar = jar;
    }

    /**
     * @param args {@code --data FILE}..., {@code --output FILE}, {@code --revision TEXT}
     */
    public static void main(String[] args) {
        List<Path> data = new ArrayList<>();
        Path output = null;
        String revision = "unknown";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            if ("--data".equals(arg) && hasValue) {
                data.add(Paths.get(args[++i]));
            } else if ("--output".equals(arg) && hasValue) {
                output = Paths.get(args[++i]);
            } else if ("--revision".equals(arg) && hasValue) {
                revision = args[++i];
            } else {
                System.err.println("usage: ReportWriter --data FILE [--data FILE]... [--output FILE] "
                        + "[--revision TEXT]; unexpected argument " + arg);
                System.exit(2);
            }
        }
        int status = 0;
        try {
            List<RunData> runs = new ArrayList<>();
            for (Path file : data) {
                runs.add(RunData.read(file));
            }
            String report = new ReportWriter(runs, revision).write();
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
            System.err.println("benchmarks: the report FAILED: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /**
     * @return the report
     */
    public String write() {
        StringBuilder md = new StringBuilder();
        List<String> misses = new ArrayList<>();
        md.append("# KAS add-on benchmarks\n\n");
        if (runs.stream().anyMatch(run -> run.plan().quick())) {
            md.append("**QUICK smoke run** (fewer samples and locks): not the figures of record.\n\n");
        }
        double seconds = runs.stream().mapToDouble(RunData::seconds).sum();
        md.append("Produced by `benchmarks/run` (").append(revision).append(") on ").append(full.startedAt())
                .append(" in ").append(String.format(Locale.ROOT, "%.0f s", seconds))
                .append(". The add-on's handlers run on the openHAB core stand-in, against the KAS cloud emulator "
                        + "on loopback, with one started Jetty HttpClient shared like openHAB's, each Jetty line in a "
                        + "JVM of its own (Jetty 9.4 and Jetty 12 cannot share a class path): ");
        List<String> lines = new ArrayList<>();
        for (RunData run : runs) {
            lines.add(String.format(Locale.ROOT, "%s (%s) with the add-on's `%s` for %s (%.0f s)", run.line(),
                    run.jettyVersion(), run.latency().transport(),
                    run == full ? "all measurements" : "the unlock latency", run.seconds()));
        }
        md.append(String.join(", then ", lines)).append(".\n\n");
        md.append("- JDK: ").append(full.environment().jdkLine());
        for (RunData run : runs) {
            if (!run.environment().jdkLine().equals(full.environment().jdkLine())) {
                md.append("; ").append(run.line()).append(" run: ").append(run.environment().jdkLine());
            }
        }
        md.append('\n');
        md.append("- CPUs: ").append(full.environment().cpuLine()).append('\n');
        for (RunData run : runs) {
            md.append("- Load average before / after the ").append(run.line()).append(" run: ")
                    .append(run.environment().loadBefore()).append(" / ").append(run.environment().loadAfter())
                    .append("; ").append(run.environment().cpuShare()).append('\n');
        }
        md.append("- Other work on the machine shows up as noise, mostly in the p99 figures.\n\n");

        // ---- table
        md.append("| # | Measurement | Result | Goal | Met |\n|---|---|---|---|---|\n");
        List<String> latencyMisses = new ArrayList<>();
        for (RunData run : runs) {
            LatencyBenchmark.Result lat = run.latency();
            row(md, "1",
                    "Unlock latency p50 on " + lat.line() + ": handler (command in → `UNLOCK_ACCEPTED` out) vs bare "
                            + lat.line() + " GET",
                    String.format(Locale.ROOT, "%.1f µs vs %.1f µs = ×%.3f", lat.handlerP50(), lat.bareP50(),
                            lat.p50Ratio()),
                    "≤ ×" + LatencyBenchmark.GOAL_P50_RATIO, lat.p50Met());
            row(md, "1", "Unlock latency p99 on " + lat.line() + ": handler vs bare " + lat.line() + " GET", String
                    .format(Locale.ROOT, "%.1f µs vs %.1f µs = ×%.3f", lat.handlerP99(), lat.bareP99(), lat.p99Ratio()),
                    "≤ ×" + LatencyBenchmark.GOAL_P99_RATIO, lat.p99Met());
            if (!lat.p50Met() || !lat.p99Met()) {
                latencyMisses.add("1 (unlock latency ratio on " + lat.line()
                        + (!lat.p50Met() && !lat.p99Met() ? ", p50 and p99" : !lat.p50Met() ? ", p50" : ", p99") + ")");
            }
        }
        misses.addAll(latencyMisses);
        row(md, "2", "`handleCommand` return time p99, cloud answers after 2 s",
                String.format(Locale.ROOT, "%.1f µs (CPU time p99 %.1f µs; p50 %.1f µs; max %.1f µs)",
                        handleCommand.medianP99(), handleCommand.medianCpuP99(), handleCommand.medianP50(),
                        handleCommand.max()),
                "< 1 ms", handleCommand.met(), misses, "2 (handleCommand p99)");
        SchedulerWatch.Summary watch = allWatched();
        boolean schedulerOk = watch.waitingOnNetwork() == 0;
        row(md, "2",
                "`OH-thingHandler` scheduler threads waiting on the network (sampled every "
                        + SchedulerWatch.INTERVAL_MILLIS + " ms during 2 and 3)",
                String.format(Locale.ROOT, "%d of %d observations (%d threads; busy %d, at most %d at once)",
                        watch.waitingOnNetwork(), watch.observations(), watch.threads(), watch.busy(),
                        watch.maxBusyAtOnce()),
                "none", schedulerOk, misses, "2 (scheduler thread waiting on the network)");
        for (BurstBenchmark.Result burst : bursts) {
            row(md, "3",
                    "Burst: 1 unlock on each of " + burst.commands() + " locks, `maxConcurrentRequests` "
                            + burst.concurrency() + ", " + burst.delayMillis() + " ms per answer",
                    String.format(Locale.ROOT,
                            "%.3f s vs ideal %.3f s = ×%.3f (bare client: ×%.3f); emulator peak %d; %s",
                            burst.medianWallMillis() / 1e3, burst.idealMillis() / 1e3, burst.ratio(),
                            burst.medianBareMillis() / burst.idealMillis(), burst.maxPeak(),
                            burst.allAccepted() ? "all accepted" : "NOT all accepted"),
                    "≤ ×" + BurstBenchmark.GOAL_RATIO + ", peak ≤ " + burst.concurrency(), burst.met(), misses,
                    "3 (burst, maxConcurrentRequests " + burst.concurrency() + ")");
        }
        row(md, "4", "Retained heap per initialised lock (handler + its `InMemoryThing`), " + heap.locks() + " locks",
                String.format(Locale.ROOT, "%.2f KiB (handler alone %.2f KiB)", heap.perLockKiB(),
                        heap.handlerOnlyKiB()),
                "< " + (int) HeapBenchmark.GOAL_KIB + " KiB", heap.met(), misses, "4 (heap per lock)");
        row(md, "5", "Add-on jar size (`" + jar.fileName() + "`)", String.format(Locale.ROOT, "%.1f KiB", jar.kiB()),
                "< " + (int) JarSize.GOAL_KIB + " KiB", jar.met(), misses, "5 (jar size)");
        md.append('\n');
        md.append(misses.isEmpty() ? "All goals met.\n\n"
                : "Goals missed: " + String.join("; ", misses) + " — see *Goals missed* below.\n\n");

        details(md);
        return md.toString();
    }

    private SchedulerWatch.Summary allWatched() {
        SchedulerWatch.Summary all = handleCommand.watch();
        for (BurstBenchmark.Result burst : bursts) {
            all = all.plus(burst.watch());
        }
        return all;
    }

    private static void row(StringBuilder md, String number, String what, String result, String goal, boolean met) {
        md.append("| ").append(number).append(" | ").append(what).append(" | ").append(result).append(" | ")
                .append(goal).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
    }

    /** A row of the table; a missed goal is also added to the misses. */
    private static void row(StringBuilder md, String number, String what, String result, String goal, boolean met,
            List<String> misses, String miss) {
        row(md, number, what, result, goal, met);
        if (!met) {
            misses.add(miss);
        }
    }

    private void details(StringBuilder md) {
        md.append("## How it was measured\n\n");
        md.append("All figures of a Jetty line come from one JVM run, after warm-up; where there are several runs "
                + "the table shows the median of the per-run figures (per-run figures below).\n\n");

        latencyDetails(md);
        handleCommandDetails(md);
        burstDetails(md);
        heapDetails(md);

        md.append("### 5. Add-on jar\n\n");
        appendf(md,
                "`%s`: %d bytes (%.1f KiB); %d entries, %d classes (%.1f KiB compressed), other entries "
                        + "(manifest, DS XML, OH-INF) %.1f KiB compressed.\n\n",
                jar.path(), jar.bytes(), jar.kiB(), jar.entries(), jar.classes(), jar.classesCompressed() / 1024.0,
                jar.resourcesCompressed() / 1024.0);

        md.append("## Goals missed\n\n");
        List<String> explanations = new ArrayList<>();
        List<LatencyBenchmark.Result> latencyMissed = runs.stream().map(RunData::latency)
                .filter(lat -> !lat.p50Met() || !lat.p99Met()).toList();
        if (!latencyMissed.isEmpty()) {
            List<String> loads = new ArrayList<>();
            for (RunData run : runs) {
                loads.add(run.line() + " run: load average before / after " + run.environment().loadBefore() + " / "
                        + run.environment().loadAfter() + ", " + run.environment().cpuShare());
            }
            explanations.add(Explanations.latency(latencyMissed, String.join("; ", loads)));
        }
        if (!handleCommand.met()) {
            explanations.add(Explanations.handleCommand(handleCommand));
        }
        if (allWatched().waitingOnNetwork() > 0) {
            explanations.add("**2, scheduler**: a thread of the thing handler pool was seen waiting on the "
                    + "network (stack above). Whatever runs there must not wait for an HTTP answer: use the "
                    + "asynchronous `KasCloudClient` futures and continue in their callbacks.");
        }
        for (BurstBenchmark.Result burst : bursts) {
            if (!burst.met()) {
                explanations.add(Explanations.burst(burst));
            }
        }
        if (!heap.met()) {
            explanations.add("**4, heap**: see the class table above for what takes the space per lock.");
        }
        if (!jar.met()) {
            appendJarExplanation(explanations);
        }
        md.append(explanations.isEmpty() ? "None.\n" : String.join("\n\n", explanations) + "\n");
    }

    private void appendJarExplanation(List<String> explanations) {
        explanations.add(String.format(Locale.ROOT, """
                **5, jar**: %d classes take %.1f KiB compressed, the other entries %.1f KiB. The goal was set when \
                the jar held one HTTP transport and 36 classes. It now carries a transport for each Jetty line \
                (one jar for openHAB 5.0 to 5.3 and later) and the small single-purpose classes the cloud client, \
                the request gate and the handlers were split into; every class file repeats its own constant pool. \
                Left as it is: the Maven descriptor (`META-INF/maven`, a few KiB) that openhab-addons' jars carry \
                too, and the debug information (line numbers, local variables) that makes openHAB's stack traces \
                readable.""", jar.classes(), jar.classesCompressed() / 1024.0, jar.resourcesCompressed() / 1024.0));
    }

    private void latencyDetails(StringBuilder md) {
        md.append("### 1. Unlock latency\n\n");
        appendf(md,
                "On each Jetty line, in its own JVM: one lock, account with default settings (%s), no cloud delay. "
                        + "Samples of each kind are taken alternately (handler, bare, bare, handler, …) after a "
                        + "warm-up that lasts until the handler's p50 is steady. *Handler*: `handleCommand(unlock, "
                        + "ON)` → gate → `KasCloudClient` → the line's transport → Jetty → emulator → response → "
                        + "`UNLOCK_ACCEPTED` on the trigger channel; the time is taken on the thread that delivers "
                        + "the trigger. *Bare*: `httpClient.newRequest(sameUrl).send(BufferingResponseListener)` on "
                        + "the same client of the same line, time taken in `onComplete` after reading the body. Each "
                        + "sample waits for the previous one (sequential).\n\n",
                AccountSetup.DEFAULTS);
        for (RunData run : runs) {
            LatencyBenchmark.Result lat = run.latency();
            md.append("#### ").append(lat.line()).append("\n\n");
            appendf(md, "Jetty %s, the add-on's `%s`. Per run %d samples of each kind after %s; %d runs.\n\n",
                    lat.jettyVersion(), lat.transport(), lat.samplesPerRun(), lat.warmup(), lat.runs().size());
            md.append("| Run | handler p50 µs | bare p50 µs | ratio p50 | handler p99 µs | bare p99 µs | ratio p99 |\n"
                    + "|---|---|---|---|---|---|---|\n");
            for (int i = 0; i < lat.runs().size(); i++) {
                LatencyBenchmark.Run r = lat.runs().get(i);
                appendf(md, "| %d | %.1f | %.1f | ×%.3f | %.1f | %.1f | ×%.3f |\n", i + 1, r.handlerP50(), r.bareP50(),
                        r.handlerP50() / r.bareP50(), r.handlerP99(), r.bareP99(), r.handlerP99() / r.bareP99());
            }
            appendf(md,
                    "| median | %.1f | %.1f | ×%.3f | %.1f | %.1f | ×%.3f |\n\n"
                            + "On %s the add-on adds %.1f µs at p50 and %.1f µs at p99 per unlock.\n\n",
                    lat.handlerP50(), lat.bareP50(), lat.p50Ratio(), lat.handlerP99(), lat.bareP99(), lat.p99Ratio(),
                    lat.line(), lat.handlerP50() - lat.bareP50(), lat.handlerP99() - lat.bareP99());
        }
    }

    private void handleCommandDetails(StringBuilder md) {
        md.append("### 2. `handleCommand` under a slow cloud\n\n");
        appendf(md,
                "On %s. Account: %s. The emulator delays every answer by %d ms. Per run one "
                        + "`handleCommand(unlock, ON)` on each of %d locks in a tight loop, each call timed on its "
                        + "own; the first %d start their HTTP request inside `handleCommand`, the others are queued "
                        + "by the gate. The calls then stay in flight for %d ms (the first answers come after 2 s and "
                        + "the gate starts the next calls from the completing threads); then the account handler is "
                        + "replaced, which cancels the rest. %d runs.\n\n",
                full.line(), handleCommand.setup(), HandleCommandBenchmark.SLOW_CLOUD_DELAY.toMillis(),
                handleCommand.commands(), handleCommand.setup().maxConcurrentRequests(),
                full.plan().handleCommandHold().toMillis(), handleCommand.runs().size());
        md.append("*CPU µs* is the CPU time of the calling thread in `handleCommand` "
                + "(`ThreadMXBean.getCurrentThreadCpuTime`): wall time above it is time the thread was not "
                + "running — preempted (other processes on the machine), or blocked.\n\n");
        md.append("| Run | p50 µs | p99 µs | p99 CPU µs | max µs | max of the first "
                + handleCommand.setup().maxConcurrentRequests()
                + " (HTTP request started) µs | p99 of the queued µs | gate right after the commands |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < handleCommand.runs().size(); i++) {
            HandleCommandBenchmark.Run r = handleCommand.runs().get(i);
            appendf(md, "| %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | `%s` |\n", i + 1, r.p50(), r.p99(),
                    r.cpuP99(), r.max(), r.sentMax(), r.queuedP99(), r.gateAfterCommands());
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
        for (BurstBenchmark.Result burst : bursts) {
            watchRow(md, "3 (burst, c=" + burst.concurrency() + ")", burst.watch());
        }
        md.append('\n');
        @Nullable
        String stack = handleCommand.watch().firstNetworkWait();
        for (BurstBenchmark.Result burst : bursts) {
            if (stack == null) {
                stack = burst.watch().firstNetworkWait();
            }
        }
        if (stack != null) {
            md.append("First scheduler thread seen waiting on the network:\n\n```\n").append(stack).append("\n```\n\n");
        }
    }

    private void burstDetails(StringBuilder md) {
        md.append("### 3. Burst\n\n");
        long delay = bursts.isEmpty() ? BurstBenchmark.DELAY.toMillis() : bursts.get(0).delayMillis();
        md.append("On " + full.line() + ". One `handleCommand(unlock, ON)` on each lock in a tight loop; the time "
                + "runs from the first command to the last trigger event. The emulator answers every call after "
                + delay + " ms (its default delay, real time). Ideal = commands ÷ `maxConcurrentRequests` × " + delay
                + " ms. `maxQueuedRequests` 1000 and `unlockMaxAge` 60 s so that none is rejected or expires; "
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
        for (BurstBenchmark.Result burst : bursts) {
            for (int i = 0; i < burst.runs().size(); i++) {
                BurstBenchmark.Run r = burst.runs().get(i);
                appendf(md, "| %d | %d | %.0f | %.0f | ×%.3f | %.0f (×%.3f) | %.1f | %d | %d (%d) | %d | %d | %s |\n",
                        burst.concurrency(), i + 1, r.wallMillis(), burst.idealMillis(),
                        r.wallMillis() / burst.idealMillis(), r.bareWallMillis(),
                        r.bareWallMillis() / burst.idealMillis(), r.submitMillis(), r.accepted(), r.emulatorPeak(),
                        r.bareEmulatorPeak(), r.dropped(), r.executed(),
                        r.failures().isEmpty() ? "none" : r.failures().toString());
            }
        }
        md.append('\n');
    }

    private void heapDetails(StringBuilder md) {
        md.append("### 4. Retained heap per lock\n\n");
        appendf(md,
                "On %s. Used heap after repeated full collections (`System.gc()`, smallest of three readings): "
                        + "before the lock things exist %.1f KiB; with %d lock things %.1f KiB; with their handlers "
                        + "initialised (ONLINE) %.1f KiB. Per lock: %.2f KiB in all = %.2f KiB handler + %.2f "
                        + "KiB thing. Class loading and static initialisation are excluded (50 lock handlers "
                        + "are initialised and disposed before the baseline).\n\n",
                full.line(), heap.base() / 1024.0, heap.locks(), heap.withThings() / 1024.0,
                heap.withHandlers() / 1024.0, heap.perLockKiB(), heap.handlerOnlyKiB(), heap.thingOnlyKiB());
        md.append("What is counted: the `KasLockHandler` (its fields, lock object, validated settings "
                + "`LockSettings`/`FactoryNumber`/`Duration`, the resolved copy of the configuration that "
                + "`BaseThingHandler` caches), the thing's status object, and the lock thing: the project's "
                + "shared Thing test double `InMemoryThing` (the stand-in's test jar) with its `ThingUID` and "
                + "`Configuration` (one parameter, `factoryNumber`). `InMemoryThing` has no channels; besides "
                + "what a minimal Thing needs (UID, type, bridge UID, configuration, status, handler) it has "
                + "fields for label, location and semantic tag (null here) and an empty properties `HashMap` "
                + "(its table is never allocated): with compressed references a 56-byte object and a 48-byte "
                + "map where the benchmarks' former minimal thing took 40 bytes, 64 bytes more per lock, all in "
                + "the thing part (the handler sets no properties). Not counted: what openHAB's real `ThingImpl` "
                + "carries besides (channels, properties, label), items, links, the shared callback (one for all "
                + "handlers, keeps nothing per thing), the account handler and the shared pools. Growth by class "
                + "between the two histograms (`GC.class_histogram`), per lock:\n\n");
        md.append("| Class | instances per lock | bytes per lock |\n|---|---|---|\n");
        long shownBytes = 0;
        int shown = 0;
        for (HeapMeter.Growth growth : heap.growth()) {
            if (shown++ >= 16 || growth.bytes() < heap.locks() / 2) {
                break;
            }
            shownBytes += growth.bytes();
            appendf(md, "| `%s` | %.2f | %.1f |\n", growth.className(), (double) growth.instances() / heap.locks(),
                    (double) growth.bytes() / heap.locks());
        }
        long totalGrowth = heap.growth().stream().mapToLong(HeapMeter.Growth::bytes).sum();
        appendf(md, "| (other classes) | | %.1f |\n\n", (double) (totalGrowth - shownBytes) / heap.locks());
        for (HeapMeter.Growth growth : heap.growth()) {
            if (growth.className().equals(InMemoryThing.class.getName())) {
                appendf(md, "`InMemoryThing` in this run's histograms: %.2f instances and %.1f bytes per lock.\n\n",
                        (double) growth.instances() / heap.locks(), (double) growth.bytes() / heap.locks());
            }
        }
    }

    /** Appends the text of the format with the arguments, formatted for the root locale. */
    private static void appendf(StringBuilder md, String format, Object... arguments) {
        md.append(String.format(Locale.ROOT, format, arguments));
    }

    private static void watchRow(StringBuilder md, String phase, SchedulerWatch.Summary s) {
        appendf(md, "| %s | %d | %d | %d | %d | %d | %d | %d |\n", phase, s.samples(), s.threads(), s.observations(),
                s.busy(), s.maxBusyAtOnce(), s.inNetworkCode(), s.waitingOnNetwork());
    }
}
