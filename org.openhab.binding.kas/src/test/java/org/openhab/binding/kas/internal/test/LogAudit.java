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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.standin.testing.LogCapture;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * The suite-wide log audit: a logback appender (configured in {@code logback-test.xml} on the root logger, so it sees
 * every event of every test in this JVM) that scans each event when it is logged for every secret of
 * {@link TestSecrets} and for anything shaped like a JSON Web Token. Findings are kept (with the secret masked) until
 * {@link LogAuditExtension} fails the test class during which they appeared; no test class order is needed. Events of
 * the emulator's server side (the "cloud" itself) are not the binding's and are left out.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class LogAudit extends AppenderBase<ILoggingEvent> {

    /** Findings kept at most between two checks. */
    public static final int MAX_FINDINGS = 100;

    /** A JSON Web Token or anything shaped like one: three long base64url segments separated by dots. */
    public static final Pattern JWT_SHAPED = Pattern
            .compile("[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");
    /** A stack frame line of a throwable's text (class and method names, no data). */
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*(at .+\\(.*\\)|\\.\\.\\. \\d+ more)\\s*$");
    /** The client's DEBUG line of a remote unlock, with the key masked. */
    private static final Pattern MASKED_UNLOCK = Pattern.compile("/remoteUnlock/[A-Z0-9]+/\\*\\*\\*");
    private static final String CLIENT_LOGGER = "org.openhab.binding.kas.internal.api.KasCloudClient";

    private static final Object LOCK = new Object();
    private static final List<String> FINDINGS = new ArrayList<>();
    private static final AtomicLong AUDITED = new AtomicLong();
    private static final AtomicLong MASKED_UNLOCK_LINES = new AtomicLong();
    private static final AtomicLong FINDING_COUNT = new AtomicLong();

    @Override
    protected void append(@Nullable ILoggingEvent logged) {
        if (logged == null) {
            return;
        }
        LogCapture.Event event = LogCapture.toEvent(logged);
        AUDITED.incrementAndGet();
        if (event.level() == Level.DEBUG && CLIENT_LOGGER.equals(event.logger())
                && MASKED_UNLOCK.matcher(event.message()).find()) {
            MASKED_UNLOCK_LINES.incrementAndGet();
        }
        String finding = scan(event, TestSecrets.all());
        if (finding != null) {
            FINDING_COUNT.incrementAndGet();
            synchronized (LOCK) {
                if (FINDINGS.size() < MAX_FINDINGS) {
                    FINDINGS.add(finding);
                }
            }
        }
    }

    /**
     * Checks one event.
     *
     * @param event the event
     * @param secrets the secrets it must not contain (compared case-insensitively)
     * @return a description of the problem with the secret masked, or null if the event is clean or comes from the
     *         emulator's server side
     */
    public static @Nullable String scan(LogCapture.Event event, List<String> secrets) {
        if (isEmulatorSide(event)) {
            return null;
        }
        String text = event.text();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String secret : secrets) {
            if (!secret.isEmpty() && lower.contains(secret.toLowerCase(Locale.ROOT))) {
                return describe(event, "a registered test key",
                        Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE));
            }
        }
        Matcher jwt = JWT_SHAPED.matcher(STACK_FRAME.matcher(text).replaceAll(""));
        if (jwt.find()) {
            return describe(event, "a JWT-shaped token", JWT_SHAPED);
        }
        return null;
    }

    /**
     * @return whether the event comes from the KAS cloud emulator's server side (the "cloud"), not from the binding
     */
    public static boolean isEmulatorSide(LogCapture.Event event) {
        return event.logger().startsWith("org.openhab.addons.kas.emulator")
                || event.thread().startsWith("kas-cloud-emulator");
    }

    /**
     * @return the findings since the last call, which forgets them (at most {@value #MAX_FINDINGS})
     */
    public static List<String> takeFindings() {
        synchronized (LOCK) {
            List<String> taken = List.copyOf(FINDINGS);
            FINDINGS.clear();
            return taken;
        }
    }

    /** @return how many events had a finding, in the whole run */
    public static long findingCount() {
        return FINDING_COUNT.get();
    }

    /** @return how many events were audited, in the whole run */
    public static long audited() {
        return AUDITED.get();
    }

    /** @return how many DEBUG lines of the client showed an unlock URL with the key masked, in the whole run */
    public static long maskedUnlockLines() {
        return MASKED_UNLOCK_LINES.get();
    }

    private static String describe(LogCapture.Event event, String what, Pattern secret) {
        String masked = secret.matcher(event.text()).replaceAll("<SECRET>");
        return event.level() + " [" + event.logger() + "] (" + event.thread() + ") contains " + what + ": "
                + (masked.length() > 600 ? masked.substring(0, 600) + "..." : masked);
    }
}
