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

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.addons.kas.benchmarks.Harness.AccountSetup;

/**
 * One JVM's run on one Jetty line: starts the {@link Harness} with that line's HTTP client, runs the measurements and
 * writes their figures as {@link RunData}; the {@link ReportWriter} turns the figures of all runs into the report.
 * Options: {@code --data FILE} (where the figures go, required), {@code --quick} (a short smoke run, not for the
 * figures) and, for all measurements, {@code --addon-jar FILE}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Runner {

    /**
     * What a run measures.
     *
     * @author KAS binding contributors - Initial contribution
     */
    public enum Scope {
        /** all five measurements */
        ALL,
        /** only the unlock latency (measurement 1) */
        LATENCY
    }

    private Runner() {
    }

    /**
     * Parses the options, runs and exits the JVM (0 when the figures are written, 1 on failure, 2 on bad options).
     *
     * @param main the main class, for the usage message
     * @param args the options
     * @param line the Jetty line
     * @param scope what to measure
     */
    public static void main(String main, String[] args, JettyLine line, Scope scope) {
        Plan plan = Plan.FULL;
        Path data = null;
        Path addonJar = null;
        String usage = "usage: " + main + " [--quick] --data FILE" + (scope == Scope.ALL ? " [--addon-jar FILE]" : "");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            if ("--quick".equals(arg)) {
                plan = Plan.QUICK;
            } else if ("--data".equals(arg) && hasValue) {
                data = Paths.get(args[++i]);
            } else if ("--addon-jar".equals(arg) && hasValue && scope == Scope.ALL) {
                addonJar = Paths.get(args[++i]);
            } else {
                System.err.println(usage + "; unexpected argument " + arg);
                System.exit(2);
            }
        }
        if (data == null) {
            System.err.println(usage + "; --data is missing");
            System.exit(2);
            return;
        }
        int status = 0;
        try {
            run(line, plan, scope, addonJar).write(data);
            System.err.println("benchmarks: figures of the " + line.name() + " run written to " + data);
        } catch (Exception e) {
            System.err.println("benchmarks: FAILED on " + line.name() + ": " + e);
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /**
     * @param line the Jetty line
     * @param plan how much to measure
     * @param scope what to measure
     * @param addonJar the add-on jar for measurement 5, or null for the one its classes come from
     * @return the figures
     * @throws Exception if a measurement fails
     */
    public static RunData run(JettyLine line, Plan plan, Scope scope, @Nullable Path addonJar) throws Exception {
        Environment.Recorder environment = Environment.start();
        String started = ZonedDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Progress progress = new Progress("[" + line.name() + "]");
        try (Harness harness = Harness.start(line, plan.locks())) {
            progress.say("emulator at " + harness.emulator.baseUrl() + ", " + plan.locks() + " locks; " + line.name()
                    + " " + line.version() + " with the add-on's "
                    + harness.client.transport().getClass().getSimpleName() + "; "
                    + (scope == Scope.ALL ? "all measurements" : "unlock latency only") + ", plan "
                    + (plan.quick() ? "QUICK (smoke run, not for the figures)" : "full"));
            if (scope == Scope.LATENCY) {
                harness.installAccount(AccountSetup.DEFAULTS);
                harness.addLocks();
                LatencyBenchmark.Result latency = LatencyBenchmark.measure(harness, plan, progress);
                progress.say("done");
                return new RunData(line.name(), line.version(), plan, started, progress.seconds(), environment.finish(),
                        latency, null, null, null, null);
            }
            HeapBenchmark.Result heap = HeapBenchmark.measure(harness, plan, progress);
            LatencyBenchmark.Result latency = LatencyBenchmark.measure(harness, plan, progress);
            GateWarmUp.run(harness, plan, progress);
            HandleCommandBenchmark.Result handleCommand = HandleCommandBenchmark.measure(harness, plan, progress);
            List<BurstBenchmark.Result> bursts = new ArrayList<>();
            for (int concurrency : BurstBenchmark.CONCURRENCY) {
                bursts.add(BurstBenchmark.measure(harness, plan, progress, concurrency));
            }
            JarSize.Result jar = JarSize.measure(addonJar);
            progress.say("done");
            return new RunData(line.name(), line.version(), plan, started, progress.seconds(), environment.finish(),
                    latency, handleCommand, bursts, heap, jar);
        }
    }
}
