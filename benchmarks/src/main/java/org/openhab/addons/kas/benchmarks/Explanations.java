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

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The reasons written into the results when a goal is missed, with the figures of the run. The analysis behind the
 * latency text comes from JFR profiles of the warmed-up handler loop taken while this benchmark was written (they are
 * not part of a run).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class Explanations {

    private Explanations() {
    }

    static String latency(KasBenchmarks.LatencyFigures lat, String load) {
        double extraP50 = lat.handlerP50() - lat.bareP50();
        double extraP99 = lat.handlerP99() - lat.bareP99();
        double allowed = lat.bareP50() * (KasBenchmarks.GOAL_P50_RATIO - 1);
        return String.format(Locale.ROOT, """
                **1, unlock latency ratio (p50 ×%.3f, p99 ×%.3f).** On loopback a bare GET takes only %.1f µs, so \
                the p50 goal leaves the add-on %.1f µs; its path takes %.1f µs more (%.1f µs at p99). That is CPU \
                work on the calling thread and on the Jetty thread that delivers the answer, not waiting: nothing on \
                the path is handed to another thread or blocks (see 2). Profiles of the warmed-up handler loop \
                (taken before the two fixes below) put the extra work in, roughly in this order:
                - `ChannelUID`s built and validated (regular expressions) for every state update and the trigger \
                (about 6 %% of the process's CPU time in that loop) — fixed: the lock handler builds them once;
                - log redaction of every request URL even with DEBUG off (about 8 %%) — fixed: the URL is redacted \
                only when debug logging is on;
                - classifying the answer and building the result message (`ResponseClassifier`, `LogSafe.shorten`, \
                `KasResult`; about 6 %%);
                - the future chain client → gate → account → lock handler and the gate's bookkeeping, and \
                rescheduling the relock timer (`unlockedDuration`) on the shared scheduler, which wakes one of its \
                threads on every unlock.

                The p99 gap is the same work exposed to preemption on a busy two-core machine (load average \
                before / after: %s). What would shrink it further: classify the answer without building a message \
                on success, build description strings only when they are logged, and publish the switch states \
                once per outcome instead of at the command and again at the outcome. A ratio of 1.05 against a \
                %.0f µs round trip stays out of reach for any handler that publishes six states and an event per \
                unlock through openHAB's callback. Against the real KAS cloud (HTTPS, round trips of tens to \
                hundreds of milliseconds) the same \
                %.0f µs is far below 0.1 %% of the unlock latency.""", lat.p50Ratio(), lat.p99Ratio(), lat.bareP50(),
                allowed, extraP50, extraP99, load, lat.bareP50(), extraP50);
    }

    static String handleCommand(KasBenchmarks.HandleCommandResult result) {
        return String.format(Locale.ROOT, """
                **2, `handleCommand` p99 %.1f µs.** The CPU time p99 of the calling thread is %.1f µs: wall time \
                beyond it is time the thread did not run (preempted by other processes on the machine, or \
                blocked). The first %d commands of a run start their HTTP request inside `handleCommand` (Jetty's \
                `send` on the calling thread: new connection, queueing); the others are only queued by the gate. \
                If the CPU time itself is high, the fix is to start the gate's calls on an executor (for example \
                Jetty's) instead of the calling thread.""", result.medianP99(), result.medianCpuP99(),
                result.setup().maxConcurrentRequests());
    }

    static String burst(KasBenchmarks.BurstResult burst, double ratio) {
        double bare = burst.medianBareMillis() / burst.idealMillis();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "**3, burst with `maxConcurrentRequests` %d: ×%.3f of the ideal %.0f ms, emulator peak %d.** The same "
                        + "burst straight on the HTTP client took ×%.3f of the ideal",
                burst.concurrency(), ratio, burst.idealMillis(), burst.maxPeak(), bare));
        if (bare > KasBenchmarks.GOAL_BURST_RATIO) {
            text.append(": the machine, Jetty and the emulator alone already miss the goal (other work on the two "
                    + "cores delays each of the ").append(burst.commands() / burst.concurrency())
                    .append(" rounds of 50 ms); rerun on a quiet machine.");
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
