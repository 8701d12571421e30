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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.JournalEntry;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Transport;
import org.openhab.binding.kas.internal.handler.KasAccountHandler;
import org.openhab.binding.kas.internal.handler.KasLockHandler;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BridgeHandler;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.util.ThingHandlerHelper;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/**
 * Base of the handler, action and console tests: the real KAS handlers, talking real HTTP over loopback (a started
 * Jetty {@link HttpClient}) to a {@link KasCloudEmulator}, with openHAB's side played by a {@link CallbackRecorder}.
 * <p>
 * Time is the test's: the handlers get a {@link ManualClock} and a {@link ManualScheduler}, so relocks, rechecks,
 * maximum ages and wait bounds happen when the test moves time on ({@link #advance(Duration)}); the tests only wait
 * (briefly) for the answers of the emulator over loopback.
 * <p>
 * Per test: an emulator with the account {@link #API_KEY} and the locks {@link #FRONT_FN} and {@link #BACK_FN}
 * (admin, gateways online), an HTTP client, a recorder and a log capture. The things ({@code kas:account:home},
 * {@code kas:lock:home:front}, ...) are created by the tests through the helpers. After each test every handler is
 * disposed, client and emulator are stopped, and the API key must not appear in any captured log line, status
 * description, channel state or trigger event.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class KasHandlerTestBase {

    /** The key of the emulator's account (JWT-shaped like real KAS keys; not a real key). */
    public static final String API_KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJrYXMtaGFuZGxlci10ZXN0In0"
            + ".S2FzSGFuZGxlclRlc3RTZWNyZXQtNzM1MQ";
    /** The signature part of {@link #API_KEY}, the part that must never leak on its own either. */
    public static final String API_KEY_SIGNATURE = "S2FzSGFuZGxlclRlc3RTZWNyZXQtNzM1MQ";
    /** A second well-formed key, unknown to the emulator until a test registers it (key rotation). */
    public static final String OTHER_API_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyb3RhdGVkLWtleSJ9"
            + ".Um90YXRlZEtleVNlY3JldC05OTQy";
    /** A "static" key as KAS also issues them: not a JWT, no dots, of the characters KAS keys may have. */
    public static final String STATIC_API_KEY = "kas~Static_Key-0123456789";

    /** The front door lock: admin, gateway online. */
    /** When each test starts, on the clock of the handlers. */
    public static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    public static final String FRONT_FN = "SS000510";
    /** The back door lock: admin, gateway online. */
    public static final String BACK_FN = "UL000777";

    public static final ThingUID ACCOUNT_UID = new ThingUID(THING_TYPE_ACCOUNT, "home");
    public static final ThingUID FRONT_UID = new ThingUID(THING_TYPE_LOCK, ACCOUNT_UID, "front");
    public static final ThingUID BACK_UID = new ThingUID(THING_TYPE_LOCK, ACCOUNT_UID, "back");

    /** How long to wait for an asynchronous outcome at most. */
    protected static final Duration WAIT = Duration.ofSeconds(20);

    static {
        // conditions are checked at once and then every few milliseconds: tests wait for I/O, not for a poll period
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
    }

    protected @NonNullByDefault({}) KasCloudEmulator emulator;
    /** The emulator's base URL (also valid after it was closed, for restarting it on the same port). */
    protected String baseUrl = "";
    protected @NonNullByDefault({}) HttpClient httpClient;
    protected @NonNullByDefault({}) CallbackRecorder recorder;
    protected @NonNullByDefault({}) LogCapture logs;
    /** The handlers' clock. */
    protected final ManualClock clock = new ManualClock(T0);
    /** The handlers' timers (relock, rechecks, maximum age, wait bounds): they run when the test moves time on. */
    protected final ManualScheduler timers = new ManualScheduler(clock);
    /** The request timeout on the wire for accounts created from now on; {@code null}: as configured. */
    private @Nullable Duration wireTimeout;

    private final List<Thing> things = new CopyOnWriteArrayList<>();
    private final List<String> extraSecrets = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHarness() throws Exception {
        logs = LogCapture.start();
        emulator = KasCloudEmulator.start();
        baseUrl = emulator.baseUrl();
        populate(emulator);
        httpClient = new HttpClient();
        httpClient.start();
        recorder = new CallbackRecorder();
    }

    @AfterEach
    void stopHarness() throws Exception {
        try {
            // children first, as openHAB does
            List<Thing> reversed = new ArrayList<>(things);
            Collections.reverse(reversed);
            for (Thing thing : reversed) {
                if (ThingHandlerHelper.isHandlerInitialized(thing)) {
                    dispose(thing);
                }
            }
        } finally {
            recorder.close();
            try {
                httpClient.stop();
            } finally {
                emulator.close();
                logs.close();
            }
        }
        // the captured events stay readable after close()
        assertNoSecretLeaked();
        assertEquals(List.of(), recorder.violations(), "the handlers did something openHAB refuses");
    }

    /**
     * Sets up the account {@link #API_KEY} with the admin locks {@link #FRONT_FN} and {@link #BACK_FN}, gateways
     * online.
     *
     * @param target the emulator
     */
    protected static void populate(KasCloudEmulator target) {
        target.addAccount(API_KEY);
        target.addLock(FRONT_FN, API_KEY, true, true);
        target.addLock(BACK_FN, API_KEY, true, true);
    }

    /**
     * Closes the emulator and starts a new, populated one on the same port.
     */
    protected void restartEmulatorOnSamePort() {
        emulator.close();
        emulator = KasCloudEmulator.start("127.0.0.1", URI.create(baseUrl).getPort());
        populate(emulator);
    }

    /**
     * @return a loopback port where nothing listens (an emulator was started there and closed)
     */
    protected static int closedPort() {
        KasCloudEmulator probe = KasCloudEmulator.start();
        int port = probe.port();
        probe.close();
        return port;
    }

    /**
     * @param secret another value that must never appear in logs, descriptions, states or events
     */
    protected void addSecret(String secret) {
        extraSecrets.add(secret);
        TestSecrets.register(secret);
    }

    /**
     * Makes the accounts created from now on time out on the wire after this duration instead of the configured
     * request timeout (at least 1 s), for over-the-wire tests of time-outs that must wait in real time.
     *
     * @param timeout the request timeout on the wire
     */
    protected void useWireTimeout(Duration timeout) {
        wireTimeout = timeout;
    }

    /**
     * @return the transport for a new account handler: Jetty 9.4 on the test's HTTP client
     */
    protected HttpTransport transport() {
        HttpTransport jetty = new Jetty9Transport(httpClient);
        Duration timeout = wireTimeout;
        return timeout == null ? jetty : new WireTimeoutTransport(jetty, timeout);
    }

    // ---- configurations

    /**
     * @return a valid account configuration for the emulator: {@link #API_KEY}, the emulator's base URL
     */
    protected Map<String, Object> accountConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CONFIG_API_KEY, API_KEY);
        config.put(CONFIG_BASE_URL, baseUrl);
        return config;
    }

    /**
     * @param factoryNumber the lock's factory number
     * @return a lock configuration with an unlocked duration of 1 s
     */
    protected static Map<String, Object> lockConfig(String factoryNumber) {
        Map<String, Object> config = new HashMap<>();
        config.put(CONFIG_FACTORY_NUMBER, factoryNumber);
        config.put(CONFIG_UNLOCKED_DURATION, 1);
        return config;
    }

    // ---- things and handlers

    /**
     * Creates the bridge {@code kas:account:home} with a real {@link KasAccountHandler} (not initialized).
     *
     * @param config the configuration
     * @return the bridge
     */
    protected InMemoryBridge createAccount(Map<String, Object> config) {
        InMemoryBridge bridge = new InMemoryBridge(ACCOUNT_UID, THING_TYPE_ACCOUNT, configuration(config));
        KasAccountHandler handler = new KasAccountHandler(bridge, transport(), clock, timers);
        bridge.setHandler(handler);
        handler.setCallback(recorder.callback());
        recorder.register(bridge);
        things.add(bridge);
        return bridge;
    }

    /**
     * Creates the lock {@code kas:lock:home:<id>} under the account bridge with a real {@link KasLockHandler} (not
     * initialized).
     *
     * @param id the thing id, e.g. {@code front}
     * @param config the configuration
     * @return the lock thing
     */
    protected InMemoryThing createLock(String id, Map<String, Object> config) {
        return createLock(new ThingUID(THING_TYPE_LOCK, ACCOUNT_UID, id), ACCOUNT_UID, config);
    }

    /**
     * Creates a lock thing with a real {@link KasLockHandler} (not initialized).
     *
     * @param uid the thing UID
     * @param bridgeUID its bridge, or null for none
     * @param config the configuration
     * @return the lock thing
     */
    protected InMemoryThing createLock(ThingUID uid, @Nullable ThingUID bridgeUID, Map<String, Object> config) {
        InMemoryThing lock = new InMemoryThing(uid, THING_TYPE_LOCK, bridgeUID, configuration(config));
        KasLockHandler handler = new KasLockHandler(lock, clock, timers);
        lock.setHandler(handler);
        handler.setCallback(recorder.callback());
        recorder.register(lock);
        for (Thing thing : things) {
            if (thing instanceof InMemoryBridge bridge && thing.getUID().equals(bridgeUID)) {
                bridge.addThing(lock);
            }
        }
        things.add(lock);
        return lock;
    }

    /**
     * @param properties configuration parameters
     * @return a configuration with them, normalized as openHAB does (numbers become {@code BigDecimal})
     */
    protected static Configuration configuration(Map<String, Object> properties) {
        Configuration configuration = new Configuration();
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            configuration.put(entry.getKey(), entry.getValue());
        }
        return configuration;
    }

    /**
     * Initializes the thing's handler the way openHAB does: status INITIALIZING, {@code initialize()}, then the bridge
     * handler learns about its new child.
     *
     * @param thing the thing
     */
    protected void initialize(Thing thing) {
        ThingHandler handler = handlerOf(thing);
        thing.setStatusInfo(new ThingStatusInfo(ThingStatus.INITIALIZING, ThingStatusDetail.NONE, null));
        handler.initialize();
        BridgeHandler bridgeHandler = bridgeHandlerOf(thing);
        if (bridgeHandler != null) {
            bridgeHandler.childHandlerInitialized(handler, thing);
        }
    }

    /**
     * Disposes the thing's handler the way openHAB does: {@code dispose()}, status UNINITIALIZED, then the bridge
     * handler learns that its child is gone. The callback stays set, so that anything the handler still reports
     * afterwards is recorded.
     *
     * @param thing the thing
     */
    protected void dispose(Thing thing) {
        ThingHandler handler = handlerOf(thing);
        handler.dispose();
        thing.setStatusInfo(new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null));
        BridgeHandler bridgeHandler = bridgeHandlerOf(thing);
        if (bridgeHandler != null) {
            bridgeHandler.childHandlerDisposed(handler, thing);
        }
    }

    private @Nullable BridgeHandler bridgeHandlerOf(Thing thing) {
        ThingUID bridgeUID = thing.getBridgeUID();
        for (Thing candidate : things) {
            if (candidate instanceof InMemoryBridge bridge && candidate.getUID().equals(bridgeUID)) {
                return bridge.getHandler();
            }
        }
        return null;
    }

    /**
     * @return the thing's handler
     */
    protected static ThingHandler handlerOf(Thing thing) {
        return Objects.requireNonNull(thing.getHandler(), "thing has no handler");
    }

    /**
     * @return the account handler of the bridge
     */
    protected static KasAccountHandler accountHandler(Thing bridge) {
        return (KasAccountHandler) handlerOf(bridge);
    }

    /**
     * @return the lock handler of the thing
     */
    protected static KasLockHandler lockHandler(Thing lock) {
        return (KasLockHandler) handlerOf(lock);
    }

    /**
     * Creates and initializes the account with {@link #accountConfig()} and waits until it is ONLINE.
     *
     * @return the bridge
     */
    protected InMemoryBridge startAccount() {
        return startAccount(accountConfig());
    }

    /**
     * Creates and initializes the account and waits until it is ONLINE.
     *
     * @param config the configuration
     * @return the bridge
     */
    protected InMemoryBridge startAccount(Map<String, Object> config) {
        InMemoryBridge bridge = createAccount(config);
        initialize(bridge);
        awaitStatus(bridge, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        return bridge;
    }

    /**
     * Creates and initializes a lock (unlocked duration 1 s) under the account and waits until it is ONLINE.
     *
     * @param id the thing id
     * @param factoryNumber the factory number
     * @return the lock thing
     */
    protected InMemoryThing startLock(String id, String factoryNumber) {
        return startLock(id, lockConfig(factoryNumber));
    }

    /**
     * Creates and initializes a lock under the account and waits until it is ONLINE.
     *
     * @param id the thing id
     * @param config the configuration
     * @return the lock thing
     */
    protected InMemoryThing startLock(String id, Map<String, Object> config) {
        InMemoryThing lock = createLock(id, config);
        initialize(lock);
        awaitStatus(lock, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        return lock;
    }

    /**
     * Sends a command to a channel of the thing, as openHAB does.
     *
     * @param thing the thing
     * @param channelId the channel id
     * @param command the command
     */
    protected static void command(Thing thing, String channelId, Command command) {
        handlerOf(thing).handleCommand(new ChannelUID(thing.getUID(), channelId), command);
    }

    // ---- observations

    /**
     * Waits until the thing has the status and detail.
     *
     * @return the status info
     */
    protected ThingStatusInfo awaitStatus(Thing thing, ThingStatus status, ThingStatusDetail detail) {
        await().atMost(WAIT).until(
                () -> thing.getStatusInfo().getStatus() == status && thing.getStatusInfo().getStatusDetail() == detail);
        return thing.getStatusInfo();
    }

    /**
     * @return the thing's current status description (as last reported), or null
     */
    protected static @Nullable String lastDescription(Thing thing) {
        return thing.getStatusInfo().getDescription();
    }

    /**
     * @return every state reported for the channel, oldest first
     */
    protected List<State> states(Thing thing, String channelId) {
        return recorder.states(new ChannelUID(thing.getUID(), channelId));
    }

    /**
     * @return the last state reported for the channel, or null if none
     */
    protected @Nullable State lastState(Thing thing, String channelId) {
        List<State> list = states(thing, channelId);
        return list.isEmpty() ? null : list.getLast();
    }

    /**
     * @param states states in the order they were reported
     * @return the states without immediate repetitions (an item only changes when the state differs)
     */
    protected static List<State> changes(List<State> states) {
        List<State> changes = new ArrayList<>();
        for (State state : states) {
            if (changes.isEmpty() || !changes.getLast().equals(state)) {
                changes.add(state);
            }
        }
        return changes;
    }

    /**
     * @return the events of the thing's {@code event} channel, oldest first
     */
    protected List<String> events(Thing thing) {
        return recorder.events(new ChannelUID(thing.getUID(), CHANNEL_EVENT));
    }

    /**
     * @return the status infos reported for the thing, oldest first
     */
    protected List<ThingStatusInfo> statuses(Thing thing) {
        return recorder.statuses(thing.getUID());
    }

    /**
     * @return the requests the emulator received for the endpoint
     */
    protected List<JournalEntry> requests(Endpoint endpoint) {
        return emulator.requests().stream().filter(r -> r.endpoint() == endpoint).toList();
    }

    /**
     * @return the unlock and PIN code requests the emulator received (everything but the key-less probe)
     */
    protected List<JournalEntry> keyedRequests() {
        return emulator.requests().stream()
                .filter(r -> r.endpoint() == Endpoint.UNLOCK || r.endpoint() == Endpoint.PIN_CODE).toList();
    }

    /**
     * Moves the handlers' time on, running every timer that becomes due on the way.
     *
     * @param duration how far
     */
    protected void advance(Duration duration) {
        timers.advance(duration);
    }

    /**
     * Waits until no account has a keyed request waiting or in flight, then checks the number of unlock and PIN
     * requests the emulator received. Every keyed request goes through an account's request gate, which holds it from
     * submission until its answer: once all gates are idle nothing more can arrive unless the test moves time on or
     * sends a command.
     *
     * @param expected the number of unlock and PIN requests received
     */
    protected void assertKeyedRequestsStay(int expected) {
        awaitRequestsSettled();
        assertEquals(expected, keyedRequests().size());
    }

    /**
     * Waits until no account has a request waiting or in flight.
     */
    protected void awaitRequestsSettled() {
        for (Thing thing : things) {
            if (thing instanceof InMemoryBridge bridge && bridge.getHandler() instanceof KasAccountHandler account) {
                await().atMost(WAIT).until(() -> {
                    String summary = account.gateSummary();
                    return summary.isEmpty() || summary.contains("inFlight=0, queued=0,");
                });
            }
        }
    }

    /**
     * Fails if the API keys show up in any captured log line, status description, channel state or event.
     */
    protected void assertNoSecretLeaked() {
        List<String> secrets = new ArrayList<>(List.of(API_KEY, API_KEY_SIGNATURE, OTHER_API_KEY));
        secrets.addAll(extraSecrets);
        for (String secret : secrets) {
            String lower = secret.toLowerCase(Locale.ROOT);
            for (LogCapture.Event event : logs.events()) {
                // the emulator's own server side (its Jetty server logs request URIs) is not the binding
                assertFalse(!LogAudit.isEmulatorSide(event) && event.text().toLowerCase(Locale.ROOT).contains(lower),
                        () -> "a log line contains a key: " + event.level() + " [" + event.logger() + "] "
                                + event.text().replace(secret, "<SECRET>"));
            }
            for (CallbackRecorder.StatusUpdate update : recorder.statusUpdates()) {
                String description = update.info().getDescription();
                assertFalse(description != null && description.toLowerCase(Locale.ROOT).contains(lower),
                        "status description of " + update.thing() + " contains a key");
            }
            for (CallbackRecorder.StateUpdate update : recorder.stateUpdates()) {
                assertFalse(update.state().toString().toLowerCase(Locale.ROOT).contains(lower),
                        "state of " + update.channel() + " contains a key");
            }
            for (CallbackRecorder.TriggerEvent event : recorder.triggerEvents()) {
                assertFalse(event.event().toLowerCase(Locale.ROOT).contains(lower),
                        "event of " + event.channel() + " contains a key");
            }
            for (JournalEntry entry : emulator.requests()) {
                assertFalse(entry.maskedPath().contains(secret) || entry.body().contains(secret),
                        "the emulator journal shows a key unmasked");
            }
        }
    }

    /**
     * @param text any text
     * @param secret a secret
     */
    protected static void assertNotContains(@Nullable String text, String secret) {
        assertFalse(text != null && text.toLowerCase(Locale.ROOT).contains(secret.toLowerCase(Locale.ROOT)),
                "text contains a secret");
    }
}
