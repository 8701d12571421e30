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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.handler.KasAccountHandler;
import org.openhab.binding.kas.internal.handler.KasLockHandler;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * What every measurement runs on: the KAS cloud emulator on loopback with one account and its locks, one started
 * HTTP client of a {@link JettyLine} shared like openHAB's (with the add-on's transport of that line), one
 * {@link BenchCallback}, the account bridge (replaced with new settings by {@link #installAccount(AccountSetup)})
 * and the lock things with their handlers.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class Harness implements AutoCloseable {

    /** A fake KAS API key of the expected shape (three base64url parts); the emulator accepts it. */
    public static final String API_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJrYXMtYmVuY2htYXJrcyIsImlhdCI6MTc2NzIyNTYwMH0" + ".YmVuY2htYXJrcy1vbmx5LW5vdC1hLXJlYWwta2V5";

    static final ThingTypeUID ACCOUNT_TYPE = new ThingTypeUID("kas", "account");
    static final ThingTypeUID LOCK_TYPE = new ThingTypeUID("kas", "lock");
    /** The handlers' timers: openHAB's thing handler pool, as in production. */
    public static final ScheduledExecutorService TIMERS = ThreadPoolManager.getScheduledPool("thingHandler");

    /** connections per destination of the shared client: enough for 30 requests in flight */
    static final int MAX_CONNECTIONS_PER_DESTINATION = 64;

    /**
     * Settings of the account bridge.
     *
     * @param maxConcurrentRequests KAS calls in flight at most
     * @param maxQueuedRequests calls waiting at most
     * @param unlockMaxAge seconds an unlock may wait at most
     * @param requestTimeout seconds one request may take
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record AccountSetup(int maxConcurrentRequests, int maxQueuedRequests, int unlockMaxAge, int requestTimeout) {

        /** The defaults of {@code kas:account}. */
        public static final AccountSetup DEFAULTS = new AccountSetup(4, 100, 10, 10);

        @Override
        public String toString() {
            return "maxConcurrentRequests " + maxConcurrentRequests + ", maxQueuedRequests " + maxQueuedRequests
                    + ", unlockMaxAge " + unlockMaxAge + " s, requestTimeout " + requestTimeout + " s";
        }
    }

    final KasCloudEmulator emulator;
    final JettyLine line;
    final JettyLine.Client client;
    final BenchCallback callback = new BenchCallback();
    final Clock clock = Clock.systemUTC();
    final ThingUID bridgeUID = new ThingUID(ACCOUNT_TYPE, "bench");
    final int lockCount;
    final List<InMemoryThing> lockThings;
    final List<KasLockHandler> lockHandlers;
    private @Nullable KasAccountHandler account;
    private ChannelUID @Nullable [] unlockChannels;

    private Harness(KasCloudEmulator emulator, JettyLine line, JettyLine.Client client, int lockCount) {
        this.emulator = emulator;
        this.line = line;
        this.client = client;
        this.lockCount = lockCount;
        // sized up front so that growing them does not show in the heap figures
        this.lockThings = new ArrayList<>(lockCount);
        this.lockHandlers = new ArrayList<>(lockCount);
        callback.setChildren(lockHandlers);
    }

    /**
     * Starts the emulator (with the account and {@code lockCount} locks, admin, gateway online) and the HTTP client.
     *
     * @param line the Jetty line of the HTTP client and the add-on's transport
     * @param lockCount the number of locks
     * @return the harness; close it
     * @throws Exception if the HTTP client does not start
     */
    public static Harness start(JettyLine line, int lockCount) throws Exception {
        KasCloudEmulator emulator = KasCloudEmulator.start();
        emulator.addAccount(API_KEY);
        for (int i = 0; i < lockCount; i++) {
            emulator.addLock(factoryNumber(i), API_KEY, true, true);
        }
        JettyLine.Client client;
        try {
            client = line.start(MAX_CONNECTIONS_PER_DESTINATION);
        } catch (Exception e) {
            emulator.close();
            throw e;
        }
        return new Harness(emulator, line, client, lockCount);
    }

    /**
     * @param index 0..lockCount-1 (other values give numbers the emulator does not know)
     * @return the factory number of that lock, e.g. {@code SS100000}
     */
    public static String factoryNumber(int index) {
        return String.format(Locale.ROOT, "SS%06d", 100_000 + index);
    }

    /**
     * @param index the lock's position
     * @return the URL of the emulator's unlock endpoint for that lock, as the add-on calls it
     */
    public String unlockUrl(int index) {
        return emulator.baseUrl() + "/api/lockCommand/remoteUnlock/" + factoryNumber(index) + "/" + API_KEY;
    }

    /**
     * Replaces the account bridge: disposes the current handler (which cancels its queued and in-flight calls) and
     * initializes a new handler with these settings on a new bridge thing, then waits until it is ONLINE. The lock
     * handlers find it through the callback.
     *
     * @param setup the settings
     * @return the new account handler
     * @throws InterruptedException if interrupted
     * @throws TimeoutException if the account does not come ONLINE within 20 s
     */
    public KasAccountHandler installAccount(AccountSetup setup) throws InterruptedException, TimeoutException {
        KasAccountHandler old = account;
        if (old != null) {
            old.dispose();
            old.setCallback(null);
        }
        Map<String, Object> config = new HashMap<>();
        config.put("apiKey", API_KEY);
        config.put("baseUrl", emulator.baseUrl());
        config.put("maxConcurrentRequests", setup.maxConcurrentRequests());
        config.put("maxQueuedRequests", setup.maxQueuedRequests());
        config.put("unlockMaxAge", setup.unlockMaxAge());
        config.put("requestTimeout", setup.requestTimeout());
        InMemoryBridge bridge = new InMemoryBridge(bridgeUID, ACCOUNT_TYPE, new Configuration(config));
        KasAccountHandler handler = new KasAccountHandler(bridge, client.transport(), clock, TIMERS);
        bridge.setHandler(handler);
        callback.setBridge(bridge);
        handler.setCallback(callback);
        handler.initialize();
        await("account ONLINE (" + setup + ")", Duration.ofSeconds(20), () -> bridge.getStatus() == ThingStatus.ONLINE);
        account = handler;
        return handler;
    }

    /**
     * @param index the lock's position
     * @return a new lock thing (not in {@link #lockThings}) with only its factory number configured
     */
    public InMemoryThing newLockThing(int index) {
        Map<String, Object> config = new HashMap<>();
        config.put("factoryNumber", factoryNumber(index));
        return new InMemoryThing(new ThingUID(LOCK_TYPE, bridgeUID, "lock" + index), LOCK_TYPE, bridgeUID,
                new Configuration(config));
    }

    /**
     * Adds a lock thing for every lock of the emulator and initializes its handler (all ONLINE afterwards; install
     * an account first). For the runs that do not measure the heap, which does the same step by step.
     */
    public void addLocks() {
        for (int i = lockThings.size(); i < lockCount; i++) {
            InMemoryThing thing = newLockThing(i);
            lockThings.add(thing);
            lockHandlers.add(initializeLock(thing));
        }
    }

    /**
     * Creates, sets up and initializes the handler of a lock thing, like openHAB's thing manager.
     *
     * @param thing the lock thing
     * @return the initialized handler
     * @throws IllegalStateException if the lock is not ONLINE afterwards
     */
    public KasLockHandler initializeLock(Thing thing) {
        KasLockHandler handler = new KasLockHandler(thing, clock, TIMERS);
        thing.setHandler(handler);
        handler.setCallback(callback);
        handler.initialize();
        if (thing.getStatus() != ThingStatus.ONLINE) {
            throw new IllegalStateException("lock " + thing + " is " + thing.getStatusInfo() + " after initialize()");
        }
        return handler;
    }

    /**
     * Disposes a lock handler like openHAB's thing manager (dispose, then the callback is removed).
     *
     * @param thing the lock thing
     */
    public void disposeLock(Thing thing) {
        if (thing.getHandler() instanceof KasLockHandler handler) {
            handler.dispose();
            handler.setCallback(null);
            thing.setHandler(null);
        }
    }

    /**
     * @return the {@code unlock} channel of every lock (created on first use, after the heap measurement)
     */
    public ChannelUID[] unlockChannels() {
        ChannelUID[] channels = unlockChannels;
        if (channels == null) {
            channels = new ChannelUID[lockThings.size()];
            for (int i = 0; i < channels.length; i++) {
                channels[i] = new ChannelUID(lockThings.get(i).getUID(), "unlock");
            }
            unlockChannels = channels;
        }
        return channels;
    }

    /**
     * @return the account handler
     * @throws IllegalStateException before {@link #installAccount(AccountSetup)}
     */
    public KasAccountHandler account() {
        KasAccountHandler current = account;
        if (current == null) {
            throw new IllegalStateException("no account installed");
        }
        return current;
    }

    /**
     * Waits until the emulator has no call of the account in flight (e.g. delayed answers to aborted requests).
     *
     * @param timeout how long at most
     * @throws InterruptedException if interrupted
     * @throws TimeoutException if calls are still in flight then
     */
    public void awaitEmulatorIdle(Duration timeout) throws InterruptedException, TimeoutException {
        await("emulator idle", timeout, () -> emulator.inFlight(API_KEY) == 0);
    }

    /**
     * Polls a condition every 2 ms.
     *
     * @param what for the exception message
     * @param timeout how long at most
     * @param condition the condition
     * @throws InterruptedException if interrupted
     * @throws TimeoutException if it does not hold in time
     */
    public static void await(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(2);
        }
    }

    @Override
    public void close() {
        KasAccountHandler current = account;
        for (InMemoryThing thing : lockThings) {
            disposeLock(thing);
        }
        if (current != null) {
            current.dispose();
            current.setCallback(null);
        }
        client.close();
        emulator.close();
    }
}
