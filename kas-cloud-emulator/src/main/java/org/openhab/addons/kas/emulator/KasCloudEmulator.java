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
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.log.Log;
import org.eclipse.jetty.util.log.StdErrLog;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A stateful, in-process emulator of the KAS cloud API (remote unlock, PIN code, reachability probe) on an embedded
 * Jetty server, for integration tests, benchmarks and for trying rules without a real door.
 * <ul>
 * <li>Routing: {@code GET /api/lockCommand/remoteUnlock/{factoryNumber}/{apiKey}} ({@link Endpoint#UNLOCK}),
 * {@code POST /api/lockCommand/pinCode/{factoryNumber}} with {@code {"mode","duration","startTime","apiKey"}}
 * ({@link Endpoint#PIN_CODE}), {@code GET /} answers {@code 200 KAS cloud emulator} ({@link Endpoint#ROOT}), anything
 * else {@code 404} ({@link Endpoint#OTHER}).</li>
 * <li>State: accounts (API keys) and locks (owner, admin right, gateway online), set up with {@link #addAccount} and
 * {@link #addLock}. Answers follow the KAS business order: unknown key ({@code 400 Invalid Token.}), then unknown or
 * foreign lock ({@code 400 Lock is not found.}), then missing admin right ({@code 400 You are not the admin.}), then
 * (unlock only) offline gateway ({@code 504} JSON); PIN parameters are checked before all that ({@code 400 Invalid
 * parameters.}). The state is read when the answer is made, i.e. after any delay.</li>
 * <li>Queue limit: like KAS, an account has at most {@link #QUEUE_LIMIT} calls (unlock and PIN, with a registered key)
 * in flight, counted from arrival until the answer is written. A call arriving while that many are in flight is
 * dropped: it is answered {@code 200 Door is unlocking…} (after the same delays) but never executed, and counted in
 * {@link #droppedCalls}. A dropped call is itself in flight until answered.</li>
 * <li>Faults ({@link Fault}) script misbehaviour; they are matched after routing and the queue accounting, before
 * the business logic.</li>
 * <li>Journal: every request, with API keys masked as {@code ***}; {@link #executedUnlocks()} lists the unlocks that
 * reached a lock.</li>
 * </ul>
 * All methods are thread-safe. Delays and held requests do not block server threads. The emulator logs nothing above
 * {@code DEBUG} (through {@link System.Logger}) and never logs API keys. The journal grows with every request: long
 * benchmark runs should call {@link #resetJournal()} now and then.
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

    static final String UNLOCKING = "Door is unlocking\u2026";
    static final String NOT_ADMIN = "You are not the admin.";
    static final String INVALID_TOKEN = "Invalid Token.";
    static final String LOCK_NOT_FOUND = "Lock is not found.";
    static final String INVALID_PARAMETERS = "Invalid parameters.";
    static final String UNKNOWN_ERROR = "Unknown Error";
    static final String ROOT_TEXT = "KAS cloud emulator";
    static final String GATEWAY_TIMEOUT_MESSAGE = "Gateway timeout. You should retry the request again now.";

    private static final String JETTY_ANNOUNCE = "org.eclipse.jetty.util.log.announce";
    private static final System.Logger LOGGER = System.getLogger(KasCloudEmulator.class.getName());
    private static final int MAX_THREADS = 400;
    private static final int MIN_THREADS = 8;
    private static final long IDLE_TIMEOUT_MS = TimeUnit.HOURS.toMillis(1);
    private static final int ACCEPT_QUEUE_SIZE = 1024;
    /** keys shorter than this are only masked where they are known to be (path segment, apiKey member) */
    private static final int MIN_KEY_LENGTH_TO_MASK_ANYWHERE = 4;

    /**
     * A lock as the emulated cloud knows it.
     *
     * @param ownerApiKey the key of the account it is bound to
     * @param admin whether that account is an admin of the lock
     * @param gatewayOnline whether its gateway is online
     *
     * @author KAS binding contributors - Initial contribution
     */
    record LockState(String ownerApiKey, boolean admin, boolean gatewayOnline) {
    }

    /**
     * Queue accounting of one account.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class AccountStats {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicInteger dropped = new AtomicInteger();
    }

    private final String host;
    private final Server server;
    private final ServerConnector connector;
    private final ScheduledThreadPoolExecutor scheduler;
    private final Set<String> accounts = ConcurrentHashMap.newKeySet();
    /** every key ever registered or named as a lock owner: masked wherever it appears in the journal */
    private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();
    private final Map<String, LockState> locks = new ConcurrentHashMap<>();
    private final Map<String, AccountStats> stats = new ConcurrentHashMap<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Set<Exchange> openExchanges = ConcurrentHashMap.newKeySet();
    private final Object journalLock = new Object();
    private final List<Exchange.JournalSlot> journal = new ArrayList<>();
    private final List<ExecutedUnlock> executed = new ArrayList<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private volatile int port = -1;
    private volatile Duration defaultDelay = Duration.ZERO;

    private KasCloudEmulator(String host, int port) {
        this.host = host;
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        pool.setName("kas-cloud-emulator");
        pool.setDaemon(true);
        server = new Server(pool);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
        server.addConnector(connector);
        server.setHandler(new EmulatorHandler(this));
        server.setStopTimeout(0);
        scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "kas-cloud-emulator-delays");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
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
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("the KAS cloud emulator only listens on loopback, not on " + host);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
        quietJettyLogging();
        KasCloudEmulator emulator = new KasCloudEmulator(host, port);
        try {
            emulator.server.start();
            emulator.port = emulator.connector.getLocalPort();
        } catch (Exception e) {
            emulator.close();
            throw new IllegalStateException("cannot start the KAS cloud emulator on " + host + ":" + port + ": " + e,
                    e);
        }
        LOGGER.log(Level.DEBUG, "KAS cloud emulator started at {0}", emulator.baseUrl());
        return emulator;
    }

    /**
     * The base URL to configure in a client, e.g. {@code http://127.0.0.1:41234}, without trailing slash.
     *
     * @return the base URL
     */
    public String baseUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port();
    }

    /**
     * The port the emulator listens on (still the same after {@link #close()}).
     *
     * @return the local port
     */
    public int port() {
        return port;
    }

    /**
     * Stops the server and waits until it has stopped. Requests still waiting (delayed or held by
     * {@link Fault#silent()}) have their connections closed without an answer. Idempotent.
     */
    @Override
    public void close() {
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            scheduler.shutdownNow();
            for (Exchange exchange : List.copyOf(openExchanges)) {
                exchange.abandon();
            }
            try {
                server.stop();
                server.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOGGER.log(Level.DEBUG, "stopping the KAS cloud emulator failed: {0}", e.toString());
            }
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closedLatch.countDown();
            LOGGER.log(Level.DEBUG, "KAS cloud emulator stopped");
        }
    }

    /**
     * Waits until {@link #close()} has completed.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitClose() throws InterruptedException {
        closedLatch.await();
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return {@code true} once closing has begun
     */
    public boolean isClosed() {
        return closed;
    }

    // ---- state

    /**
     * Registers an account; requests with any other key are answered {@code 400 Invalid Token.}.
     *
     * @param apiKey the API key (any non-empty string)
     */
    public void addAccount(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isEmpty()) {
            throw new IllegalArgumentException("apiKey must not be empty");
        }
        accounts.add(apiKey);
        knownKeys.add(apiKey);
    }

    /**
     * Forgets an account: later requests with its key are answered {@code 400 Invalid Token.}. Its locks stay and work
     * again if the account is added again.
     *
     * @param apiKey the API key
     */
    public void removeAccount(String apiKey) {
        accounts.remove(Objects.requireNonNull(apiKey, "apiKey"));
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
        Objects.requireNonNull(factoryNumber, "factoryNumber");
        Objects.requireNonNull(ownerApiKey, "ownerApiKey");
        knownKeys.add(ownerApiKey);
        locks.put(factoryNumber, new LockState(ownerApiKey, admin, gatewayOnline));
    }

    /**
     * Changes whether the owning account is an admin of the lock.
     *
     * @param factoryNumber the factory number of an added lock
     * @param admin the new admin right
     * @throws IllegalArgumentException if there is no such lock
     */
    public void setAdmin(String factoryNumber, boolean admin) {
        update(factoryNumber, lock -> new LockState(lock.ownerApiKey(), admin, lock.gatewayOnline()));
    }

    /**
     * Brings the lock's gateway online or offline.
     *
     * @param factoryNumber the factory number of an added lock
     * @param online whether the gateway is online
     * @throws IllegalArgumentException if there is no such lock
     */
    public void setGatewayOnline(String factoryNumber, boolean online) {
        update(factoryNumber, lock -> new LockState(lock.ownerApiKey(), lock.admin(), online));
    }

    /**
     * Removes a lock; later requests for it are answered {@code 400 Lock is not found.}.
     *
     * @param factoryNumber the factory number
     */
    public void removeLock(String factoryNumber) {
        locks.remove(Objects.requireNonNull(factoryNumber, "factoryNumber"));
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
        Objects.requireNonNull(factoryNumber, "factoryNumber");
        String input = factoryNumber + '|' + mode + '|' + duration + '|' + startTime;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            long value = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong() & Long.MAX_VALUE;
            return String.format(Locale.ROOT, "%08d", value % 100_000_000L);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Delays every answer (including {@code GET /} and 404s) by this much, on top of any fault delay; without blocking
     * server threads. Applies to requests arriving afterwards.
     *
     * @param delay the delay, not negative; {@link Duration#ZERO} for none
     */
    public void setDefaultDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        this.defaultDelay = delay;
    }

    // ---- faults

    /**
     * Adds a fault after those already added (the first matching fault with budget left wins).
     *
     * @param fault the fault
     * @return the same fault, e.g. to read {@link Fault#hits()} later
     */
    public Fault addFault(Fault fault) {
        faults.add(Objects.requireNonNull(fault, "fault"));
        return fault;
    }

    /**
     * Removes all faults. Requests already affected keep their fault (a held {@link Fault#silent()} request stays
     * held, see {@link #abortHeldRequests()}).
     */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Closes the connections of all requests currently held by a {@link Fault#silent()} fault, without an answer,
     * and releases their in-flight slots. (Added for test authors: otherwise they end only when their client closes
     * the connection or the emulator closes.)
     *
     * @return how many requests were released
     */
    public int abortHeldRequests() {
        int count = 0;
        for (Exchange exchange : List.copyOf(openExchanges)) {
            if (exchange.isHeld()) {
                exchange.abandon();
                count++;
            }
        }
        return count;
    }

    // ---- journal

    /**
     * Every request received since the start or the last {@link #resetJournal()}, in arrival order, with API keys
     * masked. A snapshot: the {@link JournalEntry#status()} of a request still being processed is {@code 0}.
     *
     * @return an immutable list
     */
    public List<JournalEntry> requests() {
        synchronized (journalLock) {
            return journal.stream().map(Exchange.JournalSlot::toEntry).toList();
        }
    }

    /**
     * The unlocks that really reached a lock (accepted, not dropped), in execution order.
     *
     * @return an immutable list
     */
    public List<ExecutedUnlock> executedUnlocks() {
        synchronized (journalLock) {
            return List.copyOf(executed);
        }
    }

    /**
     * The highest number of calls of this account that were in flight at once (including the arriving call, also
     * when it was dropped) since the start or the last {@link #resetJournal()}.
     *
     * @param apiKey the account's key
     * @return the peak, {@code 0} if the account never made a call
     */
    public int peakConcurrency(String apiKey) {
        AccountStats s = stats.get(apiKey);
        return s == null ? 0 : s.peak.get();
    }

    /**
     * How many calls of this account are in flight now: arrived (with this registered key) and not answered yet.
     *
     * @param apiKey the account's key
     * @return the number of calls
     */
    public int inFlight(String apiKey) {
        AccountStats s = stats.get(apiKey);
        return s == null ? 0 : s.inFlight.get();
    }

    /**
     * How many calls of this account arrived while {@link #QUEUE_LIMIT} calls were already in flight: answered
     * {@code 200 Door is unlocking…} but never executed.
     *
     * @param apiKey the account's key
     * @return the number of dropped calls since the start or the last {@link #resetJournal()}
     */
    public int droppedCalls(String apiKey) {
        AccountStats s = stats.get(apiKey);
        return s == null ? 0 : s.dropped.get();
    }

    /**
     * Clears the journal, the executed unlocks, the dropped counts and the peaks (a peak restarts at the number of
     * calls in flight now). Accounts, locks, faults and in-flight counts are kept.
     */
    public void resetJournal() {
        synchronized (journalLock) {
            journal.clear();
            executed.clear();
        }
        for (AccountStats s : stats.values()) {
            s.dropped.set(0);
            s.peak.set(s.inFlight.get());
        }
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
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (journalLock) {
            while (journal.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(journalLock, left);
            }
            return true;
        }
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
        // Jetty 9.4 logs INFO lines to stderr when no SLF4J binding is present; this program logs nothing by default
        if (System.getProperty("org.eclipse.jetty.LEVEL") == null) {
            System.setProperty("org.eclipse.jetty.LEVEL", "WARN");
            System.setProperty(JETTY_ANNOUNCE, "false");
        }
        for (String arg : args) {
            if ("--help".equals(arg) || "-h".equals(arg)) {
                System.out.println(usage());
                return;
            }
        }
        KasCloudEmulator emulator;
        try {
            emulator = launch(args, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("kas-cloud-emulator: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        lastLaunched = emulator;
        Thread hook = new Thread(() -> {
            emulator.close();
            System.out.println("KAS cloud emulator stopped.");
        }, "kas-cloud-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            emulator.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emulator.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running
        }
    }

    /** The emulator most recently started by {@link #main(String[])}; lets tests stop it. */
    static volatile KasCloudEmulator lastLaunched;

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
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            String name;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg;
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                value = args[++i];
            }
            switch (name) {
                case "--port", "-p" -> {
                    try {
                        port = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a port number: " + value);
                    }
                }
                case "--host" -> host = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        KasCloudEmulator emulator = start(host, port);
        emulator.addAccount(DEMO_API_KEY);
        emulator.addLock(DEMO_LOCK_ONLINE, DEMO_API_KEY, true, true);
        emulator.addLock(DEMO_LOCK_OFFLINE, DEMO_API_KEY, true, false);
        String url = emulator.baseUrl();
        out.println("KAS cloud emulator running at " + url);
        out.println("  API key:  " + DEMO_API_KEY);
        out.println("  Locks:    " + DEMO_LOCK_ONLINE
                + "  admin, gateway online  -> unlock answers 200 (Door is unlocking)");
        out.println("            " + DEMO_LOCK_OFFLINE
                + "  admin, gateway offline -> unlock answers 504 (gateway timeout)");
        out.println(
                "  Try:      curl " + url + "/api/lockCommand/remoteUnlock/" + DEMO_LOCK_ONLINE + "/" + DEMO_API_KEY);
        out.println("  openHAB:  kas:account bridge with baseUrl=" + url + " and apiKey=<the key above>");
        out.println("Press Ctrl-C to stop.");
        out.flush();
        return emulator;
    }

    private static String usage() {
        return "usage: java -jar kas-cloud-emulator-standalone.jar [--port N] [--host 127.0.0.1]\n"
                + "  --port N   port to listen on (default " + DEFAULT_PORT + ", 0 = any free port)\n"
                + "  --host H   loopback address to listen on (default 127.0.0.1)";
    }

    /**
     * Without an SLF4J binding, Jetty 9.4 prints INFO lines to stderr when a server starts and stops. The emulator
     * logs nothing by default, so unless Jetty's logging was configured, those two loggers are set to WARN (and the
     * one-time "Logging initialized" line is switched off).
     */
    private static void quietJettyLogging() {
        if (System.getProperty(JETTY_ANNOUNCE) == null) {
            System.setProperty(JETTY_ANNOUNCE, "false");
        }
        boolean configured = Log.getProperties().stringPropertyNames().stream().anyMatch(k -> k.endsWith(".LEVEL"));
        if (configured) {
            return;
        }
        for (Class<?> type : List.of(Server.class, AbstractConnector.class)) {
            if (Log.getLogger(type) instanceof StdErrLog stdErrLog && stdErrLog.getLevel() == StdErrLog.LEVEL_INFO) {
                stdErrLog.setLevel(StdErrLog.LEVEL_WARN);
            }
        }
    }

    // ---- used by the handler

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Duration defaultDelay() {
        return defaultDelay;
    }

    boolean hasAccount(String apiKey) {
        return apiKey != null && accounts.contains(apiKey);
    }

    LockState lock(String factoryNumber) {
        return factoryNumber == null ? null : locks.get(factoryNumber);
    }

    /** The queue accounting of a registered account, created on first use. */
    AccountStats statsFor(String apiKey) {
        return stats.computeIfAbsent(apiKey, k -> new AccountStats());
    }

    Fault claimFault(Endpoint endpoint, String factoryNumber) {
        for (Fault fault : faults) {
            if (fault.tryClaim(endpoint, factoryNumber)) {
                return fault;
            }
        }
        return null;
    }

    void record(Exchange.JournalSlot slot) {
        synchronized (journalLock) {
            journal.add(slot);
            journalLock.notifyAll();
        }
    }

    void recordExecuted(ExecutedUnlock unlock) {
        synchronized (journalLock) {
            executed.add(unlock);
        }
    }

    void opened(Exchange exchange) {
        openExchanges.add(exchange);
    }

    void finished(Exchange exchange) {
        openExchanges.remove(exchange);
    }

    /** Replaces every key ever registered (long enough to be unambiguous) in the text by {@code ***}. */
    String maskKnownKeys(String text) {
        String masked = text;
        for (String key : knownKeys) {
            if (key.length() >= MIN_KEY_LENGTH_TO_MASK_ANYWHERE && masked.contains(key)) {
                masked = masked.replace(key, Route.MASK);
            }
        }
        return masked;
    }

    private void update(String factoryNumber, java.util.function.UnaryOperator<LockState> change) {
        Objects.requireNonNull(factoryNumber, "factoryNumber");
        if (locks.computeIfPresent(factoryNumber, (fn, lock) -> change.apply(lock)) == null) {
            throw new IllegalArgumentException("no lock " + factoryNumber);
        }
    }
}
