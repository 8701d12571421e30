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
package org.openhab.binding.kas.internal.api;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.client.HttpClient;
import org.junit.jupiter.api.Test;
import org.openhab.addons.kas.emulator.KasCloudEmulator;
import org.openhab.binding.kas.internal.api.transport.jetty12.Jetty12Transport;

/**
 * What the Jetty 12 transport reports for an unlock whose request line and headers exceed the client's limit: the
 * same certain "not sent" as on Jetty 9.4, where the longest accepted key already exceeds the default limit.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class Jetty12RequestLimitTest {

    @Test
    void anUnlockOverTheClientsHeaderLimitIsCertainlyNotSent() throws Exception {
        String longest = "k".repeat(ApiKey.MAX_LENGTH);
        HttpClient httpClient = new HttpClient();
        httpClient.setMaxRequestHeadersSize(4096);
        httpClient.setRequestBufferSize(4096);
        httpClient.start();
        try (KasCloudEmulator emulator = KasCloudEmulator.start()) {
            emulator.addAccount(longest);
            emulator.addLock("SS000511", longest, true, true);
            KasCloudClient client = new KasCloudClient(new Jetty12Transport(httpClient),
                    CloudBaseUrl.parse(emulator.baseUrl()), Duration.ofSeconds(5));

            KasResult result = KasCloudClientContract
                    .await(client.remoteUnlock(FactoryNumber.parse("SS000511"), ApiKey.parse(longest)));

            assertEquals(KasOutcome.COMMUNICATION_ERROR, result.outcome(), result.message());
            assertEquals(ConnectionFailure.NOT_SENT, result.connectionFailure(), result.message());
            assertTrue(result.message().startsWith("The request could not be sent, it is too large"), result.message());
            assertFalse(result.message().contains("may or may not"), result.message());
            assertFalse(result.message().contains(longest), result.message());
            assertTrue(emulator.requests().isEmpty(), "nothing reached the cloud");
        } finally {
            httpClient.stop();
        }
    }
}
