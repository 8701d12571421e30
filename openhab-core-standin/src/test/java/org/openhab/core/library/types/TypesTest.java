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

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;
import org.openhab.core.types.UnDefType;

/**
 * Tests the state and command types.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class TypesTest {

    @Test
    void onOffType() {
        assertEquals(OnOffType.ON, OnOffType.from(true));
        assertEquals(OnOffType.OFF, OnOffType.from(false));
        assertEquals(OnOffType.ON, OnOffType.from("on"));
        assertEquals(OnOffType.ON, OnOffType.from("1"));
        assertEquals(OnOffType.OFF, OnOffType.from("yes"));
        assertEquals("ON", OnOffType.ON.toString());
        assertEquals("OFF", OnOffType.OFF.toFullString());
        assertEquals("is ON", OnOffType.ON.format("is %s"));
        assertEquals(OnOffType.ON, OnOffType.ON.as(OnOffType.class));
        assertNull(OnOffType.ON.as(StringType.class));
        assertNull(OnOffType.ON.as(null));
    }

    @Test
    void stringType() {
        StringType text = new StringType("ACCEPTED");
        assertEquals("ACCEPTED", text.toString());
        assertEquals("ACCEPTED", text.toFullString());
        assertEquals(new StringType("ACCEPTED"), text);
        assertEquals(text.hashCode(), "ACCEPTED".hashCode());
        assertTrue(text.equals("ACCEPTED"), "a StringType equals a String with the same text");
        assertNotEquals(text, new StringType("REJECTED"));
        assertEquals(StringType.EMPTY, new StringType(null));
        assertEquals("", StringType.valueOf(null).toString());
        assertEquals("<ACCEPTED>", text.format("<%s>"));
    }

    @Test
    void dateTimeTypeKeepsTheInstantOnly() {
        Instant instant = Instant.parse("2026-01-31T10:15:30Z");
        DateTimeType fromInstant = new DateTimeType(instant);
        DateTimeType fromZoned = new DateTimeType(instant.atZone(ZoneId.of("Australia/Sydney")));
        assertEquals(fromInstant, fromZoned);
        assertEquals(fromInstant.hashCode(), fromZoned.hashCode());
        assertEquals(instant, fromZoned.getInstant());
        assertEquals(ZonedDateTime.of(2026, 1, 31, 10, 15, 30, 0, ZoneOffset.UTC),
                fromZoned.getZonedDateTime(ZoneOffset.UTC));
        assertEquals(0, fromInstant.compareTo(fromZoned));
        assertTrue(new DateTimeType(instant.plusSeconds(1)).compareTo(fromInstant) > 0);
        assertNotEquals(fromInstant, new DateTimeType(instant.plusNanos(1)));
    }

    @Test
    void dateTimeTypeFullStringKeepsAtLeastMilliseconds() {
        Instant instant = Instant.parse("2026-01-31T10:15:30Z");
        assertEquals("2026-01-31T10:15:30.000+0000", new DateTimeType(instant).toFullString(ZoneOffset.UTC));
        assertEquals("2026-01-31T21:15:30.000+1100",
                new DateTimeType(instant).toFullString(ZoneId.of("Australia/Sydney")));
        assertEquals("2026-01-31T10:15:30.123+0000",
                new DateTimeType(instant.plusMillis(123)).toFullString(ZoneOffset.UTC));
        assertEquals("2026-01-31T05:15:30.123456-0500",
                new DateTimeType(instant.plusNanos(123_456_000)).toFullString(ZoneOffset.ofHours(-5)));
        assertEquals("2026-01-31T10:15:30.000000001+0000",
                new DateTimeType(instant.plusNanos(1)).toFullString(ZoneOffset.UTC));
        assertEquals("2026-01-31T10:15:30", new DateTimeType(instant).format(null, ZoneOffset.UTC));
        assertEquals("2026", new DateTimeType(instant).format("%1$tY", ZoneOffset.UTC));
    }

    @Test
    void dateTimeTypeFullStringKeepsOpenhabsQuirks() {
        // openHAB drops "000" before the offset's sign everywhere in the text, so also from a year like 2000
        Instant y2k = Instant.parse("2000-06-01T12:00:00Z");
        assertEquals("2-06-01T07:00:00.000-0500", new DateTimeType(y2k).toFullString(ZoneOffset.ofHours(-5)));
        assertEquals("2000-06-01T14:00:00.000+0200", new DateTimeType(y2k).toFullString(ZoneOffset.ofHours(2)));
        // a year beyond 9999 is printed with '+', which is then taken as the offset's sign
        Instant far = Instant.parse("+10000-01-01T12:00:00Z");
        assertEquals("+10000-01-01T07:00:00.000000000-0500",
                new DateTimeType(far).toFullString(ZoneOffset.ofHours(-5)));
    }

    @Test
    void refreshAndUndefTypes() {
        assertEquals("REFRESH", RefreshType.REFRESH.toString());
        assertEquals("REFRESH", RefreshType.REFRESH.toFullString());
        assertEquals("UNDEF", UnDefType.UNDEF.toString());
        assertEquals("NULL", UnDefType.NULL.toFullString());
        assertEquals("[NULL]", UnDefType.NULL.format("[%s]"));
    }

    @Test
    void timeSeriesIsSortedByTime() {
        TimeSeries series = new TimeSeries(TimeSeries.Policy.ADD);
        assertEquals(Instant.MAX, series.getBegin());
        assertEquals(Instant.MIN, series.getEnd());
        Instant now = Instant.parse("2026-01-31T10:15:30Z");
        series.add(now.plusSeconds(10), OnOffType.OFF);
        series.add(now, OnOffType.ON);
        assertEquals(2, series.size());
        assertEquals(now, series.getBegin());
        assertEquals(now.plusSeconds(10), series.getEnd());
        assertEquals(java.util.List.<State> of(OnOffType.ON, OnOffType.OFF),
                series.getStates().map(TimeSeries.Entry::state).toList());
        assertEquals(TimeSeries.Policy.ADD, series.getPolicy());
        // entries are unique by timestamp: the first state at a time stays
        series.add(now, OnOffType.OFF);
        assertEquals(2, series.size());
        assertEquals(OnOffType.ON, series.getStates().findFirst().orElseThrow().state());
        TimeSeries same = new TimeSeries(TimeSeries.Policy.ADD);
        same.add(now, OnOffType.ON);
        same.add(now.plusSeconds(10), OnOffType.OFF);
        assertEquals(series, same);
        assertEquals(series.hashCode(), same.hashCode());
        assertNotEquals(new TimeSeries(TimeSeries.Policy.REPLACE), new TimeSeries(TimeSeries.Policy.ADD));
    }
}
