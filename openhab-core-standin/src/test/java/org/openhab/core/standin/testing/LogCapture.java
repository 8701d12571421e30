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
package org.openhab.core.standin.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * Records the log events of all loggers while it is open, through a logback appender on the root logger. logback is
 * the slf4j binding of every test in this project (as in openHAB's own tests); which levels are enabled is up to each
 * module's {@code logback-test.xml}. Shared by the stand-in's and the add-on's tests (the stand-in's test jar).
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
     * One recorded event.
     *
     * @param logger the logger name
     * @param level the level
     * @param pattern the message pattern as given to the logger
     * @param arguments the arguments of the pattern (without a trailing throwable)
     * @param message the formatted message
     * @param throwable the attached throwable, or null
     * @param thread the name of the logging thread
     * @param time when it was logged
     */
    public record Event(String logger, Level level, String pattern, List<@Nullable Object> arguments, String message,
            @Nullable Throwable throwable, String thread, Instant time) {

        /**
         * @return the message and, if a throwable is attached, its full text (class, message, stack and causes), as
         *         it would appear in a log file
         */
        public String text() {
            Throwable t = throwable;
            if (t == null) {
                return message;
            }
            StringWriter stack = new StringWriter();
            t.printStackTrace(new PrintWriter(stack));
            return message + System.lineSeparator() + stack;
        }

        @Override
        public String toString() {
            return level + " [" + logger + "] " + message + (throwable == null ? "" : " (" + throwable + ")");
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Recorder recorder = new Recorder();
    private final Logger root;

    private LogCapture() {
        root = rootLogger();
        recorder.setContext(root.getLoggerContext());
        recorder.setName("log-capture-" + System.identityHashCode(this));
        recorder.start();
        root.addAppender(recorder);
    }

    /**
     * @return a new capture that records until it is closed
     */
    public static LogCapture start() {
        return new LogCapture();
    }

    /**
     * @return logback's root logger
     * @throws IllegalStateException when slf4j is not bound to logback
     */
    public static Logger rootLogger() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger logbackRoot) {
            return logbackRoot;
        }
        throw new IllegalStateException("slf4j is not bound to logback in the tests");
    }

    /**
     * Turns a logback event into an {@link Event}.
     *
     * @param event the logback event
     * @return the event
     */
    public static Event toEvent(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        IThrowableProxy proxy = event.getThrowableProxy();
        Throwable throwable = proxy instanceof ThrowableProxy p ? p.getThrowable() : null;
        String pattern = event.getMessage();
        return new Event(event.getLoggerName(), event.getLevel(), pattern == null ? "" : pattern,
                arguments == null ? List.of() : Arrays.asList(arguments.clone()), event.getFormattedMessage(),
                throwable, event.getThreadName(), Instant.ofEpochMilli(event.getTimeStamp()));
    }

    /**
     * @return all events recorded so far, in order
     */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /**
     * @param loggerPrefix the start of logger names
     * @return the events of the loggers whose names start so
     */
    public List<Event> events(String loggerPrefix) {
        return matching(e -> e.logger().startsWith(loggerPrefix));
    }

    /**
     * @param logger the class whose name is the logger's name
     * @param level the level
     * @return the events of that logger at that level
     */
    public List<Event> events(Class<?> logger, Level level) {
        return events(logger.getName(), level);
    }

    /**
     * @param logger the logger name
     * @param level the level
     * @return the events of that logger at that level
     */
    public List<Event> events(String logger, Level level) {
        return matching(e -> e.logger().equals(logger) && e.level().equals(level));
    }

    /**
     * @param level the lowest level
     * @return the events at that level or above
     */
    public List<Event> eventsAtLeast(Level level) {
        return matching(e -> e.level().isGreaterOrEqual(level));
    }

    /**
     * @param filter the condition
     * @return the events that meet the condition
     */
    public List<Event> matching(Predicate<Event> filter) {
        return events.stream().filter(filter).toList();
    }

    /**
     * @return the text of every event, in order
     */
    public List<String> texts() {
        return events.stream().map(Event::text).toList();
    }

    /**
     * @param text a text
     * @return whether an event's text contains it
     */
    public boolean contains(String text) {
        return events.stream().anyMatch(e -> e.text().contains(text));
    }

    /**
     * @param predicate a condition
     * @return whether an event meets it
     */
    public boolean anyMatch(Predicate<Event> predicate) {
        return events.stream().anyMatch(predicate);
    }

    /**
     * Fails if any event (message or throwable text) contains the secret, compared case-insensitively; the failure
     * message never repeats the secret.
     *
     * @param secret the secret
     */
    public void assertNotContained(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        List<String> offending = events.stream().filter(e -> e.text().toLowerCase(Locale.ROOT).contains(lower))
                .map(e -> e.level() + " [" + e.logger() + "] " + maskIgnoringCase(e.text(), secret)).toList();
        if (!offending.isEmpty()) {
            throw new AssertionError(offending.size() + " log events contain a secret: " + offending);
        }
    }

    /**
     * Forgets the events recorded so far.
     */
    public void clear() {
        events.clear();
    }

    @Override
    public void close() {
        root.detachAppender(recorder);
        recorder.stop();
    }

    private static String maskIgnoringCase(String text, String secret) {
        return text.replaceAll("(?i)" + java.util.regex.Pattern.quote(secret), "<SECRET>");
    }

    private final class Recorder extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(@Nullable ILoggingEvent event) {
            if (event != null) {
                events.add(toEvent(event));
            }
        }
    }
}
