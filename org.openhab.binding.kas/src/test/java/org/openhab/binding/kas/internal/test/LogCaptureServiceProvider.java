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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Test-only slf4j 2 provider that hands every enabled event to {@link LogCapture}. Registered through
 * {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} in the test resources.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class LogCaptureServiceProvider implements SLF4JServiceProvider {

    private final CaptureLoggerFactory loggerFactory = new CaptureLoggerFactory();
    private final IMarkerFactory markerFactory = new BasicMarkerFactory();
    private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggerFactory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markerFactory;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdcAdapter;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    /**
     * Creates (and caches) the capturing loggers.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class CaptureLoggerFactory implements ILoggerFactory {
        private final Map<String, Logger> loggers = new ConcurrentHashMap<>();

        @Override
        public Logger getLogger(@Nullable String name) {
            String loggerName = name == null ? "" : name;
            Logger logger = loggers.computeIfAbsent(loggerName, CaptureLogger::new);
            return logger != null ? logger : new CaptureLogger(loggerName);
        }
    }

    /**
     * A logger that formats the message and passes it to {@link LogCapture}.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class CaptureLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        CaptureLogger(String name) {
            this.name = name;
        }

        private boolean enabled(Level level) {
            String loggerName = name;
            return LogCapture.isEnabled(loggerName == null ? "" : loggerName, level);
        }

        @Override
        public boolean isTraceEnabled() {
            return enabled(Level.TRACE);
        }

        @Override
        public boolean isDebugEnabled() {
            return enabled(Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return enabled(Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return enabled(Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return enabled(Level.ERROR);
        }

        @Override
        protected @Nullable String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(@Nullable Level level, @Nullable Marker marker,
                @Nullable String messagePattern, Object @Nullable [] arguments, @Nullable Throwable throwable) {
            String loggerName = name;
            Level eventLevel = level == null ? Level.INFO : level;
            String message = MessageFormatter.basicArrayFormat(messagePattern, arguments);
            LogCapture.dispatch(loggerName == null ? "" : loggerName, eventLevel, message == null ? "" : message,
                    throwable);
        }
    }
}
