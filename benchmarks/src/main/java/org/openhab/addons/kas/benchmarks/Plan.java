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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * How much to measure.
 *
 * @param quick whether this is the short smoke run (not for the figures)
 * @param locks lock things (and handlers), also the commands per burst and per handleCommand run
 * @param warmupPairs latency: warm-up samples of each kind, at least
 * @param warmup latency: warm-up time, at least (the JIT needs about 10 s on two busy cores)
 * @param latencyRuns latency: runs
 * @param pairsPerRun latency: samples of each kind per run
 * @param handleCommandRuns handleCommand: runs
 * @param handleCommandHold handleCommand: how long the calls stay in flight (and the scheduler is watched) after the
 *            last command of a run
 * @param burstRuns burst: runs per concurrency
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record Plan(boolean quick, int locks, int warmupPairs, Duration warmup, int latencyRuns, int pairsPerRun,
        int handleCommandRuns, Duration handleCommandHold, int burstRuns) {

    /** The run of record. */
    public static final Plan FULL = new Plan(false, 1000, 5000, Duration.ofSeconds(20), 5, 4000, 3,
            Duration.ofMillis(2600), 3);
    /** A short smoke run: fewer samples and locks. */
    public static final Plan QUICK = new Plan(true, 200, 500, Duration.ofSeconds(3), 2, 500, 1, Duration.ofMillis(2600),
            1);
}
