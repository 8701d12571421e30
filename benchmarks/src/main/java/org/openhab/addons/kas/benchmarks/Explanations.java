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
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The reasons written into the results when a goal is missed, with the figures of the run. The analysis behind the
 * latency text comes from JFR profiles of the warmed-up handler loop taken while the add-on's unlock path was
 * tuned (they are not part of a run).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class Explanations {

    private Explanations() {
    }

    /**
     * @param missed the lines whose latency ratio missed a goal (at least one)
     * @param load the load figures of the runs
     * @return the explanation
     */
    static String latency(List<LatencyBenchmark.Result> missed, String load) {
        String ratios = missed.stream().map(lat -> String.format(Locale.ROOT, "%s: p50 ×%.3f, p99 ×%.3f", lat.line(),
                lat.p50Ratio(), lat.p99Ratio())).collect(Collectors.joining("; "));
        String bare = perLine(missed, lat -> String.format(Locale.ROOT, "%.1f µs", lat.bareP50()));
        String allowed = perLine(missed,
                lat -> String.format(Locale.ROOT, "%.1f µs", lat.bareP50() * (LatencyBenchmark.GOAL_P50_RATIO - 1)));
        String extra = perLine(missed, lat -> String.format(Locale.ROOT, "%.1f µs more (%.1f µs at p99)",
                lat.handlerP50() - lat.bareP50(), lat.handlerP99() - lat.bareP99()));
        String extraP50 = perLine(missed,
                lat -> String.format(Locale.ROOT, "%.0f µs", lat.handlerP50() - lat.bareP50()));
        return String.format(Locale.ROOT, """
                **1, unlock latency ratio (%s).** On loopback a bare GET takes only %s, so the p50 goal leaves the \
                add-on %s; its path takes %s. That is CPU work on the calling thread and on the Jetty thread that \
                delivers the answer, not waiting: nothing on the path is handed to another thread or blocks (see \
                2). JFR profiles of the warmed-up handler loop (1 ms sampling) showed where the add-on's own time \
                went; what was changed:
                - `ChannelUID`s built and validated for every state update and the trigger: built once per lock;
                - every request URL redacted with DEBUG off: redacted only when the line is logged;
                - every answer canonicalised and every message cleaned up (`ResponseClassifier`, `LogSafe`, the \
                `Content-Type` split): the documented answer is recognised as it stands, plain messages are kept \
                as they are, the masking patterns run only on text that has the character they need, the charset \
                of a repeated `Content-Type` is remembered;
                - the relock timer (`unlockedDuration`) cancelled and scheduled again on the shared scheduler, which \
                woke one of its threads, on every unlock: one timer that waits again for the rest when a later \
                unlock extended the duration.

                What remains is the future chain client → gate → account → lock handler, the gate's bookkeeping \
                and the state updates and the event through openHAB's callback; everything above the add-on's \
                `HttpTransport` seam is the same code on every line. The p99 gap is the same work exposed to \
                preemption on a busy two-core machine (%s); a p50 that misses its goal on a quiet machine is worth \
                a new profile. Against the real KAS cloud (HTTPS, round trips of tens to hundreds of milliseconds) \
                the same %s is far below 0.1 %% of the unlock latency.""", ratios, bare, allowed, extra, load,
                extraP50);
    }

    /**
     * @return e.g. {@code 120.6 µs on Jetty 9.4 and 110.2 µs on Jetty 12}
     */
    private static String perLine(List<LatencyBenchmark.Result> lines,
            Function<LatencyBenchmark.Result, String> figure) {
        return lines.stream().map(lat -> figure.apply(lat) + " on " + lat.line()).collect(Collectors.joining(" and "));
    }

    static String handleCommand(HandleCommandBenchmark.Result result) {
        return String.format(Locale.ROOT, """
                **2, `handleCommand` p99 %.1f µs.** The CPU time p99 of the calling thread is %.1f µs: wall time \
                beyond it is time the thread did not run (preempted by other processes on the machine, or \
                blocked). The first %d commands of a run start their HTTP request inside `handleCommand` (Jetty's \
                `send` on the calling thread: new connection, queueing); the others are only queued by the gate. \
                If the CPU time itself is high, the fix is to start the gate's calls on an executor (for example \
                Jetty's) instead of the calling thread.""", result.medianP99(), result.medianCpuP99(),
                result.setup().maxConcurrentRequests());
    }

    static String burst(BurstBenchmark.Result burst) {
        double bare = burst.medianBareMillis() / burst.idealMillis();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "**3, burst with `maxConcurrentRequests` %d: ×%.3f of the ideal %.0f ms, emulator peak %d.** The same "
                        + "burst straight on the HTTP client took ×%.3f of the ideal",
                burst.concurrency(), burst.ratio(), burst.idealMillis(), burst.maxPeak(), bare));
        if (bare > BurstBenchmark.GOAL_RATIO) {
            text.append(": the machine, Jetty and the emulator alone already miss the goal (other work on the two "
                    + "cores delays each of the ").append(burst.commands() / burst.concurrency()).append(" rounds of ")
                    .append(burst.delayMillis()).append(" ms); rerun on a quiet machine.");
        } else {
            text.append(String.format(Locale.ROOT,
                    "; the add-on adds %.0f ms over the burst, %.2f ms per round of %d calls: the gate starts the "
                            + "next call on the thread that completes the previous one, so this is the per-call work "
                            + "of item 1 plus waiting for a CPU on a busy machine.",
                    burst.medianWallMillis() - burst.medianBareMillis(),
                    (burst.medianWallMillis() - burst.medianBareMillis()) / burst.commands() * burst.concurrency(),
                    burst.concurrency()));
        }
        if (burst.maxPeak() > burst.concurrency()) {
            text.append(" The emulator saw more calls in flight than the limit: the gate released a permit before "
                    + "the emulator had finished the previous call.");
        }
        if (!burst.allAccepted()) {
            text.append(" Not every unlock was accepted (see the failures column).");
        }
        return text.toString();
    }
}
