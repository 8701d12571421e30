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
package org.openhab.binding.kas.internal.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.io.console.Console;

/**
 * A {@link Console} that records what a console command prints: plain output and usage lines separately.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class RecordingConsole implements Console {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> usages = new CopyOnWriteArrayList<>();

    @Override
    public void print(String s) {
        lines.add(s);
    }

    @Override
    public void println(String s) {
        lines.add(s);
    }

    @Override
    public void printUsage(String s) {
        usages.add(s);
    }

    /**
     * @return the output lines (print and println), oldest first
     */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * @return the usage lines, oldest first
     */
    public List<String> usages() {
        return List.copyOf(usages);
    }

    /**
     * @return all output and usage lines joined with line breaks
     */
    public String text() {
        return String.join("\n", lines) + "\n" + String.join("\n", usages);
    }

    /**
     * Forgets everything printed so far.
     */
    public void clear() {
        lines.clear();
        usages.clear();
    }
}
