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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.ConnectionFailure;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * Whether the KAS cloud answers, for one session of an account bridge: the bridge's status (ONLINE or
 * OFFLINE/COMMUNICATION_ERROR) follows from it, never from the failure of one request.
 * <p>
 * A check is the key-less {@link KasCloudClient#probe()}: any HTTP answer means reachable. It runs when the session
 * starts ({@link #check()}), after a request failed in a way that may mean the cloud is gone
 * ({@link #checkAfterFailure()}, at most every {@link #MIN_CHECK_INTERVAL}: a failure sooner than that is checked when
 * the interval is over), and while the cloud does not answer, again
 * after a delay that doubles from {@link #FIRST_RECHECK_DELAY} up to {@link #MAX_RECHECK_DELAY}. A request that gets
 * an HTTP answer proves the cloud reachable at once ({@link #answered()}), also while a check is under way: a check
 * that fails after such an answer is ignored. Decisions and reports are made under one lock, so that they reach the
 * listener in the order they were made.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class CloudReachability {

    static final Duration FIRST_RECHECK_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_RECHECK_DELAY = Duration.ofMinutes(5);
    /** A failed request starts a check only when the last one began at least this long ago. */
    static final Duration MIN_CHECK_INTERVAL = Duration.ofSeconds(10);

    /**
     * What the checks find.
     *
     * @author KAS binding contributors - Initial contribution
     */
    interface Listener {
        /** The cloud answers. */
        void reachable();

        /**
         * The cloud does not answer.
         *
         * @param result the failed check
         * @param nextCheckIn when the next check runs
         */
        void unreachable(KasResult result, Duration nextCheckIn);
    }

    private final KasCloudClient client;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Listener listener;

    // guarded by this
    private boolean closed;
    private boolean checking;
    private @Nullable Instant lastCheck;
    private long answers;
    private @Nullable ScheduledFuture<?> recheck;
    private Duration recheckDelay = FIRST_RECHECK_DELAY;

    CloudReachability(KasCloudClient client, ScheduledExecutorService timers, Clock clock, Listener listener) {
        this.client = client;
        this.timers = timers;
        this.clock = clock;
        this.listener = listener;
    }

    /** Checks now, unless a check is under way. */
    void check() {
        long answersBefore;
        synchronized (this) {
            if (closed || checking) {
                return;
            }
            checking = true;
            lastCheck = clock.instant();
            answersBefore = answers;
        }
        // value is null when failure is not (never expected: the probe's future completes normally)
        client.probe().whenComplete((result, failure) -> onProbed(result, answersBefore));
    }

    /**
     * A request failed in a way that may mean the cloud is gone (time-out, connection failure, KAS 500 or 503): check
     * once, unless a check is under way or scheduled. When the last check began less than {@link #MIN_CHECK_INTERVAL}
     * ago, the check waits until that interval is over; an HTTP answer meanwhile ({@link #answered()}) makes it
     * unnecessary.
     */
    void checkAfterFailure() {
        synchronized (this) {
            if (closed || checking || recheck != null) {
                return;
            }
            Instant last = lastCheck;
            Instant now = clock.instant();
            if (last != null && now.isBefore(last.plus(MIN_CHECK_INTERVAL))) {
                scheduleRecheck(Duration.between(now, last.plus(MIN_CHECK_INTERVAL)));
                return;
            }
        }
        check();
    }

    /** A request got an HTTP answer: the cloud is reachable, no recheck is needed. */
    synchronized void answered() {
        if (closed) {
            return;
        }
        answers++;
        recheckDelay = FIRST_RECHECK_DELAY;
        cancelRecheck();
        listener.reachable();
    }

    /** Ends the checks; nothing is reported any more. */
    synchronized void close() {
        closed = true;
        cancelRecheck();
    }

    private void onProbed(@Nullable KasResult result, long answersBefore) {
        onChecked(result != null ? result
                : KasResult.connectionFailed(KasOutcome.COMMUNICATION_ERROR, ConnectionFailure.OTHER,
                        "The check of the cloud ended without a result.", 0),
                answersBefore);
    }

    private synchronized void onChecked(KasResult result, long answersBefore) {
        checking = false;
        if (closed) {
            return;
        }
        if (result.httpStatus() > 0 || answers != answersBefore) {
            // the check was answered, or a request was answered while it ran
            recheckDelay = FIRST_RECHECK_DELAY;
            cancelRecheck();
            listener.reachable();
            return;
        }
        Duration delay = recheckDelay;
        Duration next = delay.multipliedBy(2);
        recheckDelay = next.compareTo(MAX_RECHECK_DELAY) > 0 ? MAX_RECHECK_DELAY : next;
        cancelRecheck();
        scheduleRecheck(delay);
        listener.unreachable(result, delay);
    }

    /** Called with this locked. */
    private void scheduleRecheck(Duration delay) {
        try {
            recheck = timers.schedule(this::recheck, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            recheck = null; // shutting down
        }
    }

    private void recheck() {
        synchronized (this) {
            recheck = null;
        }
        check();
    }

    private void cancelRecheck() {
        ScheduledFuture<?> job = recheck;
        if (job != null) {
            job.cancel(false);
            recheck = null;
        }
    }
}
