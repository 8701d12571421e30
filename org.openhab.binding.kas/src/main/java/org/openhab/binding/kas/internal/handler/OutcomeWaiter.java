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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * Waits for the outcome of a request on behalf of a synchronous caller (a rule action, the console), but never longer
 * than a bound. The bound is a timer on the handlers' scheduler, so it follows the same clock as everything else; a
 * real-time limit twice as long only guards against a scheduler that no longer runs anything.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class OutcomeWaiter {

    private final ScheduledExecutorService scheduler;

    /**
     * @param scheduler runs the timer that ends the wait
     */
    OutcomeWaiter(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * @param future the request's outcome; it always completes normally
     * @param bound how long to wait at most
     * @return the outcome, {@link KasOutcome#TIMEOUT} when none came within the bound (the request goes on), or
     *         {@link KasOutcome#CANCELLED} when the waiting thread was interrupted
     */
    KasResult await(CompletableFuture<KasResult> future, Duration bound) {
        KasResult timedOut = KasResult.of(KasOutcome.TIMEOUT, "No outcome within " + bound.toSeconds()
                + " s; the request may still complete, see the last-result channel");
        CompletableFuture<KasResult> bounded = future.thenApply(result -> result);
        ScheduledFuture<?> timer = schedule(() -> bounded.complete(timedOut), bound);
        try {
            return bounded.get(bound.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return timedOut;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KasResult.of(KasOutcome.CANCELLED, "Interrupted while waiting for the outcome; the request may "
                    + "still complete, see the last-result channel");
        } catch (ExecutionException e) {
            // the handlers' futures always complete normally; this is a safety net
            return KasResult.of(KasOutcome.COMMUNICATION_ERROR, "The request failed unexpectedly");
        } finally {
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private @Nullable ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        try {
            return scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null; // shutting down: the real-time limit still ends the wait
        }
    }
}
