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
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.JMException;
import javax.management.ObjectName;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Heap figures: used heap after full collections, and class histograms (instances and bytes per class, as
 * {@code jcmd <pid> GC.class_histogram} prints them; taking one runs a full collection first).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class HeapMeter {

    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapMeter() {
    }

    /**
     * Runs several full collections and reads the used heap; repeated three times, the smallest reading wins.
     *
     * @return bytes of heap in use after full collections
     * @throws InterruptedException if interrupted
     */
    public static long usedAfterFullGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int reading = 0; reading < 3; reading++) {
            for (int gc = 0; gc < 3; gc++) {
                System.gc();
                Thread.sleep(30);
            }
            best = Math.min(best, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return best;
    }

    /**
     * @return class name -> {instances, bytes} of all live objects
     * @throws JMException if the diagnostic command is not available
     */
    public static Map<String, long[]> histogram() throws JMException {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] { new String[0] }, new String[] { String[].class.getName() });
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher m = HISTOGRAM_LINE.matcher(line);
            if (m.find()) {
                classes.merge(m.group(3), new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) },
                        (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
            }
        }
        return classes;
    }

    /**
     * One class's growth between two histograms.
     *
     * @param className the class
     * @param instances instances added
     * @param bytes bytes added
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Growth(String className, long instances, long bytes) {
    }

    /**
     * @param before the earlier histogram
     * @param after the later histogram
     * @return the classes whose bytes grew, largest growth first
     */
    public static List<Growth> growth(Map<String, long[]> before, Map<String, long[]> after) {
        Set<String> names = new HashSet<>(after.keySet());
        names.addAll(before.keySet());
        List<Growth> result = new ArrayList<>();
        for (String name : names) {
            long[] a = before.getOrDefault(name, new long[2]);
            long[] b = after.getOrDefault(name, new long[2]);
            if (b[1] - a[1] > 0) {
                result.add(new Growth(name, b[0] - a[0], b[1] - a[1]));
            }
        }
        result.sort(Comparator.comparingLong(Growth::bytes).reversed());
        return result;
    }
}
