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
package org.openhab.core.standin;

import java.util.Arrays;
import java.util.List;
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
 * Records the slf4j events of all loggers while it is open, through a logback appender on the root logger (logback
 * is the tests' slf4j binding; {@code logback-test.xml} enables every level). Used to check that the stand-in logs
 * what openHAB core 5.2.1 logs: logger name, level, message pattern and arguments.
 *
 * <pre>
 * try (CapturedLog log = CapturedLog.start()) {
 *     ... run code ...
 *     log.events(ConfigParser.class, Level.TRACE)
 * }
 * </pre>
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public final class CapturedLog implements AutoCloseable {

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
     */
    public record Event(String logger, Level level, String pattern, List<@Nullable Object> arguments, String message,
            @Nullable Throwable throwable, String thread) {

        @Override
        public String toString() {
            return level + " [" + logger + "] " + message + (throwable == null ? "" : " (" + throwable + ")");
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Recorder recorder = new Recorder();
    private final Logger root;

    private CapturedLog() {
        if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger logbackRoot)) {
            throw new IllegalStateException("slf4j is not bound to logback in the tests");
        }
        root = logbackRoot;
        recorder.setContext(root.getLoggerContext());
        recorder.setName("captured-log-" + System.identityHashCode(this));
        recorder.start();
        root.addAppender(recorder);
    }

    /**
     * @return a new capture that records until it is closed
     */
    public static CapturedLog start() {
        return new CapturedLog();
    }

    /**
     * @return all events recorded so far, in order
     */
    public List<Event> events() {
        return List.copyOf(events);
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
     * @param filter the condition
     * @return the events that meet the condition
     */
    public List<Event> matching(Predicate<Event> filter) {
        return events.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        root.detachAppender(recorder);
        recorder.stop();
    }

    private final class Recorder extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(@Nullable ILoggingEvent event) {
            if (event == null) {
                return;
            }
            Object[] arguments = event.getArgumentArray();
            IThrowableProxy proxy = event.getThrowableProxy();
            Throwable throwable = proxy instanceof ThrowableProxy p ? p.getThrowable() : null;
            String pattern = event.getMessage();
            events.add(new Event(event.getLoggerName(), event.getLevel(), pattern == null ? "" : pattern,
                    arguments == null ? List.of() : Arrays.asList(arguments.clone()), event.getFormattedMessage(),
                    throwable, event.getThreadName()));
        }
    }
}
