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

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Captures slf4j log events in tests, through the test-only slf4j provider {@link LogCaptureServiceProvider}
 * (registered in {@code src/test/resources/META-INF/services}).
 * <p>
 * Loggers under {@code org.openhab} are enabled at TRACE, so all of the add-on's log statements run and are recorded
 * (message formatted with its arguments, plus the full text of an attached throwable: class, message, stack and
 * causes). Other loggers (e.g. Jetty) are recorded from INFO up only. Events are kept only while a capture is open
 * ({@code -Dkas.log.echo=true} also prints every event to standard output):
 *
 * <pre>
 * try (LogCapture logs = LogCapture.start()) {
 *     ... run code ...
 *     logs.assertNotContained("secret");
 * }
 * </pre>
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class LogCapture implements AutoCloseable {

    /**
     * One log event.
     *
     * @param logger the logger name
     * @param level the level
     * @param message the formatted message
     * @param throwable the full text of the attached throwable (stack trace with causes), or {@code null}
     * @param thread the name of the logging thread
     */
    public record Event(String logger, Level level, String message, @Nullable String throwable, String thread) {
        /**
         * @return the message and the throwable text, as it would appear in a log file
         */
        public String text() {
            String t = throwable;
            return message + (t == null ? "" : System.lineSeparator() + t);
        }

        @Override
        public String toString() {
            return level + " [" + logger + "] " + text();
        }
    }

    /** With {@code -Dkas.log.echo=true} every enabled event is also printed (for debugging tests). */
    private static final boolean ECHO = Boolean.getBoolean("kas.log.echo");

    private static final List<LogCapture> ACTIVE = new CopyOnWriteArrayList<>();

    private final String loggerPrefix;
    private final Queue<Event> events = new ConcurrentLinkedQueue<>();

    private LogCapture(String loggerPrefix) {
        this.loggerPrefix = loggerPrefix;
    }

    /**
     * Starts capturing the events of all loggers.
     *
     * @throws IllegalStateException if slf4j is not bound to the capturing provider
     */
    public static LogCapture start() {
        return start("");
    }

    /**
     * Starts capturing the events of the loggers whose name starts with the prefix.
     *
     * @throws IllegalStateException if slf4j is not bound to the capturing provider
     */
    public static LogCapture start(String loggerPrefix) {
        if (!isInstalled()) {
            throw new IllegalStateException("slf4j is not bound to " + LogCaptureServiceProvider.class.getName()
                    + " but to " + LoggerFactory.getILoggerFactory().getClass().getName()
                    + "; remove other slf4j providers from the test class path or set -Dslf4j.provider");
        }
        LogCapture capture = new LogCapture(loggerPrefix);
        ACTIVE.add(capture);
        return capture;
    }

    /**
     * @return whether slf4j uses the capturing provider
     */
    public static boolean isInstalled() {
        return LoggerFactory.getILoggerFactory() instanceof LogCaptureServiceProvider.CaptureLoggerFactory;
    }

    static boolean isEnabled(String loggerName, Level level) {
        Level threshold = loggerName.startsWith("org.openhab") ? Level.TRACE : Level.INFO;
        return level.toInt() >= threshold.toInt();
    }

    static void dispatch(String loggerName, Level level, String message, @Nullable Throwable throwable) {
        PrintStream out = System.out;
        if (ECHO && out != null) {
            out.println(level + " [" + loggerName + "] " + message);
        }
        String throwableText = null;
        if (throwable != null) {
            StringWriter writer = new StringWriter();
            throwable.printStackTrace(new PrintWriter(writer));
            throwableText = writer.toString();
        }
        Event event = new Event(loggerName, level, message, throwableText, Thread.currentThread().getName());
        // every enabled event of the whole test run, for the suite-wide audit (SuiteLog, LogAuditTest)
        SuiteLog.record(event);
        for (LogCapture capture : ACTIVE) {
            if (loggerName.startsWith(capture.loggerPrefix)) {
                capture.events.add(event);
            }
        }
    }

    /**
     * @return the events captured so far, in order
     */
    public List<Event> events() {
        return new ArrayList<>(events);
    }

    /**
     * @return the events of the loggers whose name starts with the prefix
     */
    public List<Event> events(String loggerPrefix) {
        return events().stream().filter(e -> e.logger().startsWith(loggerPrefix)).toList();
    }

    /**
     * @return the events at or above the level
     */
    public List<Event> eventsAtLeast(Level level) {
        return events().stream().filter(e -> e.level().toInt() >= level.toInt()).toList();
    }

    /**
     * @return the text ({@link Event#text()}) of every event
     */
    public List<String> texts() {
        return events().stream().map(Event::text).toList();
    }

    /**
     * @return whether some event's text contains the string (case-sensitive)
     */
    public boolean contains(String text) {
        return events().stream().anyMatch(e -> e.text().contains(text));
    }

    /**
     * @return whether some event matches
     */
    public boolean anyMatch(Predicate<Event> predicate) {
        return events().stream().anyMatch(predicate);
    }

    /**
     * Fails if any event's message or throwable text contains the secret (also checked case-insensitively). The
     * failure message tells which events, without repeating the secret.
     *
     * @param secret for example an API key
     */
    public void assertNotContained(String secret) {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("empty secret");
        }
        String lowerSecret = secret.toLowerCase(Locale.ROOT);
        Pattern secretPattern = Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE);
        List<String> offending = new ArrayList<>();
        for (Event event : events()) {
            if (event.text().toLowerCase(Locale.ROOT).contains(lowerSecret)) {
                offending.add(event.level() + " [" + event.logger() + "] "
                        + secretPattern.matcher(event.text()).replaceAll("<SECRET>"));
            }
        }
        if (!offending.isEmpty()) {
            throw new AssertionError(
                    offending.size() + " log event(s) contain the secret:\n" + String.join("\n", offending));
        }
    }

    /**
     * Forgets the events captured so far.
     */
    public void clear() {
        events.clear();
    }

    /**
     * Stops capturing.
     */
    @Override
    public void close() {
        ACTIVE.remove(this);
    }
}
