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
package org.openhab.addons.kas.emulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * A stateful, in-process emulator of the KAS cloud API (remote unlock, PIN code, reachability probe) on a small
 * HTTP/1.1 server of its own, for integration tests, benchmarks and for trying rules without a real door: what it
 * answers is described in the {@linkplain org.openhab.addons.kas.emulator package documentation}. This class starts
 * and stops it, sets up its accounts and locks, adds {@link Fault}s and reads the journal.
 * <p>
 * All methods are thread-safe. Delays and held requests wait on virtual threads and hold no platform thread. The
 * emulator logs nothing above {@code DEBUG} (through {@link System.Logger}) and never logs API keys. The journal grows
 * with every request: long benchmark runs should call {@link #resetJournal()} now and then.
 *
 * @author KAS binding contributors - Initial contribution
 */
public final class KasCloudEmulator implements AutoCloseable {

    /** KAS: max calls in flight per account; more are answered like success but never executed. */
    public static final int QUEUE_LIMIT = 30;

    /** The API key of the demo account that {@link #main(String[])} sets up (a JWT-shaped, fake token). */
    public static final String DEMO_API_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJfaWQiOiJrYXMtY2xvdWQtZW11bGF0b3ItZGVtbyIsImlhdCI6MTc2NzIyNTYwMH0"
            + ".iILnsOAMcCp9_I-KVTs0fQ5LbF2_eFRNvMw3OhzNS7Q";

    /** The demo lock that {@link #main(String[])} sets up with its gateway online: unlock answers 200. */
    public static final String DEMO_LOCK_ONLINE = "SS000510";

    /** The demo lock that {@link #main(String[])} sets up with its gateway offline: unlock answers 504. */
    public static final String DEMO_LOCK_OFFLINE = "UL000777";

    /** The port {@link #main(String[])} listens on unless {@code --port} is given. */
    public static final int DEFAULT_PORT = 8080;

    /** The emulator most recently started by {@link #main(String[])}; lets tests stop it. */
    static volatile KasCloudEmulator lastLaunched;

    /** the parts of this emulator, running */
    private final EmulatorServer running;

    private KasCloudEmulator(EmulatorServer running) {
        this.running = running;
    }

    /**
     * Starts an emulator on {@code 127.0.0.1} on an ephemeral port.
     *
     * @return the started emulator (close it)
     */
    public static KasCloudEmulator start() {
        return start("127.0.0.1", 0);
    }

    /**
     * Starts an emulator.
     *
     * @param host a loopback host name or address, e.g. {@code 127.0.0.1}, {@code localhost} or {@code ::1}
     * @param port the port, {@code 0} for an ephemeral one
     * @return the started emulator (close it)
     * @throws IllegalArgumentException if the host is not a loopback address or the port is out of range
     * @throws IllegalStateException if the server cannot be started (e.g. port in use)
     */
    public static KasCloudEmulator start(String host, int port) {
        return new KasCloudEmulator(EmulatorServer.start(host, port));
    }

    /**
     * The base URL to configure in a client, e.g. {@code http://127.0.0.1:41234}, without trailing slash.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return running.baseUrl();
    }

    /**
     * The port the emulator listens on (still the same after {@link #close()}).
     *
     * @return the local port
     */
    public int port() {
        return running.port();
    }

    /**
     * Stops the server, frees the port and waits until it has stopped. Requests still waiting (delayed, or held by
     * {@link Fault#silent()} or {@link Fault#hold()}) have their connections closed without an answer, and so have
     * idle connections. Idempotent.
     */
    @Override
    public void close() {
        running.close();
    }

    /**
     * Waits until {@link #close()} has completed.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitClose() throws InterruptedException {
        running.awaitClose();
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return {@code true} once closing has begun
     */
    public boolean isClosed() {
        return running.isClosed();
    }

    // ---- state

    /**
     * Registers an account; requests with any other key are answered {@code 400 Invalid Token.}.
     *
     * @param apiKey the API key (any non-empty string)
     */
    public void addAccount(String apiKey) {
        running.state.addAccount(apiKey);
    }

    /**
     * Forgets an account: later requests with its key are answered {@code 400 Invalid Token.}. Its locks stay and work
     * again if the account is added again.
     *
     * @param apiKey the API key
     */
    public void removeAccount(String apiKey) {
        running.state.removeAccount(apiKey);
    }

    /**
     * Adds or replaces a lock.
     *
     * @param factoryNumber the factory number, e.g. {@code SS000510}
     * @param ownerApiKey the key of the account it is bound to (need not be registered yet)
     * @param admin whether that account is an admin of the lock
     * @param gatewayOnline whether the lock's gateway is online (if not, unlocks are answered 504)
     */
    public void addLock(String factoryNumber, String ownerApiKey, boolean admin, boolean gatewayOnline) {
        running.state.addLock(factoryNumber, ownerApiKey, admin, gatewayOnline);
    }

    /**
     * Changes whether the owning account is an admin of the lock.
     *
     * @param factoryNumber the factory number of an added lock
     * @param admin the new admin right
     * @throws IllegalArgumentException if there is no such lock
     */
    public void setAdmin(String factoryNumber, boolean admin) {
        running.state.setAdmin(factoryNumber, admin);
    }

    /**
     * Brings the lock's gateway online or offline.
     *
     * @param factoryNumber the factory number of an added lock
     * @param online whether the gateway is online
     * @throws IllegalArgumentException if there is no such lock
     */
    public void setGatewayOnline(String factoryNumber, boolean online) {
        running.state.setGatewayOnline(factoryNumber, online);
    }

    /**
     * Removes a lock; later requests for it are answered {@code 400 Lock is not found.}.
     *
     * @param factoryNumber the factory number
     */
    public void removeLock(String factoryNumber) {
        running.state.removeLock(factoryNumber);
    }

    /**
     * The PIN code the emulator answers for these inputs: deterministic, always 8 digits, zero-padded (so some codes
     * start with {@code 0}).
     *
     * @param factoryNumber the lock
     * @param mode the mode
     * @param duration the duration
     * @param startTime the start time (epoch seconds)
     * @return the 8-digit code
     */
    public static String pinFor(String factoryNumber, int mode, int duration, long startTime) {
        return BusinessLogic.pinFor(factoryNumber, mode, duration, startTime);
    }

    /**
     * Delays every answer (including {@code GET /} and 404s) by this much, on top of any fault delay; without holding
     * a platform thread. Applies to requests arriving afterwards.
     *
     * @param delay the delay, not negative; {@link Duration#ZERO} for none
     */
    public void setDefaultDelay(Duration delay) {
        running.dispatcher.setDefaultDelay(delay);
    }

    // ---- faults

    /**
     * Adds a fault after those already added (the first matching fault with budget left wins).
     *
     * @param fault the fault
     * @return the same fault, e.g. to read {@link Fault#hits()} later
     */
    public Fault addFault(Fault fault) {
        running.dispatcher.addFault(fault);
        return fault;
    }

    /**
     * Removes all faults. Requests already affected keep their fault (a request held by {@link Fault#silent()} or
     * {@link Fault#hold()} stays held, see {@link Fault#release()} and {@link #abortHeldRequests()}).
     */
    public void clearFaults() {
        running.dispatcher.clearFaults();
    }

    /**
     * Closes the connections of all requests currently held by a {@link Fault#silent()} or a {@link Fault#hold()}
     * fault (not yet released), without an answer, and releases their in-flight slots. (Added for test authors:
     * otherwise they end only when their client closes the connection, their fault is released or the emulator
     * closes.)
     *
     * @return how many requests were aborted
     */
    public int abortHeldRequests() {
        return running.dispatcher.abortHeld();
    }

    // ---- journal

    /**
     * Every request received since the start or the last {@link #resetJournal()}, in arrival order, with API keys
     * masked. A snapshot: the {@link JournalEntry#status()} of a request still being processed is {@code 0}. Requests
     * the server refused because they broke HTTP (malformed, oversized head) are not in it.
     *
     * @return an immutable list
     */
    public List<JournalEntry> requests() {
        return running.journal.requests();
    }

    /**
     * The unlocks that really reached a lock (accepted, not dropped), in execution order.
     *
     * @return an immutable list
     */
    public List<ExecutedUnlock> executedUnlocks() {
        return running.journal.executedUnlocks();
    }

    /**
     * The highest number of calls of this account that were in flight at once (including the arriving call, also
     * when it was dropped) since the start or the last {@link #resetJournal()}.
     *
     * @param apiKey the account's key
     * @return the peak, {@code 0} if the account never made a call
     */
    public int peakConcurrency(String apiKey) {
        return running.queue.peak(apiKey);
    }

    /**
     * How many calls of this account are in flight now: arrived (with this registered key) and not answered yet.
     *
     * @param apiKey the account's key
     * @return the number of calls
     */
    public int inFlight(String apiKey) {
        return running.queue.inFlight(apiKey);
    }

    /**
     * How many calls of this account arrived while {@link #QUEUE_LIMIT} calls were already in flight: answered
     * {@code 200 Door is unlocking…} (after the same delays) but never executed.
     *
     * @param apiKey the account's key
     * @return the number of dropped calls since the start or the last {@link #resetJournal()}
     */
    public int droppedCalls(String apiKey) {
        return running.queue.dropped(apiKey);
    }

    /**
     * Clears the journal, the executed unlocks, the dropped counts and the peaks (a peak restarts at the number of
     * calls in flight now). Accounts, locks, faults and in-flight counts are kept.
     */
    public void resetJournal() {
        running.journal.clear();
        running.queue.resetCounts();
    }

    /**
     * Waits until at least {@code count} requests have been received since the start or the last
     * {@link #resetJournal()}.
     *
     * @param count the number of requests
     * @param timeout how long to wait at most
     * @return {@code true} if that many requests arrived in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitRequests(int count, Duration timeout) throws InterruptedException {
        return running.journal.awaitRequests(count, timeout);
    }

    // ---- main

    /**
     * Runs the emulator as a program with a demo account and two demo locks until Ctrl-C / SIGTERM.
     * <p>
     * Options: {@code --port N} (default 8080, {@code 0} for an ephemeral port), {@code --host H} (default
     * {@code 127.0.0.1}, loopback only), {@code --help}.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        CommandLine.main(args);
    }

    /**
     * What {@link #main(String[])} does before it waits: parses the options, starts an emulator with the demo account
     * and locks, and prints the base URL, the key and the locks. Does not install a shutdown hook.
     *
     * @param args the command line ({@code --port N}, {@code --host H})
     * @param out where to print the startup message
     * @return the started emulator (close it)
     * @throws IllegalArgumentException for bad options
     * @throws IllegalStateException if the server cannot be started
     */
    public static KasCloudEmulator launch(String[] args, PrintStream out) {
        return CommandLine.launch(args, out);
    }
}
