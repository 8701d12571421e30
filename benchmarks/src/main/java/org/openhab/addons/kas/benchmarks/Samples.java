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

import java.util.Arrays;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Percentiles (nearest rank) and medians.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Samples {

    private Samples() {
    }

    /**
     * @param values the samples (not changed)
     * @param quantile 0 &lt; q &lt;= 1, e.g. 0.99
     * @return the nearest-rank percentile
     */
    public static long percentile(long[] values, double quantile) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * @param values the samples (not changed)
     * @return the largest
     */
    public static long max(long[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    /**
     * @param values per-run figures (not changed)
     * @return their median (the mean of the middle two for an even count)
     */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
