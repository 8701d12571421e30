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
 * Progress messages on stderr, with the seconds since the start of the JVM's run.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Progress {

    private final String label;
    private final long startNanos = System.nanoTime();

    /**
     * @param label what runs, e.g. the Jetty line
     */
    public Progress(String label) {
        this.label = label;
    }

    /**
     * @param message printed with the label and the elapsed time
     */
    public void say(String message) {
        System.err.printf(Locale.ROOT, "benchmarks %s [%6.1f s] %s%n", label, seconds(), message);
    }

    /**
     * @return seconds since this object was created
     */
    public double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
