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
package org.openhab.binding.kas.internal.test;

import java.time.Duration;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.transport.HttpAnswer;
import org.openhab.binding.kas.internal.api.transport.HttpCall;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;

/**
 * Sends through a real transport, but with a shorter request timeout on the wire than the account's configuration
 * allows (its minimum is 1 s): for the few over-the-wire tests of time-outs, which must wait in real time and should
 * not wait long. Everything else of the call is unchanged; the result still names the configured timeout.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class WireTimeoutTransport implements HttpTransport {

    private final HttpTransport delegate;
    private final Duration timeout;

    /**
     * @param delegate the real transport
     * @param timeout the request timeout used on the wire
     */
    public WireTimeoutTransport(HttpTransport delegate, Duration timeout) {
        this.delegate = delegate;
        this.timeout = timeout;
    }

    @Override
    public Exchange send(HttpCall call, Consumer<HttpAnswer> onAnswer) {
        return delegate.send(new HttpCall(call.method(), call.url(), call.accept(), call.contentType(), call.body(),
                timeout, call.maxBodyBytes(), call.mayBegin()), onAnswer);
    }

    @Override
    public String name() {
        return delegate.name() + " (request timeout " + timeout.toMillis() + " ms on the wire)";
    }
}
