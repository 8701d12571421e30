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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Tests the shared pools of {@link ThreadPoolManager}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class ThreadPoolManagerTest {

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
