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

import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.test.LogAudit;
import org.openhab.binding.kas.internal.test.LogAuditExtension;
import org.openhab.binding.kas.internal.test.TestSecrets;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule 7 over the whole test run: no log line and no logged throwable of any test class contains an API key used by
 * any test, or anything shaped like a JSON Web Token. {@link LogAudit} (a logback appender on the root logger) scans
 * every event of the run when it is logged, and {@link LogAuditExtension} fails the test class during which a finding
 * appeared, whatever the order of the classes. This class shows that the audit works: it finds a planted key, and it
 * sees the binding's masked unlock URLs (so that it cannot pass without looking at anything).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class LogAuditTest extends SafetyTestBase {

    private final Logger probe = LoggerFactory.getLogger("org.openhab.binding.kas.test.AuditProbe");

    @Test
    void theAuditFindsAKeyInAMessageOrAThrowableWithoutRepeatingIt() {
        LogAudit.takeFindings();
        probe.debug("GET /remoteUnlock/SS000510/{}", API_KEY);
        probe.debug("failed", new IllegalStateException("answer for " + OTHER_API_KEY));
        probe.trace("a JWT nobody registered: eyJhbGciOiJub25lIn0.eyJzdWIiOiJzb21lb25lLWVsc2UifQ.c2lnbmF0dXJlLXBhcnQ");
        probe.info("a static key, no JWT: {}", STATIC_API_KEY);

        List<String> findings = LogAudit.takeFindings();

        assertEquals(4, findings.size(), findings::toString);
        assertTrue(
                findings.stream()
                        .noneMatch(f -> f.contains(API_KEY) || f.contains(OTHER_API_KEY) || f.contains(STATIC_API_KEY)),
                "repeated");
        assertTrue(findings.stream().allMatch(f -> f.contains("<SECRET>")), findings::toString);
        assertEquals(List.of(), LogAudit.takeFindings(), "taken once");
        // the planted lines are this test's own, not the binding's: the harness's check after each test must not see
        // them (it fails any test whose captured log shows a key)
        logs.clear();
    }

    @Test
    void theAuditKnowsTheKeysOfTheTests() {
        List<String> secrets = TestSecrets.all();

        assertTrue(secrets.containsAll(
                List.of(API_KEY, API_KEY_SIGNATURE, OTHER_API_KEY, STATIC_API_KEY, KasCloudEmulator.DEMO_API_KEY)),
                "the keys of the harness are looked for");
        // key constants of other test classes (ApiKeyTest.KEY, ...) are found too
        assertTrue(secrets.size() > 4, secrets.size() + " secrets");
    }

    @Test
    void openHabsLoggersAreAuditedAtTraceAndOthersFromInfo() {
        try (LogCapture all = LogCapture.start()) {
            LoggerFactory.getLogger("org.openhab.core.Anything").trace("core at trace");
            LoggerFactory.getLogger("org.example.Other").debug("not enabled");
            LoggerFactory.getLogger("org.example.Other").info("enabled");

            assertEquals(List.of("core at trace", "enabled"),
                    all.events().stream().map(LogCapture.Event::message).toList());
        }
    }

    @Test
    void theBindingsLogIsAuditedAndShowsUnlockUrlsOnlyMasked() {
        long maskedBefore = LogAudit.maskedUnlockLines();
        long auditedBefore = LogAudit.audited();
        InMemoryBridge account = startAccount();
        InMemoryThing front = startLock("front", FRONT_FN);
        InMemoryThing back = startLock("back", BACK_FN);
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

        assertTrue(LogAudit.maskedUnlockLines() - maskedBefore >= 3, "the audit saw the masked unlock URLs");
        assertTrue(LogAudit.audited() - auditedBefore >= 20, "the audit saw the binding's log");
        assertEquals(List.of(), LogAudit.takeFindings(), "log lines with an API key or a JWT-shaped token");
        for (InMemoryThing thing : List.of(account, front, back)) {
            for (String value : thing.getProperties().values()) {
                assertNotContains(value, API_KEY);
            }
        }
    }
}
