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
package org.openhab.binding.kas.internal.api.dto;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The JSON body of a KAS PIN code request:
 * <code>{"mode":0,"duration":24,"startTime":1767225600,"apiKey":"..."}</code>.
 * <p>
 * Serialised with Gson (never read back, so every field is set by the constructor). It contains the API key: never
 * log an instance or its JSON.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class PinCodeRequestDto {

    public int mode;
    public int duration;
    public long startTime;
    public String apiKey;

    /**
     * @param mode 0 or 1
     * @param duration 0 to 61
     * @param startTime epoch seconds
     * @param apiKey the API key of the account
     */
    public PinCodeRequestDto(int mode, int duration, long startTime, String apiKey) {
        this.mode = mode;
        this.duration = duration;
        this.startTime = startTime;
        this.apiKey = apiKey;
    }

    /**
     * @return a description without the API key
     */
    @Override
    public String toString() {
        return "PinCodeRequestDto[mode=" + mode + ", duration=" + duration + ", startTime=" + startTime
                + ", apiKey=***]";
    }
}
