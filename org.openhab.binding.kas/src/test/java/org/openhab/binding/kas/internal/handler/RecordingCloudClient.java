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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.ApiKey;
import org.openhab.binding.kas.internal.api.CloudBaseUrl;
import org.openhab.binding.kas.internal.api.FactoryNumber;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.PinCodeRequest;
import org.openhab.binding.kas.internal.api.transport.HttpAnswer;
import org.openhab.binding.kas.internal.api.transport.HttpCall;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;

/**
 * A {@link KasCloudClient} for unit tests of the handler's parts: it sends nothing, records every call with a future
 * that the test completes (on its own thread), so that nothing waits in real time.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class RecordingCloudClient extends KasCloudClient {

    /**
     * Which method was called.
     *
     * @author KAS binding contributors - Initial contribution
     */
    enum Kind {
        PROBE,
        UNLOCK,
        PIN_CODE
    }

    /**
     * One call.
     *
     * @param kind the method
     * @param lock the lock of an unlock or PIN code request, {@code null} for a probe
     * @param key the API key sent, {@code null} for a probe
     * @param pinRequest the PIN code request, {@code null} for the others
     * @param answer completed by the test
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Call(Kind kind, @Nullable FactoryNumber lock, @Nullable ApiKey key, @Nullable PinCodeRequest pinRequest,
            CompletableFuture<KasResult> answer, BooleanSupplier mayBegin) {
    }

    /** A transport that fails the test when anything is sent over it. */
    private static final HttpTransport NO_TRANSPORT = new HttpTransport() {
        @Override
        public Exchange send(HttpCall call, Consumer<HttpAnswer> onAnswer) {
            throw new AssertionError("nothing is sent over HTTP in this test: " + call.method());
        }

        @Override
        public String name() {
            return "none";
        }
    };

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    RecordingCloudClient() {
        super(NO_TRANSPORT, CloudBaseUrl.parse("http://127.0.0.1:1"), Duration.ofSeconds(1));
    }

    @Override
    public CompletableFuture<KasResult> probe() {
        return record(Kind.PROBE, null, null, null);
    }

    @Override
    public CompletableFuture<KasResult> remoteUnlock(FactoryNumber factoryNumber, ApiKey apiKey) {
        return record(Kind.UNLOCK, factoryNumber, apiKey, null);
    }

    @Override
    public CompletableFuture<KasResult> remoteUnlock(FactoryNumber factoryNumber, ApiKey apiKey,
            BooleanSupplier mayBegin) {
        return record(Kind.UNLOCK, factoryNumber, apiKey, null, mayBegin);
    }

    @Override
    public CompletableFuture<KasResult> createPinCode(FactoryNumber factoryNumber, ApiKey apiKey,
            PinCodeRequest request) {
        return record(Kind.PIN_CODE, factoryNumber, apiKey, request);
    }

    /** @return the calls of this kind so far, in order */
    List<Call> calls(Kind kind) {
        return calls.stream().filter(c -> c.kind() == kind).toList();
    }

    /** @return the latest call of this kind; fails the test when there is none */
    Call last(Kind kind) {
        List<Call> ofKind = calls(kind);
        if (ofKind.isEmpty()) {
            throw new AssertionError("no " + kind + " call");
        }
        return ofKind.getLast();
    }

    private CompletableFuture<KasResult> record(Kind kind, @Nullable FactoryNumber lock, @Nullable ApiKey key,
            @Nullable PinCodeRequest request) {
        return record(kind, lock, key, request, () -> true);
    }

    private CompletableFuture<KasResult> record(Kind kind, @Nullable FactoryNumber lock, @Nullable ApiKey key,
            @Nullable PinCodeRequest request, BooleanSupplier mayBegin) {
        CompletableFuture<KasResult> answer = new CompletableFuture<>();
        calls.add(new Call(kind, lock, key, request, answer, mayBegin));
        return answer;
    }
}
