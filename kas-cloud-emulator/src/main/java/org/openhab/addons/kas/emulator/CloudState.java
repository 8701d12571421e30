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

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What the emulated cloud knows: accounts (API keys) and locks. Also remembers every key it ever saw registered or
 * named as an owner, to mask them wherever they appear. Thread-safe.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class CloudState {

    /**
     * A lock as the emulated cloud knows it.
     *
     * @param ownerApiKey the key of the account it is bound to
     * @param admin whether that account is an admin of the lock
     * @param gatewayOnline whether its gateway is online
     *
     * @author KAS binding contributors - Initial contribution
     */
    record LockState(String ownerApiKey, boolean admin, boolean gatewayOnline) {
    }

    /** keys shorter than this are only masked where they are known to be (path segment, apiKey member) */
    private static final int MIN_KEY_LENGTH_TO_MASK_ANYWHERE = 4;

    private final Set<String> accounts = ConcurrentHashMap.newKeySet();
    /** every key ever registered or named as a lock owner: masked wherever it appears in the journal */
    private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, LockState> locks = new ConcurrentHashMap<>();

    void addAccount(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isEmpty()) {
            throw new IllegalArgumentException("apiKey must not be empty");
        }
        accounts.add(apiKey);
        knownKeys.add(apiKey);
    }

    void removeAccount(String apiKey) {
        accounts.remove(Objects.requireNonNull(apiKey, "apiKey"));
    }

    void addLock(String factoryNumber, String ownerApiKey, boolean admin, boolean gatewayOnline) {
        Objects.requireNonNull(factoryNumber, "factoryNumber");
        Objects.requireNonNull(ownerApiKey, "ownerApiKey");
        knownKeys.add(ownerApiKey);
        locks.put(factoryNumber, new LockState(ownerApiKey, admin, gatewayOnline));
    }

    void setAdmin(String factoryNumber, boolean admin) {
        update(factoryNumber, lock -> new LockState(lock.ownerApiKey(), admin, lock.gatewayOnline()));
    }

    void setGatewayOnline(String factoryNumber, boolean online) {
        update(factoryNumber, lock -> new LockState(lock.ownerApiKey(), lock.admin(), online));
    }

    void removeLock(String factoryNumber) {
        locks.remove(Objects.requireNonNull(factoryNumber, "factoryNumber"));
    }

    boolean hasAccount(String apiKey) {
        return apiKey != null && accounts.contains(apiKey);
    }

    /** @return the lock, or {@code null} if there is none with that number */
    LockState lock(String factoryNumber) {
        return factoryNumber == null ? null : locks.get(factoryNumber);
    }

    /** Replaces every key ever registered (long enough to be unambiguous) in the text by {@code ***}. */
    String maskKnownKeys(String text) {
        String masked = text;
        for (String key : knownKeys) {
            if (key.length() >= MIN_KEY_LENGTH_TO_MASK_ANYWHERE && masked.contains(key)) {
                masked = masked.replace(key, Route.MASK);
            }
        }
        return masked;
    }

    private void update(String factoryNumber, UnaryOperator<LockState> change) {
        Objects.requireNonNull(factoryNumber, "factoryNumber");
        if (locks.computeIfPresent(factoryNumber, (fn, lock) -> change.apply(lock)) == null) {
            throw new IllegalArgumentException("no lock " + factoryNumber);
        }
    }
}
