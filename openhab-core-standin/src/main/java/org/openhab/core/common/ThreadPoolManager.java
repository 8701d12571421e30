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

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Like openHAB it hands out shared pools (created on first use, {@value #DEFAULT_THREAD_POOL_SIZE} threads unless
 * configured otherwise, daemon threads named {@code OH-<pool>-<n>}) wrapped so that callers cannot shut them down:
 * {@code shutdown()} and {@code shutdownNow()} on a handed out pool only log a warning. Exceptions thrown by
 * scheduled tasks are logged. Pool sizes cannot be configured in the stand-in.
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
     */
    public static ScheduledExecutorService getScheduledPool(String poolName) {
        ExecutorService pool = pools.computeIfAbsent(poolName, name -> {
            ScheduledThreadPoolExecutor executor = new LoggingScheduledExecutor(getConfig(name), name);
            executor.setKeepAliveTime(THREAD_TIMEOUT, TimeUnit.SECONDS);
            executor.allowCoreThreadTimeOut(true);
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        });
        if (pool instanceof ScheduledExecutorService scheduled) {
            return new SharedScheduledPool(poolName, scheduled);
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
            return executor;
        });
        return new SharedPool<>(poolName, pool);
    }

    protected static int getConfig(String poolName) {
        return DEFAULT_THREAD_POOL_SIZE;
    }

    public static Set<String> getPoolNames() {
        return new HashSet<>(pools.keySet());
    }

    /**
     * Names the threads of one pool {@code OH-<pool>-<n>} and makes them daemons.
     */
    private static final class PoolThreadFactory implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger counter = new AtomicInteger(1);

        PoolThreadFactory(String poolName) {
            this.prefix = "OH-" + poolName + "-";
        }

        @Override
        public Thread newThread(@Nullable Runnable runnable) {
            Thread thread = new Thread(runnable, prefix + counter.getAndIncrement());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY);
            return thread;
        }
    }

    /**
     * A scheduled pool that logs what its tasks throw.
     */
    private static final class LoggingScheduledExecutor extends ScheduledThreadPoolExecutor {

        LoggingScheduledExecutor(int size, String poolName) {
            super(size, new PoolThreadFactory(poolName));
        }

        @Override
        protected void afterExecute(@Nullable Runnable task, @Nullable Throwable thrown) {
            super.afterExecute(task, thrown);
            Throwable failure = thrown;
            // a finished one-shot task (or a periodic one that threw) keeps its failure in the future
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
                LOGGER.warn("Scheduled runnable ended with an exception: ", failure);
            }
        }
    }

    /**
     * A view of a shared pool whose shutdown methods only warn.
     */
    private static class SharedPool<P extends ExecutorService> implements ExecutorService {
        protected final P delegate;
        private final String poolName;

        SharedPool(String poolName, P delegate) {
            this.poolName = poolName;
            this.delegate = delegate;
        }

        @Override
        public void shutdown() {
            LOGGER.warn("shutdown() invoked on a shared thread pool '{}'. This is a bug, please submit a bug report",
                    poolName, new IllegalStateException());
        }

        @Override
        public List<Runnable> shutdownNow() {
            LOGGER.warn("shutdownNow() invoked on a shared thread pool '{}'. This is a bug, please submit a bug report",
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
    }

    /**
     * A view of a shared scheduled pool whose shutdown methods only warn.
     */
    private static final class SharedScheduledPool extends SharedPool<ScheduledExecutorService>
            implements ScheduledExecutorService {

        SharedScheduledPool(String poolName, ScheduledExecutorService delegate) {
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
