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

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The base URL of the KAS cloud, normally {@value #DEFAULT}.
 * <p>
 * Rules: an absolute URL with scheme {@code https}; plain {@code http} only for a loopback host (127.0.0.0/8,
 * {@code localhost}, {@code [::1]}: a local emulator or test server); no user info, query or fragment; an optional
 * path prefix (without {@code .}/{@code ..} segments) is kept and trailing slashes are removed. The scheme and host
 * are lower-cased; nothing else is changed.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class CloudBaseUrl {

    /** The URL of the public KAS cloud. */
    public static final String DEFAULT = "https://cloud.kas.com.au";

    /** The parameter name reported in {@link InvalidInputException#parameter()}. */
    public static final String PARAMETER = "baseUrl";

    private static final String EXAMPLE = " (e.g. " + DEFAULT + ")";

    private final String url;
    private final String host;
    private final String authority;
    private final boolean loopback;

    private CloudBaseUrl(String url, String host, String authority, boolean loopback) {
        this.url = url;
        this.host = host;
        this.authority = authority;
        this.loopback = loopback;
    }

    /**
     * @return the URL of the public KAS cloud, {@value #DEFAULT}
     */
    public static CloudBaseUrl defaultUrl() {
        return parse(DEFAULT);
    }

    /**
     * Validates a cloud base URL.
     *
     * @param raw the URL as configured
     * @return the validated URL without trailing slash
     * @throws InvalidInputException (an {@link IllegalArgumentException}) saying what is wrong
     */
    public static CloudBaseUrl parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("base-url-empty", List.of(),
                    "The cloud URL is empty; leave the default " + DEFAULT + " unless you test with a local emulator.");
        }
        String candidate = raw.strip();
        for (int i = 0; i < candidate.length();) {
            int cp = candidate.codePointAt(i);
            if (cp <= ' ' || cp >= 0x7f) {
                throw invalid("base-url-character", List.of(LogSafe.characterName(cp)), "The cloud URL contains "
                        + LogSafe.describeCharacter(cp) + "; enter a plain URL" + EXAMPLE + ".");
            }
            i += Character.charCount(cp);
        }
        URI uri;
        try {
            uri = new URI(candidate);
        } catch (URISyntaxException e) {
            throw invalid("base-url-syntax", List.of(String.valueOf(e.getIndex() + 1)),
                    "The cloud URL is not a valid URL (" + e.getReason() + " at position " + (e.getIndex() + 1)
                            + "); enter a URL" + EXAMPLE + ".");
        }
        String scheme = uri.getScheme();
        if (scheme == null || uri.isOpaque()) {
            throw invalid("base-url-not-absolute", List.of(),
                    "The cloud URL must be an absolute URL starting with https://" + EXAMPLE + ".");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            String shown = LogSafe.shorten(scheme, 20);
            throw invalid("base-url-scheme", List.of(shown),
                    "The cloud URL must use https, not '" + shown + "'" + EXAMPLE + ".");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("base-url-user-info", List.of(),
                    "The cloud URL must not contain a user name or password (user:password@).");
        }
        String rawHost = uri.getHost();
        if (rawHost == null || rawHost.isEmpty()) {
            throw invalid("base-url-host", List.of(), "The cloud URL has no valid host name" + EXAMPLE + ".");
        }
        if (uri.getRawQuery() != null) {
            throw invalid("base-url-query", List.of(),
                    "The cloud URL must not contain a query ('?...'); enter the base address only" + EXAMPLE + ".");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("base-url-fragment", List.of(),
                    "The cloud URL must not contain a fragment ('#...'); enter the base address only" + EXAMPLE + ".");
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw invalid("base-url-port", List.of(String.valueOf(port)),
                    "The cloud URL has an invalid port " + port + "; ports are 1 to 65535.");
        }
        String hostName = rawHost.toLowerCase(Locale.ROOT);
        boolean isLoopback = isLoopbackHost(hostName);
        if ("http".equals(scheme) && !isLoopback) {
            String shown = LogSafe.shorten(hostName, 80);
            throw invalid("base-url-http", List.of(shown),
                    "The cloud URL must use https; plain http is only allowed for a local test server "
                            + "(127.0.0.1, localhost or [::1]), not for '" + shown + "'.");
        }
        String path = uri.getRawPath();
        path = path == null ? "" : path;
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String segment : path.split("/", -1)) {
            if (".".equals(segment) || "..".equals(segment)) {
                throw invalid("base-url-dot-segment", List.of(),
                        "The cloud URL must not contain '.' or '..' path segments.");
            }
        }
        if (path.toLowerCase(Locale.ROOT).contains("/api/lockcommand")) {
            throw invalid("base-url-api-call", List.of(), "The cloud URL must be the base address of the KAS cloud"
                    + EXAMPLE + ", not the URL of an API call.");
        }
        String authority = hostName + (port == -1 ? "" : ":" + port);
        return new CloudBaseUrl(scheme + "://" + authority + path, hostName, authority, isLoopback);
    }

    /**
     * Loopback test without any name lookup: {@code localhost}, IPv4 literals 127.0.0.0/8 and IPv6 literals of the
     * loopback address.
     */
    static boolean isLoopbackHost(String host) {
        if ("localhost".equals(host)) {
            return true;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                // a bracketed IPv6 literal is parsed without any DNS query
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException | SecurityException e) {
                return false;
            }
        }
        String[] octets = host.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return Integer.parseInt(octets[0]) == 127;
    }

    private static InvalidInputException invalid(String reason, List<String> arguments, String message) {
        return new InvalidInputException(PARAMETER, reason, arguments, message);
    }

    /**
     * @return the URL without trailing slash, e.g. {@code https://cloud.kas.com.au}
     */
    public String url() {
        return url;
    }

    /**
     * @return the host name or literal address (lower case; IPv6 literals in brackets)
     */
    public String host() {
        return host;
    }

    /**
     * @return the host and, if given, the port, e.g. {@code 127.0.0.1:8080} or {@code cloud.kas.com.au}
     */
    public String authority() {
        return authority;
    }

    /**
     * @return whether the host is a loopback address or {@code localhost}
     */
    public boolean isLoopback() {
        return loopback;
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return this == obj || (obj instanceof CloudBaseUrl other && url.equals(other.url));
    }

    @Override
    public int hashCode() {
        return url.hashCode();
    }

    /**
     * @return the URL, as {@link #url()}
     */
    @Override
    public String toString() {
        return url;
    }
}
