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
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Where one JVM's run took place: JDK, collectors, heap, CPUs, and how busy the machine was before, during and after
 * it (other work on the machine is noise in the figures).
 *
 * @param jdk vendor, VM and runtime version
 * @param collectors the garbage collectors
 * @param maxHeapMiB the maximum heap
 * @param cpus available processors
 * @param cpuModel the CPU model, where known
 * @param os operating system and version
 * @param loadBefore the load average before the run
 * @param loadAfter the load average after the run
 * @param cpuShare how the CPUs' time during the run was shared between this JVM, other processes and idle
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record Environment(String jdk, String collectors, long maxHeapMiB, int cpus, String cpuModel, String os,
        String loadBefore, String loadAfter, String cpuShare) {

    /**
     * @return a recorder started now; call {@link Recorder#finish()} at the end of the run
     */
    public static Recorder start() {
        return new Recorder(readLoadAverage(), CpuShare.start());
    }

    /**
     * @return the JDK, collectors and maximum heap in one line
     */
    public String jdkLine() {
        return jdk + " (" + collectors + ", max heap " + maxHeapMiB + " MiB)";
    }

    /**
     * @return the CPU count, model and operating system in one line
     */
    public String cpuLine() {
        return cpus + " (" + cpuModel + "), " + os;
    }

    /**
     * Records the state of the machine at the start of a run.
     *
     * @author KAS binding contributors - Initial contribution
     */
    public static final class Recorder {

        private final String loadBefore;
        private final CpuShare cpuShare;

        private Recorder(String loadBefore, CpuShare cpuShare) {
            this.loadBefore = loadBefore;
            this.cpuShare = cpuShare;
        }

        /**
         * @return the environment of the run, from its start until now
         */
        public Environment finish() {
            String share = cpuShare.end();
            Runtime runtime = Runtime.getRuntime();
            return new Environment(
                    System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                            + System.getProperty("java.runtime.version"),
                    ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                            .collect(Collectors.joining(", ")),
                    runtime.maxMemory() / (1024 * 1024), runtime.availableProcessors(), readCpuModel(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"), loadBefore,
                    readLoadAverage(), share);
        }
    }

    /**
     * How much of the machine's CPU time other processes used during the run (from {@code /proc/stat} and this
     * process's CPU time): the noise the figures carry.
     *
     * @author KAS binding contributors - Initial contribution
     */
    private record CpuShare(long busyTicks, long totalTicks, long ownNanos) {

        private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

        static CpuShare start() {
            long[] stat = procStat();
            return new CpuShare(stat[0], stat[1], ownCpuNanos());
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

    static String readLoadAverage() {
        try {
            String[] fields = Files.readString(Paths.get("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    static String readCpuModel() {
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
}
