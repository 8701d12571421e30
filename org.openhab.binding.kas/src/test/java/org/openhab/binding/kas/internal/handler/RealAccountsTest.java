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
package org.openhab.binding.kas.internal.handler;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.ExecutedUnlock;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.JournalEntry;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.test.KasLockTestBase;
import org.openhab.binding.kas.internal.test.TestSecrets;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;

import ch.qos.logback.classic.Level;

/**
 * What real KAS accounts have, end to end against the emulator: API keys of no documented form (KAS issues static
 * keys besides JSON Web Tokens) and factory numbers without the SS or UL prefix its documentation names (its own API
 * example is {@code S000510}). The base class checks after each test that no key appears in any log line, status,
 * state, event or journal entry.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class RealAccountsTest extends KasLockTestBase {

    /** A static key of the kind KAS issues besides JSON Web Tokens: no structure, no dots (not a real key). */
    /** The factory number of KAS's own API example, without the documented prefix. */
    private static final String EXAMPLE_FN = "S000510";
    /** The debug line about a factory number without the documented prefix. */
    private static final String UNDOCUMENTED_PREFIX = "does not start with SS or UL";
    /** The path of a remote unlock, before the factory number. */
    private static final String UNLOCK_PATH = "/api/lockCommand/remoteUnlock/";
    /** The path of a PIN code request, before the factory number. */
    private static final String PIN_CODE_PATH = "/api/lockCommand/pinCode/";
    /** The unreserved URL characters, the only ones a key may have. */
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /**
     * Binds a lock to an account of the emulator, starts the account bridge with the key and the lock under it.
     *
     * @return the lock, ONLINE
     */
    private InMemoryThing startAccountWithLock(String key, String factoryNumber) {
        if (key.length() >= TestSecrets.MIN_LENGTH) {
            // shorter keys would match ordinary text; the journal's masked path is checked for every key
            addSecret(key);
        }
        emulator.addAccount(key);
        emulator.addLock(factoryNumber, key, true, true);
        InMemoryBridge account = startAccount(accountConfig(Map.of(CONFIG_API_KEY, key)));
        assertEquals(ThingStatus.ONLINE, account.getStatus());
        return startLock("door", factoryNumber);
    }

    /**
     * Unlocks the lock and checks that KAS accepted it and that the unlock reached the lock, with the key masked in
     * the journal.
     */
    private void assertUnlockAccepted(InMemoryThing lock, String factoryNumber) {
        KasResult unlock = unlockAndWait(lock);

        assertEquals(KasOutcome.ACCEPTED, unlock.outcome(), unlock.message());
        assertEquals(List.of(factoryNumber),
                emulator.executedUnlocks().stream().map(ExecutedUnlock::factoryNumber).toList());
        assertEquals(List.of(UNLOCK_PATH + factoryNumber + "/***"),
                requests(Endpoint.UNLOCK).stream().map(JournalEntry::maskedPath).toList());
    }

    @Test
    void aStaticKeyAndTheFactoryNumberOfKassExampleWorkEndToEnd() {
        InMemoryThing door = startAccountWithLock(STATIC_API_KEY, EXAMPLE_FN);

        assertUnlockAccepted(door, EXAMPLE_FN);
        KasResult pin = pinCodeAndWait(door);

        assertEquals(KasOutcome.ACCEPTED, pin.outcome(), pin.message());
        assertEquals(KasCloudEmulator.pinFor(EXAMPLE_FN, 0, 24, clock.instant().getEpochSecond()), pin.code());
        assertEquals(List.of(PIN_CODE_PATH + EXAMPLE_FN),
                requests(Endpoint.PIN_CODE).stream().map(JournalEntry::maskedPath).toList());
        String body = requests(Endpoint.PIN_CODE).getFirst().body();
        assertTrue(body.contains("\"apiKey\":\"***\""), body);
        assertEquals(List.of(EVENT_UNLOCK_ACCEPTED, EVENT_PIN_CODE_CREATED), events(door));
        assertEquals(List.of(ThingStatus.ONLINE), statuses(door).stream().map(ThingStatusInfo::getStatus).toList());
        // the client logs the unlock (when it is sent and when it is answered) with the key masked
        assertEquals(2, logLines(KasCloudClient.class, Level.DEBUG, " GET ", UNLOCK_PATH + EXAMPLE_FN + "/*** ").size(),
                () -> logs.texts().toString());
        // the undocumented prefix is logged once, when the lock is initialized, and not again for its requests
        List<String> prefixLines = logLines(KasLockHandler.class, Level.DEBUG, UNDOCUMENTED_PREFIX).stream()
                .map(e -> e.text()).toList();
        assertEquals(List.of("Lock " + door.getUID() + ": factory number " + EXAMPLE_FN + " " + UNDOCUMENTED_PREFIX
                + " as KAS documents; it is used as it is"), prefixLines);
        logs.assertNotContained(STATIC_API_KEY);
    }

    @Test
    void aStaticKeyThatTheCloudRepeatsInItsAnswerIsMaskedInTheLogAndTheResult() {
        InMemoryThing door = startAccountWithLock(STATIC_API_KEY, EXAMPLE_FN);
        emulator.addFault(Fault.on(Endpoint.UNLOCK).times(1).respond(500, "text/plain",
                "Unknown Error for key " + STATIC_API_KEY + " and /remoteUnlock/" + EXAMPLE_FN + "/" + STATIC_API_KEY));

        command(door, CHANNEL_UNLOCK, OnOffType.ON);
        await().atMost(WAIT).until(() -> events(door).size() == 1);

        assertEquals(new StringType(KasOutcome.SERVER_ERROR.name()), lastState(door, CHANNEL_LAST_RESULT));
        List<String> answerLines = logLines(KasCloudClient.class, Level.TRACE, "Unknown Error for key ***").stream()
                .map(e -> e.text()).toList();
        assertEquals(1, answerLines.size(), () -> logs.texts().toString());
        assertTrue(answerLines.getFirst().contains("/remoteUnlock/" + EXAMPLE_FN + "/***"), answerLines::toString);
        logs.assertNotContained(STATIC_API_KEY);
    }

    static Stream<String> keysOfAnyForm() {
        // a long key, though not the longest accepted: with its default request buffer of 4096 bytes, Jetty's HTTP
        // client cannot send an unlock whose key has more than about 3850 characters (see the client contract)
        String longKey = IntStream.range(0, 3800)
                .mapToObj(i -> String.valueOf(UNRESERVED.charAt(i % UNRESERVED.length())))
                .collect(Collectors.joining());
        return Stream.of("notajsonwebtoken", "abc.def", "k", "0123456789", "~", "a..b", UNRESERVED, longKey);
    }

    @ParameterizedTest
    @MethodSource("keysOfAnyForm")
    void anyKeyOfUnreservedUrlCharactersIsUsedAsItIs(String key) {
        InMemoryThing door = startAccountWithLock(key, FRONT_FN);

        assertUnlockAccepted(door, FRONT_FN);
    }

    static Stream<Arguments> factoryNumbers() {
        // number, whether it has the prefix the KAS documentation names
        return Stream.of(Arguments.of("XX000510", false), Arguments.of("000510", false), Arguments.of("UL", true),
                Arguments.of("SS" + "0".repeat(30), true), Arguments.of("A1", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("factoryNumbers")
    void factoryNumbersOfTwoTo32CapitalLettersAndDigitsAreUsedAsTheyAre(String factoryNumber, boolean documented) {
        InMemoryThing door = startAccountWithLock(API_KEY, factoryNumber);

        assertUnlockAccepted(door, factoryNumber);
        assertEquals(documented ? 0 : 1, logLines(KasLockHandler.class, Level.DEBUG, UNDOCUMENTED_PREFIX).size());
    }
}
