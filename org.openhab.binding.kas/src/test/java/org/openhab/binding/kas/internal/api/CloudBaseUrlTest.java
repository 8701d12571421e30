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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link CloudBaseUrl}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class CloudBaseUrlTest {

    private static String rejected(@Nullable String raw) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CloudBaseUrl.parse(raw));
        assertEquals("baseUrl", e.parameter());
        String message = e.getMessage();
        return message == null ? "" : message;
    }

    @ParameterizedTest
    @CsvSource({ "https://cloud.kas.com.au,https://cloud.kas.com.au",
            "https://cloud.kas.com.au/,https://cloud.kas.com.au", "HTTPS://Cloud.KAS.com.au//,https://cloud.kas.com.au",
            "https://proxy.example.org:8443/kas/,https://proxy.example.org:8443/kas",
            "http://127.0.0.1:41234,http://127.0.0.1:41234", "http://127.1.2.3:8080/,http://127.1.2.3:8080",
            "http://localhost:8080/emulator/,http://localhost:8080/emulator",
            "http://LOCALHOST:8080,http://localhost:8080", "http://[::1]:8080/,http://[::1]:8080",
            "' https://cloud.kas.com.au ',https://cloud.kas.com.au" })
    void acceptsAndNormalises(String raw, String expected) {
        CloudBaseUrl url = CloudBaseUrl.parse(raw);
        assertEquals(expected, url.url());
        assertEquals(expected, url.toString());
    }

    @Test
    void defaultIsTheKasCloud() {
        CloudBaseUrl url = CloudBaseUrl.defaultUrl();
        assertEquals("https://cloud.kas.com.au", url.url());
        assertEquals("cloud.kas.com.au", url.host());
        assertEquals("cloud.kas.com.au", url.authority());
        assertFalse(url.isLoopback());
    }

    @Test
    void hostAuthorityAndLoopback() {
        CloudBaseUrl url = CloudBaseUrl.parse("http://127.0.0.1:41234/x/");
        assertEquals("127.0.0.1", url.host());
        assertEquals("127.0.0.1:41234", url.authority());
        assertTrue(url.isLoopback());
        assertTrue(CloudBaseUrl.parse("http://[0:0:0:0:0:0:0:1]:80").isLoopback());
        assertEquals(CloudBaseUrl.parse("https://cloud.kas.com.au/"), CloudBaseUrl.parse("https://cloud.kas.com.au"));
    }

    @Test
    void rejectsEmpty() {
        assertTrue(rejected(null).contains("empty"));
        assertTrue(rejected("").contains("empty"));
        assertTrue(rejected("   ").contains("empty"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "cloud.kas.com.au", "/api", "//cloud.kas.com.au", "mailto:x@example.org" })
    void rejectsRelativeOrOpaque(String raw) {
        String message = rejected(raw);
        assertTrue(message.contains("absolute URL") || message.contains("must use https"), message);
    }

    @Test
    void rejectsOtherSchemes() {
        assertTrue(rejected("ftp://cloud.kas.com.au").contains("must use https, not 'ftp'"));
        assertTrue(rejected("file:///etc/passwd").contains("must use https"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://cloud.kas.com.au", "http://192.168.1.10:8080", "http://10.0.0.1",
            "http://128.0.0.1", "http://127.0.0.1.example.org", "http://localhost.example.org", "http://[::2]:8080" })
    void rejectsPlainHttpForNonLoopbackHosts(String raw) {
        String message = rejected(raw);
        assertTrue(message.contains("plain http is only allowed for a local test server"), message);
    }

    @Test
    void rejectsUserInfoQueryAndFragment() {
        String userInfo = rejected("https://user:secret@cloud.kas.com.au");
        assertTrue(userInfo.contains("user name or password"), userInfo);
        assertFalse(userInfo.contains("secret"), userInfo);
        assertTrue(rejected("https://cloud.kas.com.au/?x=1").contains("query"));
        assertTrue(rejected("https://cloud.kas.com.au/#top").contains("fragment"));
    }

    @Test
    void rejectsBadHostsAndPorts() {
        assertTrue(rejected("https://").contains("not a valid URL") || rejected("https://").contains("host"));
        assertTrue(rejected("https://under_score.example").contains("no valid host name"));
        assertTrue(rejected("https://cloud.kas.com.au:0").contains("invalid port 0"));
        assertTrue(rejected("https://cloud.kas.com.au:70000").contains("invalid port 70000"));
    }

    @Test
    void rejectsDotSegmentsAndApiUrls() {
        assertTrue(rejected("https://cloud.kas.com.au/a/../b").contains("'..'"));
        assertTrue(rejected("https://cloud.kas.com.au/./b").contains("'..'"));
        String message = rejected("https://cloud.kas.com.au/api/lockCommand/remoteUnlock/SS000510/abc.def.ghi");
        assertTrue(message.contains("not the URL of an API call"), message);
        assertFalse(message.contains("abc.def.ghi"), message);
    }

    @Test
    void rejectsWhitespaceControlAndNonAscii() {
        assertTrue(rejected("https://cloud.kas .com.au").contains("a space"));
        assertTrue(rejected("https://cloud.kas.com.au/\u0000").contains("control character"));
        assertTrue(rejected("https://cl\u00f6ud.kas.com.au").contains("non-ASCII character (U+00F6)"));
    }

    @Test
    void rejectsSyntaxErrors() {
        assertTrue(rejected("https://cloud.kas.com.au/a|b").contains("not a valid URL"));
    }

    @Test
    void loopbackDetectionDoesNoNameLookup() {
        assertTrue(CloudBaseUrl.isLoopbackHost("127.0.0.1"));
        assertTrue(CloudBaseUrl.isLoopbackHost("127.255.255.254"));
        assertTrue(CloudBaseUrl.isLoopbackHost("localhost"));
        assertTrue(CloudBaseUrl.isLoopbackHost("[::1]"));
        assertFalse(CloudBaseUrl.isLoopbackHost("127.0.0.256"));
        assertFalse(CloudBaseUrl.isLoopbackHost("127.0.0"));
        assertFalse(CloudBaseUrl.isLoopbackHost("127.0.0.1.nip.io"));
        assertFalse(CloudBaseUrl.isLoopbackHost("[fe80::1]"));
        assertFalse(CloudBaseUrl.isLoopbackHost("kas-nonexistent.invalid"));
    }
}
