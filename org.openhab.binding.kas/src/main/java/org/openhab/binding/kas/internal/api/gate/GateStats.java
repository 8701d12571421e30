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
package org.openhab.binding.kas.internal.api.gate;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * A consistent snapshot of a {@link RequestGate}'s counters.
 *
 * @param inFlight submissions holding a permit
 * @param queued submissions waiting
 * @param peakInFlight highest number of submissions holding a permit so far
 * @param started calls invoked, retries included
 * @param retried retries invoked
 * @param merged submissions merged into an equal one
 * @param expired submissions ended {@code EXPIRED}
 * @param rejected submissions ended {@code QUEUE_FULL}
 * @param cancelled submissions ended {@code CANCELLED}
 * @param closed whether the gate is closed
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record GateStats(int inFlight, int queued, int peakInFlight, long started, long retried, long merged,
        long expired, long rejected, long cancelled, boolean closed) {
}
