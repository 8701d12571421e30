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
package org.openhab.addons.kas.benchmarks.jetty12;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.addons.kas.benchmarks.Runner;

/**
 * Measures the unlock latency of the KAS add-on on Jetty 12 (measurement 1 of the benchmarks module's
 * {@code KasBenchmarks}, on the Jetty 12 client with the add-on's {@code Jetty12Transport}) and writes the figures
 * for the benchmarks' {@code ReportWriter}. Refuses to run with Jetty 9.4 on the class path. Started by
 * {@code benchmarks/run} after the Jetty 9.4 run. Options: {@code --data FILE} (required), {@code --quick}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Jetty12Latency {

    /** A class of Jetty 9.4's client API that Jetty 12 does not have. */
    private static final String JETTY_9_CLASS = "org.eclipse.jetty.client.api.Request";

    private Jetty12Latency() {
    }

    /**
     * @param args {@code --data FILE}, {@code --quick}
     */
    public static void main(String[] args) {
        try {
            Class.forName(JETTY_9_CLASS, false, Jetty12Latency.class.getClassLoader());
            System.err.println("benchmarks: Jetty 9.4 (" + JETTY_9_CLASS + ") is on the class path of the Jetty 12 "
                    + "run; start it with the class path of the benchmarks-jetty12 module");
            System.exit(2);
        } catch (ClassNotFoundException e) {
            // as it must be
        }
        Runner.main(Jetty12Latency.class.getSimpleName(), args, new Jetty12Line(), Runner.Scope.LATENCY);
    }
}
