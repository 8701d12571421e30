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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.transport.HttpTransport.Exchange;
import org.slf4j.Logger;

/**
 * The future the {@link KasCloudClient} hands out for one request: it completes exactly once and normally, logs the
 * outcome at DEBUG first, and aborts the HTTP exchange when it is cancelled.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class PendingRequest extends CompletableFuture<KasResult> {

    final long id;
    final RequestKind kind;
    final UnaryOperator<String> redactor;
    private final Logger logger;
    /** The request line for the log (key masked), empty when DEBUG is off. */
    private final String logRequest;
    private final long startNanos = System.nanoTime();
    private final AtomicBoolean finishing = new AtomicBoolean();
    private volatile @Nullable Exchange exchange;

    PendingRequest(long id, RequestKind kind, UnaryOperator<String> redactor, Logger logger, String logRequest) {
        this.id = id;
        this.kind = kind;
        this.redactor = redactor;
        this.logger = logger;
        this.logRequest = logRequest;
    }

    /**
     * Connects the HTTP exchange; aborts it at once if the future was cancelled meanwhile.
     */
    void attach(Exchange started) {
        this.exchange = started;
        if (finishing.get() || isDone()) {
            started.abort();
        }
    }

    /**
     * Completes the future with {@link KasOutcome#CANCELLED} and aborts the exchange.
     *
     * @return whether this call completed the future
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return cancel("The request was cancelled.");
    }

    boolean cancel(String reason) {
        boolean completed = finish(KasResult.cancelled(reason));
        Exchange current = exchange;
        if (current != null) {
            current.abort();
        }
        return completed;
    }

    /**
     * Completes the future unless done already; the outcome is logged first, so that the log line comes before
     * anything the caller does with the result.
     *
     * @return whether this call completed the future
     */
    boolean finish(KasResult result) {
        if (!finishing.compareAndSet(false, true)) {
            return false;
        }
        if (logger.isDebugEnabled()) {
            logger.debug("KAS #{} {} -> {} ({}{} ms): {}", id, logRequest, result.outcome(),
                    result.httpStatus() > 0 ? "HTTP " + result.httpStatus() + ", " : "",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), result.message());
        }
        return complete(result);
    }
}
