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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Every log event of the whole test run (all test classes in the JVM), fed by {@link LogCapture} whether or not a
 * capture is open, for the suite-wide audit that no API key ever reaches a log.
 * <p>
 * Each event is scanned when it is logged, for every secret registered in {@link TestSecrets} so far and for any
 * JWT-shaped token; findings are kept (at most {@value #MAX_FINDINGS}, with the secret replaced). The events are
 * also stored, up to {@value #MAX_EVENTS} events and {@value #MAX_CHARS} characters, so that the audit can check
 * them again at the end against every key known then; what does not fit is counted in {@link #overflow()} (the audit
 * fails then, so the bound must be raised instead of silently auditing less).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SuiteLog {

    /** Events stored at most. */
    public static final int MAX_EVENTS = 1_500_000;
    /** Characters (message and throwable text) stored at most. */
    public static final long MAX_CHARS = 400_000_000L;
    /** Findings of the live scan kept at most. */
    public static final int MAX_FINDINGS = 100;

    /** A JSON Web Token or anything shaped like one: three long base64url segments separated by dots. */
    public static final Pattern JWT_SHAPED = Pattern
            .compile("[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");
    /** A stack frame line of a throwable's text (class and method names, no data). */
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*(at .+\\(.*\\)|\\.\\.\\. \\d+ more)\\s*$");

    /**
     * One stored event.
     *
     * @param sequence its number in the run, from 1, in the order events were logged
     * @param time when it was logged
     * @param event the event
     */
    public record Entry(long sequence, Instant time, LogCapture.Event event) {
    }

    private static final Object LOCK = new Object();
    // guarded by LOCK
    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static final List<String> FINDINGS = new ArrayList<>();
    private static long sequence;
    private static long chars;
    private static long overflow;
    private static long findingCount;

    private SuiteLog() {
    }

    static void record(LogCapture.Event event) {
        Instant now = Instant.now();
        String finding = scan(event, TestSecrets.all());
        String text = event.text();
        synchronized (LOCK) {
            sequence++;
            if (ENTRIES.size() < MAX_EVENTS && chars + text.length() <= MAX_CHARS) {
                ENTRIES.add(new Entry(sequence, now, event));
                chars += text.length();
            } else {
                overflow++;
            }
            if (finding != null) {
                findingCount++;
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
        String withoutFrames = STACK_FRAME.matcher(text).replaceAll("");
        Matcher jwt = JWT_SHAPED.matcher(withoutFrames);
        if (jwt.find()) {
            return describe(event, "a JWT-shaped token", JWT_SHAPED);
        }
        return null;
    }

    private static String describe(LogCapture.Event event, String what, Pattern secret) {
        String masked = secret.matcher(event.text()).replaceAll("<SECRET>");
        return event.level() + " [" + event.logger() + "] (" + event.thread() + ") contains " + what + ": "
                + (masked.length() > 600 ? masked.substring(0, 600) + "..." : masked);
    }

    /**
     * @return whether the event comes from the KAS cloud emulator's server side (the "cloud"), not from the binding
     *         or the client side: its Jetty server and its request threads
     */
    public static boolean isEmulatorSide(LogCapture.Event event) {
        return event.logger().startsWith("org.eclipse.jetty.server") || event.thread().startsWith("kas-cloud-emulator");
    }

    /**
     * @return the stored events, in the order they were logged
     */
    public static List<Entry> entries() {
        synchronized (LOCK) {
            return List.copyOf(ENTRIES);
        }
    }

    /**
     * @param afterSequence a value of {@link #lastSequence()}
     * @return the stored events logged after that one
     */
    public static List<Entry> since(long afterSequence) {
        synchronized (LOCK) {
            List<Entry> result = new ArrayList<>();
            for (int i = ENTRIES.size() - 1; i >= 0 && ENTRIES.get(i).sequence() > afterSequence; i--) {
                result.add(ENTRIES.get(i));
            }
            return result.reversed();
        }
    }

    /**
     * @return the number of the latest event, 0 before the first
     */
    public static long lastSequence() {
        synchronized (LOCK) {
            return sequence;
        }
    }

    /**
     * @return events that were not stored because the bounds were reached
     */
    public static long overflow() {
        synchronized (LOCK) {
            return overflow;
        }
    }

    /**
     * @return characters stored
     */
    public static long storedChars() {
        synchronized (LOCK) {
            return chars;
        }
    }

    /**
     * @return the problems the live scan found (at most {@value #MAX_FINDINGS})
     */
    public static List<String> findings() {
        synchronized (LOCK) {
            return List.copyOf(FINDINGS);
        }
    }

    /**
     * @return how many events the live scan found a problem in
     */
    public static long findingCount() {
        synchronized (LOCK) {
            return findingCount;
        }
    }
}
