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

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.standin.testing.LogCapture.Event;

import ch.qos.logback.classic.Level;

/**
 * Tests the shared pools of {@link ThreadPoolManager}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class ThreadPoolManagerTest {

    private static final String POOL_LOGGER = "org.openhab.core.internal.common.WrappedScheduledExecutorService";

    @Test
    void scheduledPoolRunsTasksOnNamedDaemonThreads() throws Exception {
        ScheduledExecutorService pool = ThreadPoolManager.getScheduledPool("standin-test");
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        pool.schedule(() -> thread.complete(Thread.currentThread()), 10, TimeUnit.MILLISECONDS);
        Thread worker = thread.get(5, TimeUnit.SECONDS);
        assertTrue(worker.getName().startsWith("OH-standin-test-"), worker.getName());
        assertTrue(worker.isDaemon());
        assertTrue(ThreadPoolManager.getPoolNames().contains("standin-test"));
    }

    @Test
    void sharedPoolsIgnoreShutdown() throws Exception {
        ScheduledExecutorService pool = ThreadPoolManager.getScheduledPool("standin-shutdown");
        pool.shutdown();
        assertTrue(pool.shutdownNow().isEmpty());
        assertFalse(pool.isShutdown());
        assertFalse(ThreadPoolManager.getScheduledPool("standin-shutdown").isShutdown());
        assertEquals("done", pool.submit(() -> "done").get(5, TimeUnit.SECONDS));
    }

    @Test
    void handedOutPoolIsAThreadPoolExecutorViewNamedAsInOpenhab() throws Exception {
        ScheduledExecutorService pool = ThreadPoolManager.getScheduledPool("standin-view");
        assertInstanceOf(ThreadPoolExecutor.class, pool);
        assertEquals("org.openhab.core.common.ThreadPoolManager$UnstoppableScheduledExecutorService",
                pool.getClass().getName());
        assertEquals("org.openhab.core.common.ThreadPoolManager$UnstoppableExecutorService",
                ThreadPoolManager.getPool("standin-view-plain").getClass().getName());
        ThreadPoolExecutor view = (ThreadPoolExecutor) pool;
        assertEquals(ThreadPoolManager.DEFAULT_THREAD_POOL_SIZE, view.getCorePoolSize());
        ScheduledFuture<?> later = pool.schedule(() -> {
        }, 1, TimeUnit.HOURS);
        assertEquals(1, view.getQueue().size(), "the view reports the shared pool's queue");
        later.cancel(false);
        assertEquals(0, view.getQueue().size());
    }

    @Test
    void shutdownOfASharedPoolIsLoggedAsABug() {
        ScheduledExecutorService pool = ThreadPoolManager.getScheduledPool("standin-shutdown-log");
        try (LogCapture log = LogCapture.start()) {
            pool.shutdown();
            pool.shutdownNow();
            List<Event> warnings = log.events(
                    "org.openhab.core.common.ThreadPoolManager$UnstoppableScheduledExecutorService", Level.WARN);
            assertEquals(List.of(
                    "shutdown() invoked on a shared thread pool 'standin-shutdown-log'. This is a bug, please submit a bug report",
                    "shutdownNow() invoked on a shared thread pool 'standin-shutdown-log'. This is a bug, please submit a bug report"),
                    warnings.stream().map(Event::message).toList());
            assertInstanceOf(IllegalStateException.class, warnings.getFirst().throwable());
        }
    }

    @Test
    void poolCreationIsLoggedAtDebug() {
        try (LogCapture log = LogCapture.start()) {
            ThreadPoolManager.getScheduledPool("standin-created");
            ThreadPoolManager.getScheduledPool("standin-created");
            ThreadPoolManager.getPool("standin-created-plain");
            assertEquals(
                    List.of("Created scheduled thread pool 'standin-created' of size 5",
                            "Created thread pool 'standin-created-plain' with size 5"),
                    log.events(ThreadPoolManager.class, Level.DEBUG).stream().map(Event::message).toList());
        }
    }

    @Test
    void exceptionOfAScheduledTaskIsLoggedAtWarn() throws Exception {
        ScheduledExecutorService pool = ThreadPoolManager.getScheduledPool("standin-failing");
        try (LogCapture log = LogCapture.start()) {
            IllegalStateException failure = new IllegalStateException("task failed");
            pool.execute(() -> {
                throw failure;
            });
            Event warning = awaitEvent(log, POOL_LOGGER, Level.WARN);
            assertEquals("Scheduled runnable ended with an exception: ", warning.message());
            assertSame(failure, warning.throwable());
        }
    }

    @Test
    void taskRunningLongerThanFiveSecondsIsLoggedAtDebug() throws Exception {
        ScheduledExecutorService pool = ThreadPoolManager.getScheduledPool("standin-slow");
        try (LogCapture log = LogCapture.start()) {
            pool.schedule(() -> {
                try {
                    Thread.sleep(5_100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, 0, TimeUnit.MILLISECONDS);
            Event debug = awaitEvent(log, POOL_LOGGER, Level.DEBUG);
            assertEquals("Scheduled task took more than PT5S; it was created here: ", debug.message());
            assertNotNull(debug.throwable(), "the stack of where the task was scheduled");
        }
    }

    private static Event awaitEvent(LogCapture log, String logger, Level level) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            List<Event> events = log.events(logger, level);
            if (!events.isEmpty()) {
                return events.getFirst();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + level + " event of " + logger);
    }

    @Test
    void poolQueuesTasksBeyondItsSize() throws Exception {
        ExecutorService pool = ThreadPoolManager.getPool("standin-queue");
        int tasks = ThreadPoolManager.DEFAULT_THREAD_POOL_SIZE * 3;
        CountDownLatch done = new CountDownLatch(tasks);
        for (int i = 0; i < tasks; i++) {
            pool.execute(done::countDown);
        }
        assertTrue(done.await(5, TimeUnit.SECONDS));
        pool.shutdown();
        assertFalse(pool.isShutdown());
    }

    @Test
    void scheduledAndPlainPoolsCannotShareAName() {
        ThreadPoolManager.getPool("standin-plain");
        assertThrows(IllegalArgumentException.class, () -> ThreadPoolManager.getScheduledPool("standin-plain"));
    }
}
