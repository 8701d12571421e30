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
package org.openhab.addons.kas.emulator;

import java.time.Instant;

/**
 * A remote unlock that the emulated cloud really passed on to a lock: an accepted (answered {@code 200}), not dropped
 * unlock request. Recorded at answer time, i.e. after any delay.
 *
 * @param executedAt when the unlock was executed (the moment its {@code 200} answer was written)
 * @param factoryNumber the lock that was unlocked
 * @param requestReceivedAt when the request that caused it arrived
 *
 * @author KAS binding contributors - Initial contribution
 */
public record ExecutedUnlock(Instant executedAt, String factoryNumber, Instant requestReceivedAt) {
}
