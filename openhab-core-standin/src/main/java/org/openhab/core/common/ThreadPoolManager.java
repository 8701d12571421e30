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
package org.openhab.core.common;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in for openHAB's manager of named, shared thread pools.
 * <p>
 * Like openHAB it hands out shared pools (created on first use with {@value #DEFAULT_THREAD_POOL_SIZE} threads,
 * logged at DEBUG; daemon threads named {@code OH-<pool>-<n>} in the thread group of the thread that created the
 * pool), wrapped in a view that cannot shut them down: {@code shutdown()} and {@code shutdownNow()} on a handed out
 * pool only log a WARN with a stack trace. The view is, like openHAB's, a {@link ThreadPoolExecutor} of its own
 * (class names {@code ThreadPoolManager$UnstoppableExecutorService} and
 * {@code ThreadPoolManager$UnstoppableScheduledExecutorService}, also the names of the loggers of the warnings)
 * that passes tasks and the usual statistics to the shared pool; its other {@code ThreadPoolExecutor} methods act
 * on an idle executor of its own, as in openHAB.
 * <p>
 * The scheduled pools behave like openHAB's {@code WrappedScheduledExecutorService} and log to a logger of that
 * name: a task that throws is logged at WARN; while DEBUG is enabled for that logger, every task scheduled is timed
 * and one that runs longer than 5 seconds is logged at DEBUG with the stack of where it was scheduled.
 * <p>
 * Not like openHAB: pool sizes cannot be configured (openHAB reads them from the {@code org.openhab.threadpool}
 * configuration), and the plain pools of {@link #getPool(String)} are ordinary queueing thread pools rather than
 * openHAB's {@code QueueingThreadPoolExecutor}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@Component(configurationPid = ThreadPoolManager.CONFIGURATION_PID)
public class ThreadPoolManager {

    public static final String CONFIGURATION_PID = "org.openhab.threadpool";

    public static final String THREAD_POOL_NAME_COMMON = "common";

    protected static final int DEFAULT_THREAD_POOL_SIZE = 5;

    protected static final long THREAD_TIMEOUT = 65L;

    protected static final long THREAD_MONITOR_SLEEP = 60000;

    protected static Map<String, ExecutorService> pools = new ConcurrentHashMap<>();

    private static final Logger LOGGER = LoggerFactory.getLogger(ThreadPoolManager.class);

    /**
     * Returns the shared scheduled pool of the given name, creating it on first use.
     *
     * @param poolName the pool name
     * @return a view of the pool that ignores shutdown requests
     * @throws IllegalArgumentException if a plain pool has that name
     */
    public static ScheduledExecutorService getScheduledPool(String poolName) {
        ExecutorService pool = pools.computeIfAbsent(poolName, name -> {
            int size = getConfig(name);
            ScheduledThreadPoolExecutor executor = new TimedScheduledExecutor(size, new PoolThreadFactory(name));
            executor.setKeepAliveTime(THREAD_TIMEOUT, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            executor.setRemoveOnCancelPolicy(true);
            LOGGER.debug("Created scheduled thread pool '{}' of size {}", name, size);
            return executor;
        });
        if (pool instanceof ScheduledExecutorService scheduled) {
            return new UnstoppableScheduledExecutorService(poolName, scheduled);
        }
        throw new IllegalArgumentException("Pool " + poolName + " is not a scheduled pool!");
    }

    /**
     * Returns the shared (non-scheduled) pool of the given name, creating it on first use. Tasks beyond the pool
     * size are queued.
     *
     * @param poolName the pool name
     * @return a view of the pool that ignores shutdown requests
     */
    public static ExecutorService getPool(String poolName) {
        ExecutorService pool = pools.computeIfAbsent(poolName, name -> {
            int size = getConfig(name);
            ThreadPoolExecutor executor = new ThreadPoolExecutor(size, size, THREAD_TIMEOUT, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(), new PoolThreadFactory(name));
            executor.allowCoreThreadTimeOut(true);
            LOGGER.debug("Created thread pool '{}' with size {}", name, size);
            return executor;
        });
        return new UnstoppableExecutorService<>(poolName, pool);
    }

    protected static int getConfig(String poolName) {
        return DEFAULT_THREAD_POOL_SIZE;
    }

    public static Set<String> getPoolNames() {
        return new HashSet<>(pools.keySet());
    }

    /**
     * Names the threads of one pool {@code OH-<pool>-<n>}, puts them in the thread group of the thread that created
     * the factory and makes them daemons of normal priority.
     */
    private static final class PoolThreadFactory implements ThreadFactory {
        private final String prefix;
        private final ThreadGroup group;
        private final AtomicInteger counter = new AtomicInteger(1);

        PoolThreadFactory(String poolName) {
            this.prefix = "OH-" + poolName + "-";
            this.group = Thread.currentThread().getThreadGroup();
        }

        @Override
        public Thread newThread(@Nullable Runnable runnable) {
            Thread thread = new Thread(group, runnable, prefix + counter.getAndIncrement(), 0);
            if (!thread.isDaemon()) {
                thread.setDaemon(true);
            }
            if (thread.getPriority() != Thread.NORM_PRIORITY) {
                thread.setPriority(Thread.NORM_PRIORITY);
            }
            return thread;
        }
    }

    /**
     * A scheduled pool that logs what its tasks throw and, while DEBUG is on, times its tasks.
     */
    private static final class TimedScheduledExecutor extends ScheduledThreadPoolExecutor {

        /** the name of the logger of openHAB's scheduled pools */
        private static final Logger POOL_LOGGER = LoggerFactory
                .getLogger("org.openhab.core.internal.common.WrappedScheduledExecutorService");

        private static final Duration LONG_RUNNING = Duration.ofMillis(5000);

        private final Set<TimedTask> running;

        TimedScheduledExecutor(int size, ThreadFactory threadFactory) {
            super(size, threadFactory);
            running = ConcurrentHashMap.newKeySet(size);
        }

        @Override
        protected void afterExecute(@Nullable Runnable task, @Nullable Throwable thrown) {
            super.afterExecute(task, thrown);
            Throwable failure = thrown;
            // the future of a one-shot task (or of a periodic one that threw) holds what the task threw
            if (failure == null && task instanceof Future<?> future && future.isDone()) {
                try {
                    future.get();
                } catch (CancellationException e) {
                    // cancelled tasks are no failure
                } catch (ExecutionException e) {
                    failure = e.getCause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                POOL_LOGGER.warn("Scheduled runnable ended with an exception: ", failure);
            }
        }

        // execute(..) and submit(..) of ScheduledThreadPoolExecutor come through these as well

        @Override
        public ScheduledFuture<?> schedule(@Nullable Runnable command, long delay, @Nullable TimeUnit unit) {
            return super.schedule(timed(command), delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(@Nullable Callable<V> callable, long delay, @Nullable TimeUnit unit) {
            Callable<V> task = callable;
            if (POOL_LOGGER.isDebugEnabled()) {
                Callable<V> target = Objects.requireNonNull(callable);
                TimedTask timing = new TimedTask();
                task = () -> {
                    timing.started();
                    try {
                        return target.call();
                    } finally {
                        timing.ended();
                    }
                };
            }
            return super.schedule(task, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(@Nullable Runnable command, long initialDelay, long period,
                @Nullable TimeUnit unit) {
            return super.scheduleAtFixedRate(timed(command), initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(@Nullable Runnable command, long initialDelay, long delay,
                @Nullable TimeUnit unit) {
            return super.scheduleWithFixedDelay(timed(command), initialDelay, delay, unit);
        }

        private @Nullable Runnable timed(@Nullable Runnable command) {
            if (!POOL_LOGGER.isDebugEnabled()) {
                return command;
            }
            Runnable target = Objects.requireNonNull(command);
            TimedTask timing = new TimedTask();
            return () -> {
                timing.started();
                try {
                    target.run();
                } finally {
                    timing.ended();
                }
            };
        }

        @Override
        public void close() {
            running.forEach(task -> POOL_LOGGER
                    .debug("Scheduled task is still running during shutdown; it was created here: ", task.origin));
            running.clear();
            super.close();
        }

        /** logs the tasks that have run too long, and gives each of them another period before it is logged again */
        private synchronized void logLongRunningTasks() {
            Instant now = Instant.now();
            for (TimedTask task : running) {
                if (now.isAfter(task.deadline)) {
                    POOL_LOGGER.debug("Scheduled task is taking more than {}; it was created here: ", LONG_RUNNING,
                            task.origin);
                    task.extendDeadline();
                }
            }
        }

        /** the timing of one scheduled task: where it was scheduled and when it is overdue */
        private final class TimedTask {
            private final Exception origin = new Exception();
            private volatile Instant deadline = Instant.MAX;

            TimedTask() {
                logLongRunningTasks();
            }

            void started() {
                extendDeadline();
                logLongRunningTasks();
                running.add(this);
            }

            void ended() {
                if (Instant.now().isAfter(deadline)) {
                    POOL_LOGGER.debug("Scheduled task took more than {}; it was created here: ", LONG_RUNNING, origin);
                }
                running.remove(this);
            }

            void extendDeadline() {
                deadline = Instant.now().plus(LONG_RUNNING);
            }
        }
    }

    /**
     * A view of a shared pool whose shutdown methods only warn. Like openHAB's it is a {@link ThreadPoolExecutor}
     * itself (an idle one that never runs anything), passing tasks and statistics to the shared pool.
     */
    private static class UnstoppableExecutorService<P extends ExecutorService> extends ThreadPoolExecutor {
        private final Logger logger = LoggerFactory.getLogger(getClass());
        protected final P delegate;
        private final String poolName;

        UnstoppableExecutorService(String poolName, P delegate) {
            super(0, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1));
            this.poolName = poolName;
            this.delegate = delegate;
        }

        @Override
        public void shutdown() {
            logger.warn("shutdown() invoked on a shared thread pool '{}'. This is a bug, please submit a bug report",
                    poolName, new IllegalStateException());
        }

        @Override
        public List<Runnable> shutdownNow() {
            logger.warn("shutdownNow() invoked on a shared thread pool '{}'. This is a bug, please submit a bug report",
                    poolName, new IllegalStateException());
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, @Nullable TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }

        @Override
        public <T> Future<T> submit(@Nullable Callable<T> task) {
            return delegate.submit(task);
        }

        @Override
        public <T> Future<T> submit(@Nullable Runnable task, T result) {
            return delegate.submit(task, result);
        }

        @Override
        public Future<?> submit(@Nullable Runnable task) {
            return delegate.submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(@Nullable Collection<? extends Callable<T>> tasks)
                throws InterruptedException {
            return delegate.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(@Nullable Collection<? extends Callable<T>> tasks, long timeout,
                @Nullable TimeUnit unit) throws InterruptedException {
            return delegate.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(@Nullable Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return delegate.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(@Nullable Collection<? extends Callable<T>> tasks, long timeout, @Nullable TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return delegate.invokeAny(tasks, timeout, unit);
        }

        @Override
        public void execute(@Nullable Runnable command) {
            delegate.execute(command);
        }

        // the statistics openHAB passes on (for its metrics)

        @Override
        public long getCompletedTaskCount() {
            return ((ThreadPoolExecutor) delegate).getCompletedTaskCount();
        }

        @Override
        public int getActiveCount() {
            return ((ThreadPoolExecutor) delegate).getActiveCount();
        }

        @Override
        public int getMaximumPoolSize() {
            return ((ThreadPoolExecutor) delegate).getMaximumPoolSize();
        }

        @Override
        public int getCorePoolSize() {
            return ((ThreadPoolExecutor) delegate).getCorePoolSize();
        }

        @Override
        public int getPoolSize() {
            return ((ThreadPoolExecutor) delegate).getPoolSize();
        }

        /**
         * @return a queue of its own that only reports the shared pool's queue size and remaining capacity
         */
        @Override
        public BlockingQueue<Runnable> getQueue() {
            BlockingQueue<Runnable> shared = ((ThreadPoolExecutor) delegate).getQueue();
            return new ArrayBlockingQueue<>(1) {
                private static final long serialVersionUID = 1L;

                @Override
                public int size() {
                    return shared.size();
                }

                @Override
                public int remainingCapacity() {
                    return shared.remainingCapacity();
                }
            };
        }
    }

    /**
     * A view of a shared scheduled pool whose shutdown methods only warn.
     */
    private static final class UnstoppableScheduledExecutorService
            extends UnstoppableExecutorService<ScheduledExecutorService> implements ScheduledExecutorService {

        UnstoppableScheduledExecutorService(String poolName, ScheduledExecutorService delegate) {
            super(poolName, delegate);
        }

        @Override
        public ScheduledFuture<?> schedule(@Nullable Runnable command, long delay, @Nullable TimeUnit unit) {
            return delegate.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(@Nullable Callable<V> callable, long delay, @Nullable TimeUnit unit) {
            return delegate.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(@Nullable Runnable command, long initialDelay, long period,
                @Nullable TimeUnit unit) {
            return delegate.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(@Nullable Runnable command, long initialDelay, long delay,
                @Nullable TimeUnit unit) {
            return delegate.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }
    }
}
