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
package org.openhab.binding.kas.internal.handler;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.api.gate.RequestGate;
import org.openhab.binding.kas.internal.config.AccountSettings;

/**
 * What lives from one initialisation of a KAS account bridge to its disposal: the settings, the cloud client, the
 * request gate, whether KAS rejected the key and the reachability rechecks. Sessions compare by identity, so a late
 * answer can tell whether it still belongs to the current one.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class AccountSession {

    /** The first delay of the reachability recheck; it doubles up to {@link #MAX_RECHECK_DELAY}. */
    static final Duration FIRST_RECHECK_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_RECHECK_DELAY = Duration.ofMinutes(5);

    final AccountSettings settings;
    final KasCloudClient client;
    final RequestGate gate;
    private volatile boolean tokenRejected;
    private volatile Duration recheckDelay = FIRST_RECHECK_DELAY;
    private @Nullable ScheduledFuture<?> probeJob = null;
    private boolean closed;

    AccountSession(AccountSettings settings, KasCloudClient client, RequestGate gate) {
        this.settings = settings;
        this.client = client;
        this.gate = gate;
    }

    /** @return whether KAS rejected the key of this session */
    boolean isTokenRejected() {
        return tokenRejected;
    }

    /**
     * Records that KAS rejected the key: nothing is sent any more (the gate is closed).
     *
     * @return whether this call recorded it (false when it was known already)
     */
    boolean rejectToken() {
        synchronized (this) {
            if (tokenRejected) {
                return false;
            }
            tokenRejected = true;
        }
        cancelProbe();
        gate.close();
        return true;
    }

    /** The cloud answered: the next failed check waits the first delay again. */
    void reachable() {
        recheckDelay = FIRST_RECHECK_DELAY;
    }

    /**
     * The cloud did not answer.
     *
     * @return how long to wait before the next check (the delay doubles each time up to the maximum)
     */
    Duration unreachable() {
        Duration delay = recheckDelay;
        Duration next = delay.multipliedBy(2);
        recheckDelay = next.compareTo(MAX_RECHECK_DELAY) > 0 ? MAX_RECHECK_DELAY : next;
        return delay;
    }

    synchronized void scheduleProbe(ScheduledFuture<?> job) {
        if (closed) {
            job.cancel(false);
        } else {
            probeJob = job;
        }
    }

    synchronized void cancelProbe() {
        ScheduledFuture<?> job = probeJob;
        if (job != null) {
            job.cancel(false);
            probeJob = null;
        }
    }

    /** Ends the session: no more rechecks, every request pending in the gate is cancelled. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        cancelProbe();
        gate.close();
    }
}
