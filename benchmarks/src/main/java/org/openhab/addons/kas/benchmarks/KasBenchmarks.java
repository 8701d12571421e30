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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.addons.kas.benchmarks.jetty9.Jetty9Line;

/**
 * Measures the KAS add-on on Jetty 9.4 against the KAS cloud emulator on loopback, all in one JVM, and writes the
 * figures for the {@link ReportWriter}:
 * <ol>
 * <li>unlock latency through the lock handler (command in, {@code UNLOCK_ACCEPTED} trigger out) against a bare
 * Jetty GET of the same URL with the same shared HTTP client, p50 and p99 and their ratio
 * ({@link LatencyBenchmark}; the Jetty 12 line measures this again in its own JVM, module
 * {@code benchmarks-jetty12});</li>
 * <li>the time {@code handleCommand} takes to return while the cloud delays every answer by 2 s, and whether a
 * thread of openHAB's thing handler scheduler ever waits on the network ({@link HandleCommandBenchmark});</li>
 * <li>a burst of one unlock on each of 1000 locks with 50 ms per answer, against the ideal time, and the peak
 * concurrency the cloud sees ({@link BurstBenchmark});</li>
 * <li>retained heap per initialised lock handler, with its thing, the shared {@code InMemoryThing}
 * ({@link HeapBenchmark});</li>
 * <li>the size of the add-on jar ({@link JarSize}).</li>
 * </ol>
 * Start it with {@code benchmarks/run} (which builds what it needs and writes the report). Options:
 * {@code --data FILE} (required), {@code --addon-jar FILE}, {@code --quick} (a short smoke run, not for the figures).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class KasBenchmarks {

    private KasBenchmarks() {
    }

    /**
     * @param args {@code --data FILE}, {@code --addon-jar FILE}, {@code --quick}
     */
    public static void main(String[] args) {
        Runner.main(KasBenchmarks.class.getSimpleName(), args, new Jetty9Line(), Runner.Scope.ALL);
    }
}
