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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.FactoryNumber;

/**
 * The validated settings of a KAS lock thing.
 *
 * @param factoryNumber the lock's factory number
 * @param unlockedDuration how long the door is assumed unlocked after KAS accepted an unlock
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record LockSettings(FactoryNumber factoryNumber, Duration unlockedDuration) {
}
