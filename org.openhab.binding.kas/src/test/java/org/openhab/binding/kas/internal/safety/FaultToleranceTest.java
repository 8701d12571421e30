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
package org.openhab.binding.kas.internal.safety;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.action.KasLockActions;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

import ch.qos.logback.classic.Level;

/**
 * Rules 2 and 5 under faults of the cloud, over loopback HTTP against the emulator: every unlock and PIN code request
 * ends in exactly one outcome (action result, {@code last-result}, one event), the failure of one command changes no
 * thing status while the cloud still answers the account's check, the outcome is logged at DEBUG (no WARN), no stack
 * trace is logged, and only a 504 (unlock) or a 500/504 (PIN code) is retried, once.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class FaultToleranceTest extends SafetyTestBase {

    private static final ZonedDateTime START = ZonedDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC);
    private static final String HTML_PAGE = "<html><head><title>Oops</title></head><body>no code</body></html>";
    /** The request timeout on the wire of the over-the-wire tests of time-outs. */
    private static final Duration WIRE_TIMEOUT = Duration.ofMillis(300);

    /**
     * One fault and what the binding must make of it.
     *
     * @param pin whether the PIN code request (else the unlock) meets the fault
     * @param requestTimeout the account's request timeout, seconds
     * @param fault breaks the emulator
     * @param outcome the outcome
     * @param requests the requests that reach the cloud (a retry is a second one)
     * @param messagePart a text the outcome's message contains
     *
     * @author KAS binding contributors - Initial contribution
     */
    record FaultCase(String name, boolean pin, int requestTimeout, Consumer<KasCloudEmulator> fault, KasOutcome outcome,
            int requests, String messagePart) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Fault unlockFault() {
        return Fault.on(Endpoint.UNLOCK).forLock(FRONT_FN);
    }

    private static Fault pinFault() {
        return Fault.on(Endpoint.PIN_CODE).forLock(FRONT_FN);
    }

    /**
     * The faults that end in a time-out: the cloud keeps the call and never answers, so the HTTP client gives up after
     * the request timeout, in real time.
     */
    static Stream<Arguments> silentClouds() {
        return Stream
                .of(new FaultCase("unlock: cloud silent past requestTimeout", false, 1,
                        e -> e.addFault(unlockFault().silent()), KasOutcome.TIMEOUT, 1, "within 1000 ms"),
                        new FaultCase("pin: cloud silent past requestTimeout (no retry)", true, 1,
                                e -> e.addFault(pinFault().silent()), KasOutcome.TIMEOUT, 1, "within 1000 ms"))
                .map(Arguments::of);
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                // unlock
                new FaultCase("unlock: 500 Unknown Error", false, 10,
                        e -> e.addFault(unlockFault().respond(500, "text/plain", "Unknown Error")),
                        KasOutcome.SERVER_ERROR, 1, "HTTP 500"),
                new FaultCase("unlock: 504 JSON twice", false, 10, e -> e.setGatewayOnline(FRONT_FN, false),
                        KasOutcome.GATEWAY_TIMEOUT, 2, "HTTP 504"),
                new FaultCase("unlock: 504 JSON once, the one retry is accepted", false, 10,
                        e -> e.addFault(unlockFault().times(1).gatewayTimeout()), KasOutcome.ACCEPTED, 2, "accepted"),
                new FaultCase("unlock: 502 HTML page", false, 10, e -> e.addFault(unlockFault().htmlErrorPage(502)),
                        KasOutcome.SERVICE_UNAVAILABLE, 1, "HTML page"),
                new FaultCase("unlock: 503 HTML page", false, 10, e -> e.addFault(unlockFault().htmlErrorPage(503)),
                        KasOutcome.SERVICE_UNAVAILABLE, 1, "HTML page"),
                new FaultCase("unlock: connection reset before the answer", false, 10,
                        e -> e.addFault(unlockFault().resetConnection()), KasOutcome.COMMUNICATION_ERROR, 1,
                        "may or may not have been executed"),
                new FaultCase("unlock: connection closed in the middle of the body", false, 10,
                        e -> e.addFault(unlockFault().closeMidResponse()), KasOutcome.COMMUNICATION_ERROR, 1,
                        "may or may not have been executed"),
                new FaultCase("unlock: body over the size bound", false, 10,
                        e -> e.addFault(unlockFault().oversizedBody(200_000)), KasOutcome.UNEXPECTED_RESPONSE, 1,
                        "KiB"),
                // PIN code
                new FaultCase("pin: 500 twice", true, 10,
                        e -> e.addFault(pinFault().respond(500, "text/plain", "Unknown Error")),
                        KasOutcome.SERVER_ERROR, 2, "HTTP 500"),
                new FaultCase("pin: 500 once, the one retry creates the code", true, 10,
                        e -> e.addFault(pinFault().times(1).respond(500, "text/plain", "Unknown Error")),
                        KasOutcome.ACCEPTED, 2, "PIN code created"),
                new FaultCase("pin: 504 twice", true, 10, e -> e.addFault(pinFault().gatewayTimeout()),
                        KasOutcome.GATEWAY_TIMEOUT, 2, "HTTP 504"),
                new FaultCase("pin: 503 HTML page (no retry)", true, 10, e -> e.addFault(pinFault().htmlErrorPage(503)),
                        KasOutcome.SERVICE_UNAVAILABLE, 1, "HTML page"),
                new FaultCase("pin: connection reset (no retry)", true, 10,
                        e -> e.addFault(pinFault().resetConnection()), KasOutcome.COMMUNICATION_ERROR, 1,
                        "before a complete answer"),
                new FaultCase("pin: empty body", true, 10, e -> e.addFault(pinFault().malformedPin("")),
                        KasOutcome.UNEXPECTED_RESPONSE, 1, "without a PIN code"),
                new FaultCase("pin: non-digit body", true, 10, e -> e.addFault(pinFault().malformedPin("12ab5678")),
                        KasOutcome.UNEXPECTED_RESPONSE, 1, "not a PIN code"),
                new FaultCase("pin: HTML body", true, 10, e -> e.addFault(pinFault().malformedPin(HTML_PAGE)),
                        KasOutcome.UNEXPECTED_RESPONSE, 1, "an HTML page titled 'Oops'"),
                new FaultCase("pin: body over the size bound", true, 10,
                        e -> e.addFault(pinFault().oversizedBody(200_000)), KasOutcome.UNEXPECTED_RESPONSE, 1, "KiB"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void eachFaultEndsInOneOutcomeWithTheRightStatusAndLogLevel(FaultCase c) {
        assertOneOutcome(c);
    }

    /**
     * Over the wire, in real time: the time-out is the HTTP client's own (its request timeout is the one thing the
     * test's clock does not drive), so the test waits for it; the wire's request timeout is cut to 300 ms (the
     * outcome still names the configured 1000 ms).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("silentClouds")
    void aSilentCloudEndsInOneTimeoutWithTheRightStatusAndLogLevelOverTheWire(FaultCase c) {
        useWireTimeout(WIRE_TIMEOUT);
        assertOneOutcome(c);
    }

    /** Sends the case's request against the broken cloud and checks its outcome, status and log. */
    private void assertOneOutcome(FaultCase c) {
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_REQUEST_TIMEOUT, c.requestTimeout());
        InMemoryBridge account = startAccount(config);
        InMemoryThing front = startLock("front", FRONT_FN);
        c.fault().accept(emulator);

        Map<String, Object> result = c.pin() ? actionsOf(front).generatePinCode(0, 24, START)
                : actionsOf(front).unlock();

        // the action result
        assertEquals(c.outcome(), outcomeOf(result), () -> result.toString());
        assertEquals(c.outcome() == KasOutcome.ACCEPTED, result.get(KasLockActions.OUTPUT_SUCCESS));
        String message = messageOf(result);
        assertTrue(message.contains(c.messagePart()), message);
        assertFalse(message.contains("<") || message.contains("\n") || message.contains("\r"),
                "the message is a sanitised sentence: " + message);
        if (c.pin()) {
            String code = String.valueOf(result.get(KasLockActions.OUTPUT_CODE));
            assertEquals(
                    c.outcome() == KasOutcome.ACCEPTED ? KasCloudEmulator.pinFor(FRONT_FN, 0, 24, START.toEpochSecond())
                            : "",
                    code);
        }
        // exactly one outcome on the channels
        String event = c.pin() ? (c.outcome() == KasOutcome.ACCEPTED ? EVENT_PIN_CODE_CREATED : EVENT_PIN_CODE_FAILED)
                : (c.outcome() == KasOutcome.ACCEPTED ? EVENT_UNLOCK_ACCEPTED : EVENT_UNLOCK_FAILED);
        await().atMost(WAIT).until(() -> events(front).equals(List.of(event)));
        assertEquals(new StringType(c.outcome().name()), lastState(front, CHANNEL_LAST_RESULT));
        // the retry rule: only 504 (unlock) and 500/504 (PIN code), once
        Endpoint endpoint = c.pin() ? Endpoint.PIN_CODE : Endpoint.UNLOCK;
        await().atMost(WAIT).until(() -> requests(endpoint).size() >= c.requests());
        assertKeyedRequestsStay(c.requests());
        assertEquals(c.requests(), requests(endpoint).size());
        assertEquals(List.of(event), events(front), "one outcome, also after the retry");
        // the failure of one command changes no status: the cloud still answers the account's check, and the lock
        // can be used (the outcome is on last-result, the event channel and the action result)
        assertEquals(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null), front.getStatusInfo());
        assertEquals(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null), account.getStatusInfo());
        // logged once at DEBUG; nothing at WARN or above, no stack trace
        String what = c.pin() ? "PIN code request of lock " : "Unlock of lock ";
        List<LogCapture.Event> outcomeLines = bindingLog(Level.DEBUG, what + FRONT_UID + ": " + c.outcome() + " (");
        assertEquals(1, outcomeLines.size(), () -> logs.events(BINDING_LOGGERS).toString());
        assertNoWarningOrStackTrace();
    }

    /**
     * @param config the account's configuration, with a cloud that cannot be reached
     * @return the account, initialized and OFFLINE (communication error)
     */
    private InMemoryBridge unreachableAccount(Map<String, Object> config) {
        InMemoryBridge account = createAccount(config);
        initialize(account);
        awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR);
        return account;
    }

    @Test
    void aRefusedConnectionIsACommunicationErrorOfAccountAndRequestsAndNothingIsRetried() {
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_BASE_URL, "http://127.0.0.1:" + closedPort());
        InMemoryBridge account = unreachableAccount(config);
        ThingStatusInfo accountStatus = account.getStatusInfo();
        assertTrue(String.valueOf(accountStatus.getDescription()).startsWith("@text/offline.cloud-unreachable"),
                accountStatus.getDescription());
        InMemoryThing front = createLock("front", lockConfig(FRONT_FN));
        initialize(front);
        awaitStatus(front, ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);

        Map<String, Object> unlock = actionsOf(front).unlock();
        Map<String, Object> pin = actionsOf(front).generatePinCode(1, 3, START);

        assertEquals(KasOutcome.COMMUNICATION_ERROR, outcomeOf(unlock));
        assertTrue(messageOf(unlock).contains("refused"), messageOf(unlock));
        assertEquals(KasOutcome.COMMUNICATION_ERROR, outcomeOf(pin));
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED, EVENT_PIN_CODE_FAILED)));
        assertEquals(ThingStatus.OFFLINE, front.getStatus());
        assertEquals(List.of(), emulator.requests(), "nothing reached any cloud");
        assertEquals(1, bindingLog(Level.DEBUG, "Unlock of lock " + FRONT_UID + ": COMMUNICATION_ERROR").size());
        assertNoWarningOrStackTrace();
    }

    /**
     * Over the wire, in real time: the host name is looked up by the system's resolver; where that is impossible rather
     * than negative, only the HTTP client's own request timeout (cut to 300 ms on the wire) ends the requests.
     */
    @Test
    void anUnresolvableHostIsACommunicationErrorWithoutAnyRequestOverTheWire() throws Exception {
        useWireTimeout(WIRE_TIMEOUT);
        // openHAB's shared HTTP client speaks TLS; the harness's plain one would fail before any name lookup
        httpClient.stop();
        httpClient = new HttpClient(new SslContextFactory.Client());
        httpClient.start();
        Map<String, Object> config = accountConfig();
        // .invalid never resolves (RFC 6761)
        config.put(CONFIG_BASE_URL, "https://kas-nonexistent.invalid");
        config.put(CONFIG_REQUEST_TIMEOUT, 2);
        unreachableAccount(config);
        InMemoryThing front = createLock("front", lockConfig(FRONT_FN));
        initialize(front);

        Map<String, Object> unlock = actionsOf(front).unlock();
        Map<String, Object> pin = actionsOf(front).generatePinCode(0, 10, START);

        // where name resolution is impossible rather than negative, the request times out instead
        for (Map<String, Object> result : List.of(unlock, pin)) {
            KasOutcome outcome = outcomeOf(result);
            assertTrue(outcome == KasOutcome.COMMUNICATION_ERROR || outcome == KasOutcome.TIMEOUT, result.toString());
            if (outcome == KasOutcome.COMMUNICATION_ERROR) {
                assertTrue(messageOf(result).contains("could not be resolved"), messageOf(result));
            }
        }
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED, EVENT_PIN_CODE_FAILED)));
        assertEquals(ThingStatus.OFFLINE, front.getStatus());
        assertEquals(List.of(), emulator.requests());
        assertNoWarningOrStackTrace();
    }

    /**
     * @return the front door of an account with an unlockMaxAge of 1 s; its gateway is offline (KAS answers 504)
     */
    private InMemoryThing frontDoorWithItsGatewayOffline() {
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_UNLOCK_MAX_AGE, 1);
        startAccount(config);
        InMemoryThing front = startLock("front", FRONT_FN);
        emulator.setGatewayOnline(FRONT_FN, false);
        return front;
    }

    @Test
    void a504ArrivingAfterUnlockMaxAgeIsNotRetried() throws Exception {
        // the first answer is a 504, but it comes when the unlock is older than unlockMaxAge
        InMemoryThing front = frontDoorWithItsGatewayOffline();
        Fault hold = emulator.addFault(unlockFault().times(1).hold());
        RuleAction action = unlockAction(front);
        await().atMost(WAIT).until(() -> hold.held() == 1);
        advance(Duration.ofMillis(1001));
        hold.release();

        Map<String, Object> result = action.get();

        assertEquals(KasOutcome.GATEWAY_TIMEOUT, outcomeOf(result));
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_FAILED)));
        assertKeyedRequestsStay(1);
        assertEquals(List.of(), emulator.executedUnlocks());
    }

    @Test
    void a504ArrivingAtUnlockMaxAgeIsRetriedOnceAtOnce() throws Exception {
        // the 504 comes at the last moment of the maximum age: the one retry is still allowed
        InMemoryThing front = frontDoorWithItsGatewayOffline();
        Fault hold = emulator.addFault(unlockFault().times(2).hold());
        Instant commanded = clock.instant();
        RuleAction action = unlockAction(front);
        await().atMost(WAIT).until(() -> hold.held() == 1);
        advance(Duration.ofSeconds(1));
        hold.release();
        await().atMost(WAIT).until(() -> requests(Endpoint.UNLOCK).size() == 2 && hold.held() == 1);
        emulator.setGatewayOnline(FRONT_FN, true);
        hold.release();

        Map<String, Object> result = action.get();

        assertEquals(KasOutcome.ACCEPTED, outcomeOf(result));
        assertEquals(List.of(commanded, commanded.plusSeconds(1)),
                sends(Endpoint.UNLOCK).stream().map(ClockedTransport.Call::sentAt).toList(),
                "the retry is sent when the 504 comes, at the maximum age");
        assertKeyedRequestsStay(2);
        assertEquals(1, emulator.executedUnlocks().size());
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED), events(front));
    }

    /**
     * Over the wire, in real time: the first unlock meets a silent cloud and ends in the HTTP client's own time-out
     * (cut to 300 ms on the wire), which the test's clock does not drive.
     */
    @Test
    void timeoutsAndBrokenConnectionsOfUnlocksAreNeverRetriedOverTheWire() {
        emulator.addFault(unlockFault().times(1).silent());
        emulator.addFault(unlockFault().times(1).resetConnection());
        emulator.addFault(unlockFault().times(1).closeMidResponse());
        emulator.addFault(unlockFault().times(1).respond(500, "text/plain", "Unknown Error"));
        useWireTimeout(WIRE_TIMEOUT);
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_REQUEST_TIMEOUT, 1);
        startAccount(config);
        InMemoryThing front = startLock("front", FRONT_FN);

        List<KasOutcome> outcomes = Stream.of(1, 2, 3, 4).map(i -> outcomeOf(actionsOf(front).unlock())).toList();

        assertEquals(List.of(KasOutcome.TIMEOUT, KasOutcome.COMMUNICATION_ERROR, KasOutcome.COMMUNICATION_ERROR,
                KasOutcome.SERVER_ERROR), outcomes);
        assertKeyedRequestsStay(4);
        assertEquals(List.of(EVENT_UNLOCK_FAILED, EVENT_UNLOCK_FAILED, EVENT_UNLOCK_FAILED, EVENT_UNLOCK_FAILED),
                events(front));
        // the next unlock, with the cloud healthy again, is sent once and brings the lock back
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(actionsOf(front).unlock()));
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        assertKeyedRequestsStay(5);
    }
}
