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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The emulator's record of what happened: every request in arrival order (keys already masked by the caller) and
 * the unlocks that reached a lock. Thread-safe; uses a {@link ReentrantLock}, not a monitor, so that virtual threads
 * never pin their carrier on it.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class Journal {

    /**
     * The journal record of one request; the status is filled in when the answer is written.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class Slot {
        private final Instant receivedAt;
        private final String method;
        private final String maskedPath;
        private final String body;
        private final String factoryNumber;
        private final Endpoint endpoint;
        private volatile int status;

        Slot(Instant receivedAt, String method, String maskedPath, String body, String factoryNumber,
                Endpoint endpoint) {
            this.receivedAt = receivedAt;
            this.method = method;
            this.maskedPath = maskedPath;
            this.body = body;
            this.factoryNumber = factoryNumber;
            this.endpoint = endpoint;
        }

        Instant receivedAt() {
            return receivedAt;
        }

        String maskedPath() {
            return maskedPath;
        }

        void setStatus(int status) {
            this.status = status;
        }

        JournalEntry toEntry() {
            return new JournalEntry(receivedAt, method, maskedPath, body, status, factoryNumber, endpoint);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Slot> slots = new ArrayList<>();
    private final List<ExecutedUnlock> executed = new ArrayList<>();

    void record(Slot slot) {
        lock.lock();
        try {
            slots.add(slot);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void recordExecuted(ExecutedUnlock unlock) {
        lock.lock();
        try {
            executed.add(unlock);
        } finally {
            lock.unlock();
        }
    }

    List<JournalEntry> requests() {
        lock.lock();
        try {
            return slots.stream().map(Slot::toEntry).toList();
        } finally {
            lock.unlock();
        }
    }

    List<ExecutedUnlock> executedUnlocks() {
        lock.lock();
        try {
            return List.copyOf(executed);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the requests and the executed unlocks. */
    void clear() {
        lock.lock();
        try {
            slots.clear();
            executed.clear();
        } finally {
            lock.unlock();
        }
    }

    boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (slots.size() < count) {
                if (left <= 0) {
                    return false;
                }
                left = arrived.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
