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
package org.openhab.core.types;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB's series of states at points in time, sorted by time (one state per instant).
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class TimeSeries {

    private final TreeSet<Entry> entries = new TreeSet<>(Comparator.comparing(Entry::timestamp));
    private final Policy policy;

    public TimeSeries(Policy policy) {
        this.policy = policy;
    }

    public Policy getPolicy() {
        return policy;
    }

    /**
     * @return the earliest timestamp, or {@link Instant#MAX} if the series is empty
     */
    public Instant getBegin() {
        return entries.isEmpty() ? Instant.MAX : entries.first().timestamp();
    }

    /**
     * @return the latest timestamp, or {@link Instant#MIN} if the series is empty
     */
    public Instant getEnd() {
        return entries.isEmpty() ? Instant.MIN : entries.last().timestamp();
    }

    public int size() {
        return entries.size();
    }

    /**
     * Adds a state; a state for an instant that is already in the series is ignored.
     *
     * @param timestamp the instant
     * @param state the state
     */
    public void add(Instant timestamp, State state) {
        entries.add(new Entry(timestamp, state));
    }

    /**
     * @return the entries in time order
     */
    public Stream<Entry> getStates() {
        return List.copyOf(entries).stream();
    }

    /**
     * One state of the series.
     *
     * @param timestamp the instant
     * @param state the state
     * @author KAS binding contributors - build-time stand-in of the openHAB core type
     */
    public record Entry(Instant timestamp, State state) {
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        TimeSeries other = (TimeSeries) o;
        return policy == other.policy && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, policy);
    }

    /**
     * How a series is applied to stored data.
     *
     * @author KAS binding contributors - build-time stand-in of the openHAB core type
     */
    public enum Policy {
        /** the states are added to what is stored */
        ADD,
        /** what is stored in the series' time span is replaced */
        REPLACE
    }
}
