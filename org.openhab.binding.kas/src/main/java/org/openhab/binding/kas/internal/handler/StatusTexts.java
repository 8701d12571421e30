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

import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
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
