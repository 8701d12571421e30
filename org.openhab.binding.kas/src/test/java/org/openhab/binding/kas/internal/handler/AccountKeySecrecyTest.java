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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.binding.kas.internal.test.KasHandlerTestBase;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;

import ch.qos.logback.classic.Level;

/**
 * The API key never passes through openHAB core code that logs configuration values: openHAB's {@code ConfigParser}
 * (it logs every value it maps at TRACE) and, in openHAB 5.2, the resolution of {@code ${ENV:NAME}} references (it
 * logs the whole configuration at WARN when a variable is not set). The base class fails every test whose captured
 * log (TRACE for openHAB's loggers) contains the key.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class AccountKeySecrecyTest extends KasHandlerTestBase {

    private static final String CONFIG_PARSER = "org.openhab.core.config.core.ConfigParser";
    /** Set by the build for the tests (see the add-on's pom): a test key, not a real one. */
    private static final String ENV_KEY_VARIABLE = "KAS_TEST_API_KEY";
    private static final String UNSET_VARIABLE = "KAS_TEST_VARIABLE_THAT_IS_NOT_SET";

    @Test
    void theKeyIsNotMappedByOpenHabsConfigParserWhichLogsEveryValueAtTrace() {
        InMemoryBridge account = startAccount();

        List<LogCapture.Event> parserLines = logs.events(CONFIG_PARSER);
        // the other parameters were mapped by ConfigParser, and it logged them: the check below is not vacuous
        assertTrue(parserLines.stream().anyMatch(e -> e.level() == Level.TRACE && e.text().contains(baseUrl)),
                () -> "ConfigParser did not log the mapped base URL: " + parserLines);
        assertFalse(parserLines.stream().anyMatch(e -> e.text().contains("'" + CONFIG_API_KEY + "'")),
                () -> "the API key went through ConfigParser: " + parserLines);
        logs.assertNotContained(API_KEY);
        assertEquals(ThingStatus.ONLINE, account.getStatus());
    }

    @Test
    void aKeyFromAnEnvironmentVariableIsResolvedAndUsed() {
        String key = System.getenv(ENV_KEY_VARIABLE);
        assertNotNull(key, "the build sets " + ENV_KEY_VARIABLE + " for the tests");
        addSecret(key);
        emulator.addAccount(key);
        emulator.addLock("SS000999", key, true, true);
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_API_KEY, "${ENV:" + ENV_KEY_VARIABLE + "}");
        startAccount(config);
        InMemoryThing lock = startLock("env", "SS000999");

        command(lock, CHANNEL_UNLOCK, OnOffType.ON);

        await().atMost(WAIT).until(() -> events(lock).contains(EVENT_UNLOCK_ACCEPTED));
        assertEquals(1, requests(Endpoint.UNLOCK).size());
    }

    @Test
    void anUnsetVariableIsAConfigurationErrorAndTheLiteralKeyIsNotLogged() {
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_BASE_URL, "${ENV:" + UNSET_VARIABLE + "}");
        InMemoryBridge account = createAccount(config);

        initialize(account);

        assertUnsetVariableError(account, CONFIG_BASE_URL);
        assertEquals(List.of(), emulator.requests());
    }

    @Test
    void anUpdatedThingWithAnUnsetVariableIsAConfigurationErrorAndTheLiteralKeyIsNotLogged() {
        InMemoryBridge account = startAccount();
        Map<String, Object> config = accountConfig();
        config.put(CONFIG_REQUEST_TIMEOUT, "${ENV:" + UNSET_VARIABLE + "}");
        InMemoryBridge updated = new InMemoryBridge(ACCOUNT_UID, THING_TYPE_ACCOUNT, configuration(config));
        updated.setHandler(accountHandler(account));

        accountHandler(account).thingUpdated(updated);

        assertUnsetVariableError(updated, CONFIG_REQUEST_TIMEOUT);
    }

    @Test
    void aConfigurationUpdateWithAnUnsetVariableIsRefusedWithoutLoggingTheKey() {
        InMemoryBridge account = startAccount();

        accountHandler(account).handleConfigurationUpdate(Map.of(CONFIG_BASE_URL, "${ENV:" + UNSET_VARIABLE + "}"));

        assertEquals(baseUrl, account.getConfiguration().get(CONFIG_BASE_URL), "the configuration was changed");
        assertEquals(ThingStatus.ONLINE, account.getStatus());
        assertTrue(logs.anyMatch(e -> e.level() == Level.WARN && e.text().contains(CONFIG_BASE_URL)
                && e.text().contains(UNSET_VARIABLE)), () -> "no warning names the parameter: " + logs.texts());
        logs.assertNotContained(API_KEY);
    }

    private void assertUnsetVariableError(InMemoryBridge account, String parameter) {
        ThingStatusInfo status = account.getStatusInfo();
        assertEquals(ThingStatus.OFFLINE, status.getStatus());
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, status.getStatusDetail());
        assertEquals("@text/offline.config-error.unset-variable [\"" + parameter + "\", \"" + UNSET_VARIABLE + "\"]",
                status.getDescription());
        logs.assertNotContained(API_KEY);
    }
}
