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
package org.openhab.binding.kas.internal.api;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The parameters of a KAS "auto-generated code" (PIN) request, validated against the ranges documented by KAS.
 *
 * @param mode {@value #MODE_MIN} or {@value #MODE_MAX}
 * @param duration {@value #DURATION_MIN} to {@value #DURATION_MAX}
 * @param startTime start of validity in epoch seconds, {@value #START_TIME_MIN} to {@value #START_TIME_MAX} (the
 *            cloud takes a signed 32-bit integer)
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record PinCodeRequest(int mode, int duration, long startTime) {

    public static final int MODE_MIN = 0;
    public static final int MODE_MAX = 1;
    public static final int DURATION_MIN = 0;
    public static final int DURATION_MAX = 61;
    public static final long START_TIME_MIN = 0;
    public static final long START_TIME_MAX = Integer.MAX_VALUE;

    /**
     * @throws InvalidInputException (an {@link IllegalArgumentException}) naming the parameter and its range, e.g.
     *             {@code duration must be between 0 and 61, was 99}
     */
    public PinCodeRequest {
        check("mode", mode, MODE_MIN, MODE_MAX, "");
        check("duration", duration, DURATION_MIN, DURATION_MAX, "");
        check("startTime", startTime, START_TIME_MIN, START_TIME_MAX, " (epoch seconds)");
    }

    /**
     * Creates a validated request.
     *
     * @param mode {@value #MODE_MIN} or {@value #MODE_MAX}
     * @param duration {@value #DURATION_MIN} to {@value #DURATION_MAX}
     * @param startTime epoch seconds, {@value #START_TIME_MIN} to {@value #START_TIME_MAX}
     * @return the request
     * @throws InvalidInputException (an {@link IllegalArgumentException}) naming the parameter and its range
     */
    public static PinCodeRequest of(int mode, int duration, long startTime) {
        return new PinCodeRequest(mode, duration, startTime);
    }

    /**
     * Creates a validated request from the inputs of a rule action or console command, where values may be missing.
     *
     * @param mode {@value #MODE_MIN} or {@value #MODE_MAX}; required
     * @param duration {@value #DURATION_MIN} to {@value #DURATION_MAX}; required
     * @param startTime epoch seconds, {@value #START_TIME_MIN} to {@value #START_TIME_MAX}
     * @return the request
     * @throws InvalidInputException (an {@link IllegalArgumentException}) naming the missing or invalid parameter
     */
    public static PinCodeRequest ofInputs(@Nullable Integer mode, @Nullable Integer duration, long startTime) {
        if (mode == null) {
            throw InvalidInputException.required("mode", "0 or 1");
        }
        if (duration == null) {
            throw InvalidInputException.required("duration", "0 to 61");
        }
        return new PinCodeRequest(mode, duration, startTime);
    }

    private static void check(String parameter, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw InvalidInputException.outOfRange(parameter, value, min, max, unit);
        }
    }
}
