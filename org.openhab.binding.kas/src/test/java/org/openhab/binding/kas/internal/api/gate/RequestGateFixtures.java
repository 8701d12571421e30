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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * Deterministic fakes for the {@link RequestGate} tests: a settable clock, a scheduler that runs its tasks only when
 * told to, and calls that the test completes by hand.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class RequestGateFixtures {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private RequestGateFixtures() {
    }

    static KasResult accepted() {
        return KasResult.of(KasOutcome.ACCEPTED, "Door is unlocking", 200);
    }

    static KasResult gatewayTimeout() {
        return KasResult.of(KasOutcome.GATEWAY_TIMEOUT, "Gateway timeout", 504);
    }

    static KasResult serverError() {
        return KasResult.of(KasOutcome.SERVER_ERROR, "Unknown Error", 500);
    }

    /**
     * @return a new waiting entry, outside any gate, whose call is never invoked by the test
     */
    static GateEntry entry(String description, @Nullable String key, @Nullable Instant notAfter) {
        return new GateEntry(
                new Submission(description, key, notAfter, CompletableFuture::new, Submission.RETRY_NEVER));
    }

    /**
     * The call of one submission: every invocation returns a new future that the test completes by hand, and records
     * the clock at invocation.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class FakeCall implements Supplier<CompletableFuture<KasResult>> {
        private final Clock clock;
        private final List<CompletableFuture<KasResult>> futures = new ArrayList<>();
        private final List<Instant> startTimes = new ArrayList<>();

        FakeCall(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized CompletableFuture<KasResult> get() {
            CompletableFuture<KasResult> future = new CompletableFuture<>();
            futures.add(future);
            startTimes.add(clock.instant());
            return future;
        }

        synchronized int invocations() {
            return futures.size();
        }

        synchronized CompletableFuture<KasResult> future(int index) {
            return futures.get(index);
        }

        synchronized CompletableFuture<KasResult> last() {
            return futures.get(futures.size() - 1);
        }

        synchronized Instant startTime(int index) {
            return startTimes.get(index);
        }

        /** Completes the latest invocation. */
        void complete(KasResult result) {
            last().complete(result);
        }
    }
}
