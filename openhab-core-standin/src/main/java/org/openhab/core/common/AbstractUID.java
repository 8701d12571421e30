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
package org.openhab.core.common;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB's generic identifier made of segments joined by {@value #SEPARATOR}.
 * Every segment may only contain word characters and dashes; the last one must not be blank.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public abstract class AbstractUID {

    public static final String SEPARATOR = ":";

    private static final Pattern VALID_SEGMENT = Pattern.compile("[\\w-]*");

    private final List<String> segments;
    private String asString = "";

    /**
     * For reflection-based instantiation only; creates an identifier without segments.
     */
    protected AbstractUID() {
        this.segments = List.of();
    }

    /**
     * Splits the given text at every separator and validates the segments.
     *
     * @param uid the identifier as text
     */
    protected AbstractUID(String uid) {
        this(Arrays.asList(uid.split(SEPARATOR)));
        this.asString = uid;
    }

    /**
     * Validates and keeps the given segments.
     *
     * @param segments the segments
     */
    protected AbstractUID(final String... segments) {
        this(Arrays.asList(segments));
    }

    /**
     * Validates and keeps the given segments.
     *
     * @param segments the segments
     */
    protected AbstractUID(List<String> segments) {
        int required = getMinimalNumberOfSegments();
        int count = segments.size();
        if (count < required) {
            throw new IllegalArgumentException(
                    String.format("UID must have at least %d segments: %s", required, segments));
        }
        for (int index = 0; index < count; index++) {
            validateSegment(segments.get(index), index, count);
        }
        if (segments.get(count - 1).isBlank()) {
            throw new IllegalArgumentException("Last segment must not be blank: " + segments);
        }
        this.segments = List.copyOf(segments);
    }

    /**
     * @return the smallest number of segments an identifier of this kind has
     */
    protected abstract int getMinimalNumberOfSegments();

    protected List<String> getAllSegments() {
        return segments;
    }

    protected String getSegment(int segment) {
        return segments.get(segment);
    }

    /**
     * Tells whether the given text may be used as a segment.
     *
     * @param segment the candidate segment
     * @return true if it is not null and only has word characters and dashes
     */
    public static boolean isValid(@Nullable String segment) {
        return segment != null && VALID_SEGMENT.matcher(segment).matches();
    }

    protected void validateSegment(String segment, int index, int length) {
        if (!isValid(segment)) {
            throw new IllegalArgumentException(String.format(
                    "ID segment '%s' contains invalid characters. Each segment of the ID must match the pattern %s.",
                    segment, VALID_SEGMENT));
        }
    }

    @Override
    public String toString() {
        return getAsString();
    }

    public String getAsString() {
        if (asString.isEmpty()) {
            asString = String.join(SEPARATOR, segments);
        }
        return asString;
    }

    @Override
    public int hashCode() {
        return 31 + segments.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        return segments.equals(((AbstractUID) obj).segments);
    }
}
