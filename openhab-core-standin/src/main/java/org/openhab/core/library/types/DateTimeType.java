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
package org.openhab.core.library.types;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.PrimitiveType;
import org.openhab.core.types.State;

/**
 * Stand-in for openHAB's date-time state and command. Like openHAB 5.x it holds an {@link Instant} only: a time
 * zone given at construction is not kept, and two values are equal when they denote the same instant.
 * <p>
 * Parsing from text ({@code DateTimeType(String)}, {@code valueOf(String)}) is not part of the stand-in.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class DateTimeType implements PrimitiveType, State, Command, Comparable<DateTimeType> {

    public static final String DATE_PATTERN = "yyyy-MM-dd'T'HH:mm:ss";
    public static final String DATE_PATTERN_WITH_TZ = "yyyy-MM-dd'T'HH:mm:ssz";
    public static final String DATE_PATTERN_WITH_TZ_AND_MS = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";
    public static final String DATE_PATTERN_WITH_TZ_AND_MS_GENERAL = "yyyy-MM-dd'T'HH:mm:ss.SSSz";
    public static final String DATE_PATTERN_WITH_TZ_AND_MS_ISO = "yyyy-MM-dd'T'HH:mm:ss.SSSX";
    public static final String DATE_PATTERN_JSON_COMPAT = "MMM d, yyyy, h:mm:ss aaa";

    /** date, time with nine fraction digits (always printed when formatting), RFC 822 offset; as openHAB's */
    private static final DateTimeFormatter FULL_FORMAT = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm[:ss[.SSSSSSSSS]]Z");

    private Instant instant;

    /**
     * Creates a value for the current instant.
     */
    public DateTimeType() {
        this(Instant.now());
    }

    public DateTimeType(Instant instant) {
        this.instant = instant;
    }

    /**
     * @param zoned the date-time; only its instant is kept
     */
    public DateTimeType(ZonedDateTime zoned) {
        this.instant = zoned.toInstant();
    }

    /**
     * @deprecated use {@link #getZonedDateTime(ZoneId)} or {@link #getInstant()}
     * @return the value in the system default time zone
     */
    @Deprecated
    public ZonedDateTime getZonedDateTime() {
        return getZonedDateTime(ZoneId.systemDefault());
    }

    public ZonedDateTime getZonedDateTime(ZoneId zoneId) {
        return instant.atZone(zoneId);
    }

    public Instant getInstant() {
        return instant;
    }

    @Override
    public String format(@Nullable String pattern) {
        return format(pattern, ZoneId.systemDefault());
    }

    /**
     * @param pattern a {@link String#format(String, Object...)} pattern applied to the {@link ZonedDateTime}, or
     *            null for {@value #DATE_PATTERN}
     * @param zoneId the zone to show the value in
     * @return the formatted value
     */
    public String format(@Nullable String pattern, ZoneId zoneId) {
        ZonedDateTime zoned = instant.atZone(zoneId);
        if (pattern == null) {
            return DateTimeFormatter.ofPattern(DATE_PATTERN).format(zoned);
        }
        return String.format(pattern, zoned);
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        return toFullString(ZoneId.systemDefault());
    }

    /**
     * Formats like {@code 2026-01-31T12:34:56.789+0100}: nine fraction digits of which up to two trailing groups of
     * three zeros are dropped. Done the way openHAB does it, by replacing {@code "000"} followed by the offset's sign
     * (taken as '-' unless the text has a '+') everywhere in the text, twice; so openHAB's quirks are kept: with a
     * negative offset a year like 2000 loses its zeros too ({@code 2-06-01T07:00:00.000-0500}), and a year beyond
     * 9999 (printed with a '+') keeps all nine digits of a negative offset's value.
     *
     * @param zoneId the zone to show the value in
     * @return the formatted value
     */
    public String toFullString(ZoneId zoneId) {
        String text = FULL_FORMAT.format(instant.atZone(zoneId));
        if (!text.contains(".")) {
            return text;
        }
        String sign = text.contains("+") ? "+" : text.contains("-") ? "-" : "";
        if (sign.isEmpty()) {
            return text;
        }
        String zerosBeforeSign = "000" + sign;
        return text.replace(zerosBeforeSign, sign).replace(zerosBeforeSign, sign);
    }

    @Override
    public int hashCode() {
        return 31 + instant.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return instant.compareTo(((DateTimeType) obj).instant) == 0;
    }

    @Override
    public int compareTo(DateTimeType o) {
        return instant.compareTo(o.getInstant());
    }
}
