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
package org.openhab.binding.kas.internal.console;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.test.KasHandlerTestBase;
import org.openhab.binding.kas.internal.test.RecordingConsole;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingRegistry;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Tests of the {@code kas} console command ({@link KasCommandExtension}) with a mocked thing registry holding things
 * with the real handlers, against the emulator.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class KasCommandExtensionTest extends KasHandlerTestBase {

    private static final long START = 1_772_404_200L;

    private final Map<ThingUID, Thing> registered = new ConcurrentHashMap<>();
    private final RecordingConsole console = new RecordingConsole();
    private @NonNullByDefault({}) ThingRegistry thingRegistry;
    private @NonNullByDefault({}) KasCommandExtension extension;

    @BeforeEach
    void setUpRegistry() {
        thingRegistry = mock(ThingRegistry.class);
        when(thingRegistry.get(any())).thenAnswer(invocation -> registered.get(invocation.getArguments()[0]));
        when(thingRegistry.stream()).thenAnswer(invocation -> registered.values().stream());
        when(thingRegistry.getAll()).thenAnswer(invocation -> List.copyOf(registered.values()));
        extension = new KasCommandExtension(thingRegistry);
    }

    private void register(Thing... things) {
        for (Thing thing : things) {
            registered.put(thing.getUID(), thing);
        }
    }

    private void run(String... args) {
        console.clear();
        extension.execute(args, console);
    }

    private void assertUsagePrinted() {
        assertEquals(extension.getUsages(), console.usages());
    }

    @Test
    void theCommandIsKas() {
        assertEquals("kas", extension.getCommand());
        assertFalse(extension.getDescription().isBlank());
        List<String> usages = extension.getUsages();
        assertEquals(3, usages.size());
        assertTrue(usages.get(0).startsWith("kas list"), usages.get(0));
        assertTrue(usages.get(1).startsWith("kas unlock <lockThingUID>"), usages.get(1));
        assertTrue(usages.get(2).startsWith("kas pin <lockThingUID>"), usages.get(2));
    }

    @Test
    void withoutArgumentsTheUsageIsPrinted() {
        run();

        assertEquals(List.of(), console.lines());
        assertUsagePrinted();
    }

    @Test
    void anUnknownSubCommandIsNamedAndTheUsagePrinted() {
        run("open", "kas:lock:home:front");

        assertEquals(List.of("Unknown sub-command 'open'."), console.lines());
        assertUsagePrinted();
        assertKeyedRequestsStay(0);
    }

    @Test
    void listShowsAccountsAndLocksWithStatusAndLastResultButNeverTheKey() {
        register(startAccount());
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
        InMemoryThing lonely = createLock(new ThingUID(THING_TYPE_LOCK, "lonely"), null, lockConfig("UL123"));
        initialize(lonely);
        register(front, back, lonely);
        lockHandler(front).awaitOutcome(lockHandler(front).unlock("test"));

        run("list");

        List<String> lines = console.lines();
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("kas:account:home  ONLINE"), lines.get(0));
        assertEquals("  kas:lock:home:back  UL000777  ONLINE  last result: -", lines.get(1));
        assertEquals("  kas:lock:home:front  SS000510  ONLINE  last result: ACCEPTED", lines.get(2));
        assertEquals("kas:lock:lonely  UL123  OFFLINE (CONFIGURATION_ERROR)  last result: -  (no KAS account bridge)",
                lines.get(3));
        assertEquals(List.of(), console.usages());
        assertNotContains(console.text(), API_KEY);
        assertNotContains(console.text(), API_KEY_SIGNATURE);
    }

    @Test
    void listIsCaseInsensitiveAndTellsWhenThereAreNoKasThings() {
        register(new InMemoryThing(new ThingUID("astro", "sun", "local"), new ThingTypeUID("astro", "sun"), null,
                new Configuration()));

        run("LIST");

        assertEquals(List.of("No KAS things. Add a kas:account bridge and kas:lock things."), console.lines());
    }

    @Test
    void listWithArgumentsIsRefused() {
        run("list", "all");

        assertEquals(List.of("'kas list' takes no arguments."), console.lines());
        assertUsagePrinted();
    }

    @Test
    void unlockSendsOneUnlockAndPrintsTheOutcome() {
        register(startAccount());
        InMemoryThing front = startLock("front", FRONT_FN);
        register(front);

        run("unlock", "kas:lock:home:front");

        List<String> lines = console.lines();
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.getFirst().startsWith("Unlock: ACCEPTED - "), lines.getFirst());
        assertEquals(1, requests(Endpoint.UNLOCK).size());
        assertEquals(1, emulator.executedUnlocks().size());
        assertEquals(FRONT_FN, emulator.executedUnlocks().getFirst().factoryNumber());
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_UNLOCK_ACCEPTED)));
        assertKeyedRequestsStay(1);
    }

    @Test
    void aFailedUnlockPrintsItsOutcome() {
        register(startAccount());
        InMemoryThing front = startLock("front", FRONT_FN);
        register(front);
        emulator.setGatewayOnline(FRONT_FN, false);

        run("unlock", "kas:lock:home:front");

        assertEquals(1, console.lines().size());
        assertTrue(console.lines().getFirst().startsWith("Unlock: GATEWAY_TIMEOUT - "), console.lines().getFirst());
        assertNotContains(console.text(), API_KEY);
    }

    @Test
    void unlockWithABadUidSendsNothing() {
        register(startAccount());
        register(startLock("front", FRONT_FN));

        run("unlock", "front");
        assertEquals(List.of("'front' is not a thing UID (e.g. kas:lock:home:front)."), console.lines());

        run("unlock", "kas:lock:home:fr ont");
        assertEquals(List.of("'kas:lock:home:fr ont' is not a thing UID (e.g. kas:lock:home:front)."), console.lines());

        assertKeyedRequestsStay(0);
    }

    @Test
    void unlockOfAnUnknownThingSendsNothing() {
        register(startAccount());
        register(startLock("front", FRONT_FN));

        run("unlock", "kas:lock:home:garage");

        assertEquals(List.of("There is no thing kas:lock:home:garage."), console.lines());
        assertKeyedRequestsStay(0);
    }

    @Test
    void unlockOfAThingThatIsNoLockSendsNothing() {
        register(startAccount());
        register(new InMemoryThing(new ThingUID("astro", "sun", "local"), new ThingTypeUID("astro", "sun"), null,
                new Configuration()));

        run("unlock", "kas:account:home");
        assertEquals(List.of("kas:account:home is not a KAS lock (kas:lock) thing."), console.lines());

        run("unlock", "astro:sun:local");
        assertEquals(List.of("astro:sun:local is not a KAS lock (kas:lock) thing."), console.lines());

        assertKeyedRequestsStay(0);
    }

    @Test
    void unlockOfALockWithoutHandlerSendsNothing() {
        register(startAccount());
        Configuration config = new Configuration();
        config.put(CONFIG_FACTORY_NUMBER, FRONT_FN);
        register(new InMemoryThing(FRONT_UID, THING_TYPE_LOCK, ACCOUNT_UID, config));

        run("unlock", "kas:lock:home:front");

        assertEquals(List.of("kas:lock:home:front has no handler: is it disabled or still starting?"), console.lines());
        assertKeyedRequestsStay(0);
    }

    @Test
    void unlockWithoutOrWithTooManyArgumentsIsRefused() {
        register(startAccount());
        register(startLock("front", FRONT_FN));

        run("unlock");
        assertEquals(List.of("'kas unlock' takes exactly one argument: the UID of a kas:lock thing."), console.lines());
        assertUsagePrinted();

        run("unlock", "kas:lock:home:front", "now");
        assertEquals(List.of("'kas unlock' takes exactly one argument: the UID of a kas:lock thing."), console.lines());
        assertUsagePrinted();

        assertKeyedRequestsStay(0);
    }

    @Test
    void pinPrintsTheCodeForTheGivenStartTime() {
        register(startAccount());
        InMemoryThing front = startLock("front", FRONT_FN);
        register(front);
        String expected = KasCloudEmulator.pinFor(FRONT_FN, 0, 24, START);
        addSecret(expected);

        run("pin", "kas:lock:home:front", "0", "24", String.valueOf(START));

        List<String> lines = console.lines();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("PIN code request: ACCEPTED - "), lines.get(0));
        assertFalse(lines.get(0).contains(expected));
        assertEquals("PIN code: " + expected, lines.get(1));
        assertEquals(1, requests(Endpoint.PIN_CODE).size());
        assertTrue(requests(Endpoint.PIN_CODE).getFirst().body().contains("\"startTime\":" + START));
        await().atMost(WAIT).until(() -> events(front).equals(List.of(EVENT_PIN_CODE_CREATED)));
        assertEquals(List.of(), requests(Endpoint.UNLOCK));
    }

    @Test
    void pinWithoutStartTimeStartsNow() {
        register(startAccount());
        register(startLock("front", FRONT_FN));
        // now is the handlers' clock
        long now = clock.instant().getEpochSecond();

        run("pin", "kas:lock:home:front", "1", "61");

        List<String> lines = console.lines();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals("PIN code: " + KasCloudEmulator.pinFor(FRONT_FN, 1, 61, now), lines.get(1));
        assertTrue(requests(Endpoint.PIN_CODE).getFirst().body().contains("\"startTime\":" + now));
    }

    @Test
    void pinWithNonNumericArgumentsSendsNothing() {
        register(startAccount());
        register(startLock("front", FRONT_FN));

        run("pin", "kas:lock:home:front", "zero", "24");
        assertEquals(List.of("mode must be a whole number (0 or 1), was 'zero'."), console.lines());

        run("pin", "kas:lock:home:front", "0", "1.5");
        assertEquals(List.of("duration must be a whole number (0 to 61), was '1.5'."), console.lines());

        run("pin", "kas:lock:home:front", "0", "24", "tomorrow");
        assertEquals(List.of("startTime must be a whole number of epoch seconds, was 'tomorrow'."), console.lines());

        assertKeyedRequestsStay(0);
    }

    @Test
    void pinWithValuesOutOfRangeSendsNothing() {
        register(startAccount());
        register(startLock("front", FRONT_FN));

        run("pin", "kas:lock:home:front", "2", "24", String.valueOf(START));
        assertEquals(List.of("PIN code request: INVALID_INPUT - mode must be between 0 and 1, was 2"), console.lines());

        run("pin", "kas:lock:home:front", "0", "62");
        assertEquals(List.of("PIN code request: INVALID_INPUT - duration must be between 0 and 61, was 62"),
                console.lines());

        for (String start : List.of("-1", "2147483648", "31556889864403199", "-31557014167219200",
                "9223372036854775807")) {
            run("pin", "kas:lock:home:front", "0", "24", start);
            assertEquals(List.of("startTime is out of range: epoch seconds from 0 to 2147483647"), console.lines(),
                    start);
        }

        assertKeyedRequestsStay(0);
    }

    @Test
    void pinWithTheWrongNumberOfArgumentsIsRefused() {
        run("pin", "kas:lock:home:front", "0");
        assertEquals(List.of("'kas pin' takes 3 or 4 arguments: <lockThingUID> <mode> <duration> [<startTime>]."),
                console.lines());
        assertUsagePrinted();

        run("pin", "kas:lock:home:front", "0", "24", String.valueOf(START), "extra");
        assertEquals(List.of("'kas pin' takes 3 or 4 arguments: <lockThingUID> <mode> <duration> [<startTime>]."),
                console.lines());
        assertUsagePrinted();
    }

    @Test
    void pinForAnUnknownThingSendsNothing() {
        register(startAccount());

        run("pin", "kas:lock:home:garage", "0", "24");

        assertEquals(List.of("There is no thing kas:lock:home:garage."), console.lines());
        assertKeyedRequestsStay(0);
    }

    @Test
    void pinFailuresPrintTheOutcomeAndNoCode() {
        register(startAccount());
        InMemoryThing front = startLock("front", FRONT_FN);
        register(front);
        emulator.setAdmin(FRONT_FN, false);

        run("pin", "kas:lock:home:front", "0", "24", String.valueOf(START));

        assertEquals(1, console.lines().size(), console.lines().toString());
        assertTrue(console.lines().getFirst().startsWith("PIN code request: " + KasOutcome.NOT_ADMIN + " - "),
                console.lines().getFirst());
    }
}
