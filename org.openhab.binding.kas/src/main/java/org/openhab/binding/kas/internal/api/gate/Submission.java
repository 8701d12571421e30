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
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * What to call through a {@link RequestGate} and how. Factories: {@link #of(String, Supplier)},
 * {@link #unlock(String, Instant, Supplier)}, {@link #pin(String, Supplier)}.
 *
 * @param description a human description used in result messages, e.g. {@code "Unlock of SS000510"}; it must not
 *            contain secrets
 * @param coalesceKey equal keys queued or in flight are merged into one call; {@code null} = never merged
 * @param notAfter the call is never started after this instant; {@code null} = no maximum age
 * @param call starts the call and returns its future; invoked once per attempt, must not block. It is given the
 *            gate's check whether the attempt may still begin (gate open, attempt current, {@code notAfter} not
 *            passed), for the HTTP client to ask right before it writes the request
 * @param retryWhen at most one immediate retry when this matches the first result
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record Submission(String description, @Nullable String coalesceKey, @Nullable Instant notAfter,
        Function<BooleanSupplier, CompletableFuture<KasResult>> call, Predicate<KasResult> retryWhen) {

    /** Never retry. */
    public static final Predicate<KasResult> RETRY_NEVER = r -> false;
    /** Unlock: retry once on a KAS 504 (the gateway did not answer). */
    public static final Predicate<KasResult> RETRY_UNLOCK = r -> r.outcome() == KasOutcome.GATEWAY_TIMEOUT;
    /** PIN code: retry once on a KAS 500 or 504. */
    public static final Predicate<KasResult> RETRY_PIN = r -> r.outcome() == KasOutcome.SERVER_ERROR
            || r.outcome() == KasOutcome.GATEWAY_TIMEOUT;

    /**
     * Validates the submission.
     *
     * @throws IllegalArgumentException for a blank description or an empty coalescing key
     */
    public Submission {
        if (description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
        if (coalesceKey != null && coalesceKey.isEmpty()) {
            throw new IllegalArgumentException("coalesceKey must not be empty (use null for no coalescing)");
        }
    }

    /**
     * A submission whose call does not ask whether it may still begin.
     */
    public Submission(String description, @Nullable String coalesceKey, @Nullable Instant notAfter,
            Supplier<CompletableFuture<KasResult>> call, Predicate<KasResult> retryWhen) {
        this(description, coalesceKey, notAfter, mayBegin -> call.get(), retryWhen);
    }

    /** @return a submission without key, deadline or retry */
    public static Submission of(String description, Supplier<CompletableFuture<KasResult>> call) {
        return new Submission(description, null, null, call, RETRY_NEVER);
    }

    /**
     * @param factoryNumber the lock's factory number
     * @param notAfter command time + unlockMaxAge
     * @param call the remote unlock call
     * @return a remote unlock: merged per lock, never sent after {@code notAfter}, one retry on a KAS 504
     */
    public static Submission unlock(String factoryNumber, Instant notAfter,
            Supplier<CompletableFuture<KasResult>> call) {
        return unlock(factoryNumber, notAfter, mayBegin -> call.get());
    }

    /**
     * @param factoryNumber the lock's factory number
     * @param notAfter command time + unlockMaxAge
     * @param call the remote unlock call, given the check to ask right before the request is written
     * @return a remote unlock: merged per lock, never written after {@code notAfter} (also when the HTTP client
     *         waits for a connection), one retry on a KAS 504
     */
    public static Submission unlock(String factoryNumber, Instant notAfter,
            Function<BooleanSupplier, CompletableFuture<KasResult>> call) {
        return new Submission("Unlock of " + factoryNumber, unlockKey(factoryNumber), notAfter, call, RETRY_UNLOCK);
    }

    /**
     * @param factoryNumber the lock's factory number
     * @return the coalescing key of the lock's remote unlocks, for {@link RequestGate#withdraw(String)} and
     *         {@link RequestGate#extendDeadline(String, Instant)}
     */
    public static String unlockKey(String factoryNumber) {
        return "unlock:" + factoryNumber;
    }

    /**
     * @param factoryNumber the lock's factory number
     * @param call the PIN code call
     * @return a PIN code request: never merged (each one asks for a code of its own), no maximum age, one retry on a
     *         KAS 500 or 504
     */
    public static Submission pin(String factoryNumber, Supplier<CompletableFuture<KasResult>> call) {
        return new Submission("PIN code request for " + factoryNumber, null, null, call, RETRY_PIN);
    }
}
