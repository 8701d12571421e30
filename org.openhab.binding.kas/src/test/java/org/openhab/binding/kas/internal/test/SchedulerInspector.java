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

import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.common.ThreadPoolManager;

/**
 * Looks into openHAB's shared scheduler of the thing handlers (the pool {@code thingHandler} of
 * {@link ThreadPoolManager}), to prove that disposed handlers leave no job behind. Cancelled jobs are removed from the
 * pool's queue at once (the pool removes on cancel), so what is still queued is still due to run.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SchedulerInspector extends ThreadPoolManager {

    /** The pool name {@code BaseThingHandler} uses. */
    public static final String THING_HANDLER_POOL = "thingHandler";

    private SchedulerInspector() {
    }

    /**
     * @param minDelay only jobs due later than this count
     * @param unit the unit of minDelay
     * @return the remaining delays (ms) of the jobs waiting in the thing handlers' scheduler that are due later than
     *         minDelay, e.g. a relock timer, a probe recheck or an expiry timer of the request gate
     */
    public static List<Long> pendingJobsDueLaterThan(long minDelay, TimeUnit unit) {
        ExecutorService pool = pools.get(THING_HANDLER_POOL);
        if (!(pool instanceof ScheduledThreadPoolExecutor scheduled)) {
            return List.of();
        }
        long threshold = unit.toMillis(minDelay);
        return scheduled.getQueue().stream().filter(Delayed.class::isInstance)
                .map(task -> ((Delayed) task).getDelay(TimeUnit.MILLISECONDS)).filter(delay -> delay > threshold)
                .toList();
    }
}
