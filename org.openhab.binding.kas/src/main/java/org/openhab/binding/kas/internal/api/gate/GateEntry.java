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

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * One dispatched command of a {@link RequestGate}, shared by all submissions merged into it. The mutable fields are
 * guarded by the lock of the gate's {@link GateLedger}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class GateEntry {

    /** Where an entry is in its life. */
    enum State {
        /** waiting in the queue */
        QUEUED,
        /** holds a permit, call not invoked yet */
        STARTING,
        /** holds a permit, call invoked */
        RUNNING,
        /** completed (or completing outside the lock) */
        DONE
    }

    final Submission submission;
    final String description;
    /** The shared result; callers get copies. */
    final CompletableFuture<KasResult> result = new CompletableFuture<>();
    @Nullable
    Instant notAfter;
    State state = State.QUEUED;
    /** The expiry timer while queued with a deadline. */
    @Nullable
    ScheduledFuture<?> timer;
    /** Incremented whenever the timer is replaced or dropped, so that an outdated timer does nothing. */
    int timerGeneration;
    /** The future of the call in flight. */
    @Nullable
    CompletableFuture<KasResult> call;
    /** Counts the attempts, so that a late report of an earlier one is ignored. */
    int attempt;
    /** The result of the first attempt while the retry runs. */
    @Nullable
    KasResult firstResult;

    GateEntry(Submission submission) {
        this.submission = submission;
        this.description = submission.description();
        this.notAfter = submission.notAfter();
    }

    /**
     * Drops the expiry timer. Called with the lock held.
     *
     * @return the timer to cancel once the lock is released, or {@code null}
     */
    @Nullable
    ScheduledFuture<?> dropTimer() {
        ScheduledFuture<?> dropped = timer;
        timer = null;
        timerGeneration++;
        return dropped;
    }
}
