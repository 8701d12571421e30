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

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.test.StubBridge;
import org.openhab.binding.kas.internal.test.StubThing;
import org.openhab.binding.kas.internal.test.SuiteLog;
import org.openhab.binding.kas.internal.test.TestSecrets;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.slf4j.event.Level;

/**
 * Rule 7 over the whole test run: no log line and no logged throwable of any test class in this JVM contains an API
 * key used by any test, or anything shaped like a JSON Web Token. Runs after all other test classes
 * ({@code @Order(Integer.MAX_VALUE)} with the class orderer set in {@code junit-platform.properties}), over the
 * events {@link SuiteLog} collected since the JVM started. The keys are those registered in {@link TestSecrets}, the
 * emulator's demo key and every {@code static final String} constant of a test class whose name says it is a key,
 * token or secret. Events of the emulator's server side (the "cloud" itself) are left out.
 * <p>
 * So that it cannot pass without looking at anything, it first sends unlocks, a failing unlock, a PIN code request
 * and a rejected key through the binding itself, and then requires DEBUG lines of the client showing unlock URLs with
 * the key masked ({@code .../remoteUnlock/SS000510/***}): a handful when it runs alone, many after the whole suite.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
@Order(Integer.MAX_VALUE)
class LogAuditTest extends SafetyTestBase {

    private static final Set<String> SECRET_NAMES = Set.of("KEY", "TOKEN", "SECRET");

    @Test
    void noLogLineOfTheWholeRunContainsAnApiKey() throws Exception {
        long beforeThisClass = SuiteLog.lastSequence();
        exerciseTheBinding();

        List<String> secrets = secrets();
        List<SuiteLog.Entry> entries = SuiteLog.entries();
        List<String> problems = new ArrayList<>(SuiteLog.findings());
        for (SuiteLog.Entry entry : entries) {
            String problem = SuiteLog.scan(entry.event(), secrets);
            if (problem != null && problems.size() < 20) {
                problems.add("#" + entry.sequence() + " " + problem);
            }
        }
        long maskedUnlockLines = entries.stream().map(SuiteLog.Entry::event)
                .filter(e -> e.level() == Level.DEBUG && KasCloudClient.class.getName().equals(e.logger()))
                .filter(e -> e.message().contains("/remoteUnlock/") && e.message().contains("/***")).count();
        long bindingLines = entries.stream().filter(e -> e.event().logger().startsWith(BINDING_LOGGERS)).count();
        report("LogAuditTest: %d log events in this run (%d before this class, %d of the binding, %d characters), "
                + "%d unlock URLs logged with the key masked, %d keys looked for", entries.size(), beforeThisClass,
                bindingLines, SuiteLog.storedChars(), maskedUnlockLines, secrets.size());

        assertEquals(0, SuiteLog.overflow(), "the suite log overflowed: raise SuiteLog's bounds, do not audit less");
        assertEquals(List.of(), problems, "log lines with an API key or a JWT-shaped token");
        assertEquals(0, SuiteLog.findingCount());
        // not vacuous: the client's unlock URLs were logged (masked) and looked at
        assertTrue(maskedUnlockLines >= 2, "the audit saw no unlock URL");
        if (beforeThisClass > 1000) {
            // after the whole suite
            assertTrue(maskedUnlockLines >= 100, maskedUnlockLines + " masked unlock URLs in the whole run");
        }
        assertTrue(secrets.contains(API_KEY) && secrets.contains(OTHER_API_KEY)
                && secrets.contains(KasCloudEmulator.DEMO_API_KEY), "the keys of the harness are looked for");
    }

    /** Unlocks (accepted and failing), a PIN code and a rejected key, so that this class alone logs keyed URLs. */
    private void exerciseTheBinding() {
        StubBridge account = startAccount();
        StubThing front = startLock("front", FRONT_FN);
        StubThing back = startLock("back", BACK_FN);
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(actionsOf(front).unlock()));
        emulator.addFault(Fault.on(Endpoint.UNLOCK).forLock(BACK_FN).times(1).respond(500, "text/plain",
                "Unknown Error for key " + API_KEY));
        assertEquals(KasOutcome.SERVER_ERROR, outcomeOf(actionsOf(back).unlock()));
        Map<String, Object> pin = actionsOf(front).generatePinCode(0, 24, null);
        assertEquals(KasOutcome.ACCEPTED, outcomeOf(pin));
        emulator.removeAccount(API_KEY);
        assertEquals(KasOutcome.INVALID_TOKEN, outcomeOf(actionsOf(back).unlock()));
        awaitStatus(account, ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR);
        await().atMost(WAIT).until(() -> events(back).size() == 2);
        for (StubThing thing : List.of(account, front, back)) {
            for (String value : thing.getProperties().values()) {
                assertNotContains(value, API_KEY);
            }
        }
    }

    /** @return every key the tests use: registered ones, the emulator's demo key and key constants of test classes */
    private static List<String> secrets() throws IOException, URISyntaxException {
        Set<String> secrets = new TreeSet<>(TestSecrets.all());
        secrets.add(KasCloudEmulator.DEMO_API_KEY);
        Path root = Path.of(LogAuditTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classNames;
        try (Stream<Path> files = Files.walk(root)) {
            classNames = files.filter(p -> p.toString().endsWith(".class")).map(p -> root.relativize(p).toString()).map(
                    name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                    .toList();
        }
        for (String className : classNames) {
            Class<?> type;
            try {
                type = Class.forName(className, false, LogAuditTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                String name = field.getName().toUpperCase(Locale.ROOT);
                if (!Modifier.isStatic(modifiers) || !Modifier.isFinal(modifiers) || field.getType() != String.class
                        || SECRET_NAMES.stream().noneMatch(name::contains)) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    Object value = field.get(null);
                    if (value instanceof String text && text.strip().length() >= TestSecrets.MIN_LENGTH
                            && text.contains(".")) {
                        secrets.add(text.strip());
                    }
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    // not readable: not a constant of interest
                }
            }
        }
        return List.copyOf(secrets);
    }
}
