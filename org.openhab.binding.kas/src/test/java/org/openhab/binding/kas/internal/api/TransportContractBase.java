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
package org.openhab.binding.kas.internal.api;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.kas.internal.api.transport.TransportFixture;
import org.openhab.core.standin.testing.LogCapture;

/**
 * What the transport-neutral client tests ({@link KasCloudClientContract}, {@link KasCloudClientWireContract}) share:
 * the {@link TransportFixture} of the Jetty line under test (created on first use, closed after the test class), a
 * {@link LogCapture} around every test and the wait for a result.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class TransportContractBase {

    /** The API key of the account the tests use. */
    static final String KEY = ApiKeyTest.KEY;

    private static @Nullable TransportFixture fixture;

    /** The log events of the current test (started before the subclass's set-up, closed after its tear-down). */
    protected @NonNullByDefault({}) LogCapture logs;

    /**
     * @return a new fixture of the transport under test
     */
    protected abstract TransportFixture newFixture();

    @AfterAll
    static void closeFixture() throws Exception {
        TransportFixture current = fixture;
        fixture = null;
        if (current != null) {
            current.close();
        }
    }

    /**
     * @return the fixture of the transport under test, shared by the tests of one class
     */
    protected final TransportFixture fixture() {
        TransportFixture current = fixture;
        if (current == null) {
            current = newFixture();
            fixture = current;
        }
        return current;
    }

    @BeforeEach
    final void startLogCapture() {
        logs = LogCapture.start();
    }

    @AfterEach
    final void closeLogCapture() {
        logs.close();
    }

    /** Waits for the result; the future must complete normally, and its message must not contain the key. */
    public static KasResult await(CompletableFuture<KasResult> future) {
        try {
            KasResult result = future.get(30, TimeUnit.SECONDS);
            assertFalse(future.isCompletedExceptionally());
            assertFalse(result.message().contains(KEY), result.message());
            return result;
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the future must complete normally", e);
        }
    }
}
