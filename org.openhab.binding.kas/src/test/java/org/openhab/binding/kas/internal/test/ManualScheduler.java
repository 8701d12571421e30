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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A scheduler whose one-shot tasks run only when the test moves time on: {@link #runDue()} runs what the
 * {@link ManualClock} has reached, {@link #advance(Duration)} moves the clock task by task and runs each task at its
 * due time. Tasks run on the thread of the test; {@code execute(..)} queues a task due at once (unless forbidden with
 * {@link #forbidExecute()}). Periodic scheduling is not supported: the add-on does not use it. Thread-safe.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final ManualClock clock;
    private final List<Task> tasks = new ArrayList<>();
    private volatile boolean shutdown;
    private volatile boolean cancelIgnored;
    private volatile boolean executeForbidden;

    /**
     * @param clock the clock that says which tasks are due
     */
    public ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    /**
     * Makes {@code execute(..)} throw from now on (for code that must not run work on the scheduler).
     */
    public void forbidExecute() {
        executeForbidden = true;
    }

    /**
     * Moves the clock on by the duration, running every task that becomes due on the way at its due time (the clock
     * shows that time while it runs), including tasks the running tasks schedule.
     *
     * @param duration how far to move
     * @return the number of tasks run
     */
    public int advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        int ran = runDue();
        while (true) {
            Instant next = nextDue();
            if (next == null || next.isAfter(target)) {
                break;
            }
            if (next.isAfter(clock.instant())) {
                clock.set(next);
            }
            ran += runDue();
        }
        clock.set(target);
        return ran + runDue();
    }

    /**
     * Makes {@code cancel} fail from now on, as it does for a task that has already begun to run on another thread.
     */
    public void ignoreCancel() {
        cancelIgnored = true;
    }

    /** Runs every task that is due, earliest first, including tasks that running tasks schedule. */
    public int runDue() {
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
    public int liveTasks() {
        synchronized (tasks) {
            return (int) tasks.stream().filter(t -> !t.isDone()).count();
        }
    }

    /** @return all tasks ever scheduled */
    public int scheduledTasks() {
        synchronized (tasks) {
            return tasks.size();
        }
    }

    /** @return the due time of the earliest live task, or {@code null} */
    public @Nullable Instant nextDue() {
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
        throw new UnsupportedOperationException("the add-on schedules Runnables only");
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
        if (executeForbidden) {
            throw new UnsupportedOperationException("this code must not run work on the scheduler");
        }
        schedule(command, 0, TimeUnit.NANOSECONDS);
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
