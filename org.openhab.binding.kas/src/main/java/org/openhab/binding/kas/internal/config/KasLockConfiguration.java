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
package org.openhab.binding.kas.internal.config;

import static org.openhab.binding.kas.internal.KasBindingConstants.CONFIG_UNLOCKED_DURATION;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.FactoryNumber;

/**
 * Configuration of a {@code kas:lock} thing and its validation into {@link LockSettings}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class KasLockConfiguration {

    public static final int UNLOCKED_DURATION_MIN = 0;
    public static final int UNLOCKED_DURATION_MAX = 300;

    public String factoryNumber = "";
    public int unlockedDuration = 5;

    /**
     * Checks every parameter.
     *
     * @return the validated settings
     * @throws InvalidInputException naming the first invalid parameter and what is wrong with it
     */
    public LockSettings validate() {
        FactoryNumber number = FactoryNumber.parse(factoryNumber);
        KasAccountConfiguration.checkRange(CONFIG_UNLOCKED_DURATION, unlockedDuration, UNLOCKED_DURATION_MIN,
                UNLOCKED_DURATION_MAX, " seconds");
        return new LockSettings(number, Duration.ofSeconds(unlockedDuration));
    }
}
