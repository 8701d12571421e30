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
package org.openhab.addons.kas.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Samples the stacks of the threads of openHAB's shared {@code thingHandler} scheduler (named
 * {@code OH-thingHandler-<n>}, where {@code BaseThingHandler.scheduler} runs) every {@value #INTERVAL_MILLIS} ms and
 * sorts each observation: idle (waiting for a task), busy (running a task), and busy <em>in network code</em> (a
 * Jetty, {@code java.net}, NIO or TLS frame on the stack, or waiting for a future). A handler that blocks a scheduler
 * thread on the network shows up as network observations in state {@code WAITING}, {@code TIMED_WAITING} or
 * {@code BLOCKED} (or {@code RUNNABLE} inside a socket read).
 * <p>
 * Only the scheduler threads are asked for their stacks (a per-thread handshake, no global safepoint), so the
 * sampling hardly disturbs the measured threads.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class SchedulerWatch implements AutoCloseable {

    /** The name prefix of openHAB's thing handler scheduler threads. */
    public static final String THING_HANDLER_POOL_PREFIX = "OH-thingHandler-";

    static final long INTERVAL_MILLIS = 2;
    private static final int STACK_DEPTH = 48;
    private static final String[] NETWORK_CODE = { "org.eclipse.jetty.", "java.net.", "sun.nio.ch.", "sun.net.",
            "javax.net.ssl.", "sun.security.ssl.", "java.nio.channels." };

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String prefix;
    private final Thread sampler;
    private volatile boolean running = true;

    // written by the sampler thread only, read after close()
    private long samples;
    private long observations;
    private long busy;
    private long inNetworkCode;
    private long waitingOnNetwork;
    private int maxBusyAtOnce;
    private final Set<String> threadNames = new TreeSet<>();
    private @Nullable String firstNetworkWait;

    /**
     * Starts sampling the threads whose name starts with the prefix.
     *
     * @param prefix e.g. {@link #THING_HANDLER_POOL_PREFIX}
     */
    public SchedulerWatch(String prefix) {
        this.prefix = prefix;
        this.sampler = new Thread(this::run, "bench-scheduler-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void run() {
        long[] ids = findThreads();
        long lastLookup = System.nanoTime();
        while (running) {
            if (System.nanoTime() - lastLookup > 100_000_000L) {
                ids = findThreads(); // the pool starts threads on demand
                lastLookup = System.nanoTime();
            }
            if (ids.length > 0) {
                sample(threads.getThreadInfo(ids, STACK_DEPTH));
            }
            LockSupport.parkNanos(INTERVAL_MILLIS * 1_000_000L);
        }
    }

    private long[] findThreads() {
        List<Long> found = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                found.add(info.getThreadId());
            }
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }

    private void sample(@Nullable ThreadInfo[] infos) {
        samples++;
        int busyNow = 0;
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue; // ended
            }
            observations++;
            threadNames.add(info.getThreadName());
            StackTraceElement[] stack = info.getStackTrace();
            if (isIdle(stack)) {
                continue;
            }
            busy++;
            busyNow++;
            boolean network = false;
            boolean futureWait = false;
            for (StackTraceElement frame : stack) {
                String cls = frame.getClassName();
                for (String code : NETWORK_CODE) {
                    if (cls.startsWith(code)) {
                        network = true;
                        break;
                    }
                }
                if (cls.startsWith("java.util.concurrent.CompletableFuture") && (frame.getMethodName().equals("get")
                        || frame.getMethodName().equals("join") || frame.getMethodName().endsWith("Get"))) {
                    futureWait = true;
                }
            }
            if (network) {
                inNetworkCode++;
            }
            Thread.State state = info.getThreadState();
            boolean blockedState = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.BLOCKED;
            boolean socketRead = network && state == Thread.State.RUNNABLE && stack.length > 0
                    && (stack[0].getMethodName().contains("read") || stack[0].getMethodName().contains("poll")
                            || stack[0].getMethodName().contains("select"));
            if ((network && blockedState) || futureWait || socketRead) {
                waitingOnNetwork++;
                if (firstNetworkWait == null) {
                    firstNetworkWait = describe(info);
                }
            }
        }
        maxBusyAtOnce = Math.max(maxBusyAtOnce, busyNow);
    }

    /** A pool thread waiting for its next task. */
    private static boolean isIdle(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            String method = frame.getMethodName();
            if ((cls.endsWith("DelayedWorkQueue") && (method.equals("take") || method.equals("poll")))
                    || (cls.equals("java.util.concurrent.ThreadPoolExecutor") && method.equals("getTask"))) {
                return true;
            }
        }
        return false;
    }

    private static String describe(ThreadInfo info) {
        StringBuilder text = new StringBuilder(info.getThreadName()).append(' ').append(info.getThreadState());
        StackTraceElement[] stack = info.getStackTrace();
        for (int i = 0; i < Math.min(12, stack.length); i++) {
            text.append("\n    at ").append(stack[i]);
        }
        return text.toString();
    }

    /** Stops sampling and waits for the sampler. */
    @Override
    public void close() {
        running = false;
        try {
            sampler.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return the counts so far (call after {@link #close()})
     */
    public Summary summary() {
        return new Summary(samples, threadNames.size(), observations, busy, maxBusyAtOnce, inNetworkCode,
                waitingOnNetwork, firstNetworkWait);
    }

    /**
     * What the sampler saw.
     *
     * @param samples sampling rounds
     * @param threads distinct scheduler threads seen
     * @param observations thread states looked at (threads × rounds)
     * @param busy observations of a thread running a task
     * @param maxBusyAtOnce most threads running a task in one round
     * @param inNetworkCode busy observations with network code on the stack (e.g. sending asynchronously)
     * @param waitingOnNetwork observations of a thread waiting on the network or on a future
     * @param firstNetworkWait the stack of the first such observation, or null
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Summary(long samples, int threads, long observations, long busy, int maxBusyAtOnce,
            long inNetworkCode, long waitingOnNetwork, @Nullable String firstNetworkWait) {

        /**
         * @param other another summary
         * @return both added up (the larger maximum, the first stack found)
         */
        public Summary plus(Summary other) {
            String first = firstNetworkWait != null ? firstNetworkWait : other.firstNetworkWait;
            return new Summary(samples + other.samples, Math.max(threads, other.threads),
                    observations + other.observations, busy + other.busy, Math.max(maxBusyAtOnce, other.maxBusyAtOnce),
                    inNetworkCode + other.inNetworkCode, waitingOnNetwork + other.waitingOnNetwork, first);
        }
    }
}
