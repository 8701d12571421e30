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
package org.openhab.addons.kas.emulator;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures everything the emulator logs (its {@link System.Logger}s end up in {@code java.util.logging} under the
 * package's name) at level ALL while it is open.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class EmulatorLogCapture extends Handler implements AutoCloseable {

    /** a strong reference: java.util.logging forgets loggers nobody holds, with their level */
    private static final Logger PACKAGE_LOGGER = Logger.getLogger(KasCloudEmulator.class.getPackageName());

    /**
     * One captured record.
     *
     * @param level its level
     * @param text the formatted message, with the stack trace of a thrown exception
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Line(Level level, String text) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Level previousLevel;

    private EmulatorLogCapture() {
        previousLevel = PACKAGE_LOGGER.getLevel();
        setLevel(Level.ALL);
        PACKAGE_LOGGER.setLevel(Level.ALL);
        PACKAGE_LOGGER.addHandler(this);
    }

    static EmulatorLogCapture start() {
        return new EmulatorLogCapture();
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder(record.getLoggerName() + " " + formatter.formatMessage(record));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        lines.add(new Line(record.getLevel(), text.toString()));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        PACKAGE_LOGGER.removeHandler(this);
        PACKAGE_LOGGER.setLevel(previousLevel);
    }
}
