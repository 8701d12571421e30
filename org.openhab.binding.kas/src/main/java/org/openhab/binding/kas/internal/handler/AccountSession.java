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

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.FactoryNumber;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.PinCodeRequest;
import org.openhab.binding.kas.internal.api.gate.RequestGate;
import org.openhab.binding.kas.internal.api.gate.Submission;
import org.openhab.binding.kas.internal.config.AccountSettings;

/**
 * What lives from one initialisation of a KAS account bridge to its disposal: the settings, the cloud client, the
 * request gate, the reachability checks and whether KAS rejected the key. Sessions compare by identity, so a late
 * answer can tell whether it still belongs to the current one.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class AccountSession {

    final AccountSettings settings;
    final KasCloudClient client;
    final RequestGate gate;
    final CloudReachability reachability;
    private volatile boolean tokenRejected;

    AccountSession(AccountSettings settings, KasCloudClient client, RequestGate gate, CloudReachability reachability) {
        this.settings = settings;
        this.client = client;
        this.gate = gate;
        this.reachability = reachability;
    }

    /** @return whether KAS rejected the key of this session */
    boolean isTokenRejected() {
        return tokenRejected;
    }

    /**
     * Records that KAS rejected the key: nothing is sent any more (the gate is closed) and the cloud is not checked.
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
        reachability.close();
        gate.close();
        return true;
    }

    /**
     * @return a remote unlock through the gate: merged with a pending unlock of the same lock, never sent after
     *         {@code requestedAt + unlockMaxAge}, retried once at most after a KAS 504
     */
    CompletableFuture<KasResult> unlock(FactoryNumber lock, Instant requestedAt) {
        return gate.submit(Submission.unlock(lock.value(), requestedAt.plus(settings.unlockMaxAge()),
                mayBegin -> client.remoteUnlock(lock, settings.apiKey(), mayBegin)));
    }

    /**
     * @return a PIN code request through the gate (never merged, retried once at most after a KAS 500 or 504)
     */
    CompletableFuture<KasResult> createPinCode(FactoryNumber lock, PinCodeRequest request) {
        return gate.submit(Submission.pin(lock.value(), () -> client.createPinCode(lock, settings.apiKey(), request)));
    }

    /**
     * @return whether an unlock of the lock that still waited in the queue was withdrawn (it is never sent)
     */
    boolean withdrawUnlock(FactoryNumber lock) {
        return gate.withdraw(Submission.unlockKey(lock.value()));
    }

    /**
     * @return whether a pending unlock of the lock took the later deadline {@code requestedAt + unlockMaxAge}
     */
    boolean extendUnlock(FactoryNumber lock, Instant requestedAt) {
        return gate.extendDeadline(Submission.unlockKey(lock.value()), requestedAt.plus(settings.unlockMaxAge()));
    }

    /** Ends the session: no more checks, every request pending in the gate is cancelled. */
    void close() {
        reachability.close();
        gate.close();
    }
}
