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

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.CloudBaseUrl;
import org.openhab.binding.kas.internal.api.InvalidInputException;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.LogSafe;

/**
 * Builds openHAB's {@code @text/key ["arg", ...]} status descriptions, which openHAB translates with the arguments
 * filled in.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class StatusTexts {

    private static final int MAX_ARGUMENT_LENGTH = 160;

    private StatusTexts() {
    }

    /**
     * @param key the key in {@code kas.properties}
     * @param arguments the values for {@code {0}}, {@code {1}} ...; see {@link #argument(String)}
     * @return the description for {@code updateStatus}
     */
    static String text(String key, String... arguments) {
        if (arguments.length == 0) {
            return "@text/" + key;
        }
        return Stream.of(arguments).map(a -> '"' + argument(a) + '"')
                .collect(Collectors.joining(", ", "@text/" + key + " [", "]"));
    }

    /**
     * @param e why a configuration parameter is invalid
     * @return {@code @text/offline.config-error.<reason> [arguments]}: the template explains, the arguments are names
     *         and numbers only
     */
    static String configError(InvalidInputException e) {
        return text("offline.config-error." + e.reason(), e.arguments().toArray(String[]::new));
    }

    /**
     * @param baseUrl where the cloud is
     * @param result the failed reachability check
     * @param nextCheckIn when the next check runs
     * @return the description of an account whose cloud does not answer: a template per kind of failure, with the
     *         host (or address) and the seconds until the next check
     */
    static String cloudUnreachable(CloudBaseUrl baseUrl, KasResult result, Duration nextCheckIn) {
        String seconds = String.valueOf(nextCheckIn.toSeconds());
        return switch (result.connectionFailure()) {
            case TIMEOUT -> text("offline.cloud-unreachable.timeout", baseUrl.toString(), seconds);
            case UNKNOWN_HOST -> text("offline.cloud-unreachable.unknown-host", baseUrl.host(), seconds);
            case REFUSED, NO_ROUTE -> text("offline.cloud-unreachable.refused", baseUrl.authority(), seconds);
            case TLS -> text("offline.cloud-unreachable.tls", baseUrl.host(), seconds);
            default -> text("offline.cloud-unreachable.other", baseUrl.toString(), seconds);
        };
    }

    /**
     * openHAB removes every {@code [}, {@code ]} and {@code "} from the argument list, splits it at commas and drops
     * empty arguments, so an argument must contain none of these and must not be blank, or the later arguments would
     * move to the wrong placeholders.
     *
     * @param value any text
     * @return the text shortened, without control characters, with commas as semicolons and brackets as parentheses
     */
    static String argument(String value) {
        String safe = LogSafe.shorten(value, MAX_ARGUMENT_LENGTH).replace(',', ';').replace('[', '(').replace(']', ')')
                .replace("\"", "");
        return safe.isBlank() ? "-" : safe;
    }
}
