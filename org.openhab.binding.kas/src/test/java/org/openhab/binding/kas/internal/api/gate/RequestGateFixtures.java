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
package org.openhab.binding.kas.internal.api.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;

/**
 * Deterministic fakes for the {@link RequestGate} tests: a settable clock, a scheduler that runs its tasks only when
 * told to, and calls that the test completes by hand.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class RequestGateFixtures {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private RequestGateFixtures() {
    }

    static KasResult accepted() {
        return KasResult.of(KasOutcome.ACCEPTED, "Door is unlocking", 200);
    }

    static KasResult gatewayTimeout() {
        return KasResult.of(KasOutcome.GATEWAY_TIMEOUT, "Gateway timeout", 504);
    }

    static KasResult serverError() {
        return KasResult.of(KasOutcome.SERVER_ERROR, "Unknown Error", 500);
    }

    /**
     * A clock the test sets; thread-safe.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        void advanceMillis(long millis) {
            advance(Duration.ofMillis(millis));
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(@Nullable ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * A scheduler whose one-shot tasks run only in {@link #runDue()}, when the {@link MutableClock} has reached their
     * due time. Only {@code schedule(Runnable, long, TimeUnit)} is supported: it is all the gate uses.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
        private final MutableClock clock;
        private final List<Task> tasks = new ArrayList<>();
        private volatile boolean shutdown;
        private volatile boolean cancelIgnored;

        ManualScheduler(MutableClock clock) {
            this.clock = clock;
        }

        /**
         * Makes {@code cancel} fail from now on, as it does for a task that has already begun to run on another thread.
         */
        void ignoreCancel() {
            cancelIgnored = true;
        }

        /** Runs every task that is due, earliest first, including tasks that running tasks schedule. */
        int runDue() {
            int ran = 0;
            while (true) {
                Task next = null;
                synchronized (tasks) {
                    Instant now = clock.instant();
                    for (Task task : tasks) {
                        if (!task.isDone() && !task.due.isAfter(now) && (next == null || task.due.isBefore(next.due))) {
                            next = task;
                        }
                    }
                }
                if (next == null) {
                    return ran;
                }
                next.run();
                ran++;
            }
        }

        /** @return tasks neither run nor cancelled */
        int liveTasks() {
            synchronized (tasks) {
                return (int) tasks.stream().filter(t -> !t.isDone()).count();
            }
        }

        /** @return all tasks ever scheduled */
        int scheduledTasks() {
            synchronized (tasks) {
                return tasks.size();
            }
        }

        /** @return the due time of the earliest live task, or {@code null} */
        @Nullable
        Instant nextDue() {
            synchronized (tasks) {
                Instant earliest = null;
                for (Task task : tasks) {
                    if (!task.isDone() && (earliest == null || task.due.isBefore(earliest))) {
                        earliest = task.due;
                    }
                }
                return earliest;
            }
        }

        @Override
        public ScheduledFuture<?> schedule(@Nullable Runnable command, long delay, @Nullable TimeUnit unit) {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(unit, "unit");
            if (shutdown) {
                throw new RejectedExecutionException("scheduler is shut down");
            }
            Task task = new Task(command, clock.instant().plus(Duration.ofNanos(unit.toNanos(Math.max(0, delay)))));
            synchronized (tasks) {
                tasks.add(task);
            }
            return task;
        }

        @Override
        public <V> ScheduledFuture<V> schedule(@Nullable Callable<V> callable, long delay, @Nullable TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(@Nullable Runnable command, long initialDelay, long period,
                @Nullable TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(@Nullable Runnable command, long initialDelay, long delay,
                @Nullable TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void execute(@Nullable Runnable command) {
            throw new UnsupportedOperationException("the gate must not run work on the scheduler");
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        @NonNullByDefault({})
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, @Nullable TimeUnit unit) {
            return shutdown;
        }

        /**
         * One scheduled task.
         *
         * @author KAS binding contributors - Initial contribution
         */
        @NonNullByDefault({})
        final class Task implements ScheduledFuture<Object> {
            final Runnable command;
            final Instant due;
            private boolean ran;
            private boolean cancelled;

            Task(Runnable command, Instant due) {
                this.command = command;
                this.due = due;
            }

            void run() {
                synchronized (this) {
                    if (ran || cancelled) {
                        return;
                    }
                    ran = true;
                }
                command.run();
            }

            @Override
            public long getDelay(@Nullable TimeUnit unit) {
                return TimeUnit.NANOSECONDS.convert(Duration.between(clock.instant(), due).toNanos(),
                        unit == null ? TimeUnit.NANOSECONDS : unit);
            }

            @Override
            public int compareTo(@Nullable Delayed other) {
                return other == null ? 1
                        : Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
            }

            @Override
            public synchronized boolean cancel(boolean mayInterruptIfRunning) {
                if (ran || cancelled || cancelIgnored) {
                    return false;
                }
                cancelled = true;
                return true;
            }

            @Override
            public synchronized boolean isCancelled() {
                return cancelled;
            }

            @Override
            public synchronized boolean isDone() {
                return ran || cancelled;
            }

            @Override
            public @Nullable Object get() {
                if (isCancelled()) {
                    throw new CancellationException();
                }
                return null;
            }

            @Override
            public @Nullable Object get(long timeout, @Nullable TimeUnit unit) {
                return get();
            }
        }
    }

    /**
     * The call of one submission: every invocation returns a new future that the test completes by hand, and records
     * the clock at invocation.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class FakeCall implements Supplier<CompletableFuture<KasResult>> {
        private final Clock clock;
        private final List<CompletableFuture<KasResult>> futures = new ArrayList<>();
        private final List<Instant> startTimes = new ArrayList<>();

        FakeCall(Clock clock) {
            this.clock = clock;
        }

        @Override
        public synchronized CompletableFuture<KasResult> get() {
            CompletableFuture<KasResult> future = new CompletableFuture<>();
            futures.add(future);
            startTimes.add(clock.instant());
            return future;
        }

        synchronized int invocations() {
            return futures.size();
        }

        synchronized CompletableFuture<KasResult> future(int index) {
            return futures.get(index);
        }

        synchronized CompletableFuture<KasResult> last() {
            return futures.get(futures.size() - 1);
        }

        synchronized Instant startTime(int index) {
            return startTimes.get(index);
        }

        /** Completes the latest invocation. */
        void complete(KasResult result) {
            last().complete(result);
        }
    }
}
