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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Thrown by the value types of this package ({@link FactoryNumber}, {@link ApiKey}, {@link PinCodeRequest},
 * {@link CloudBaseUrl}) when an input is not acceptable.
 * <p>
 * The message is a complete English sentence that says what is wrong and, where possible, how to fix it, for logs and
 * action results. It never contains an API key. {@link #parameter()} names the offending input (for example
 * {@code factoryNumber}, {@code apiKey}, {@code duration}) so that callers can point at the right configuration field.
 * {@link #reason()} and {@link #arguments()} say the same for a translated text: the reason is the last part of an
 * i18n key, the arguments are names and numbers only (never a sentence, never a key).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String reason;
    private final List<String> arguments;

    /**
     * @param parameter the name of the rejected input, e.g. {@code duration}
     * @param reason what is wrong, as the last part of an i18n key, e.g. {@code range}
     * @param arguments the values the translated text names: parameter names, numbers, characters (never secrets)
     * @param message what is wrong with it, in English (must not contain secrets)
     */
    public InvalidInputException(String parameter, String reason, List<String> arguments, String message) {
        super(message);
        this.parameter = parameter;
        this.reason = reason;
        this.arguments = List.copyOf(arguments);
    }

    /**
     * An input outside its range.
     *
     * @param parameter the name of the input
     * @param value its value
     * @param min the lowest accepted value
     * @param max the highest accepted value
     * @param unit appended to the range in the message, e.g. {@code " seconds"}, or empty
     * @return the exception (reason {@code range}, arguments parameter, min, max, value)
     */
    public static InvalidInputException outOfRange(String parameter, long value, long min, long max, String unit) {
        return new InvalidInputException(parameter, "range",
                List.of(parameter, String.valueOf(min), String.valueOf(max), String.valueOf(value)),
                parameter + " must be between " + min + " and " + max + unit + ", was " + value);
    }

    /**
     * A required input that is missing.
     *
     * @param parameter the name of the input
     * @param accepted what is accepted, for the message, e.g. {@code "0 or 1"}
     * @return the exception (reason {@code required}, argument parameter)
     */
    public static InvalidInputException required(String parameter, String accepted) {
        return new InvalidInputException(parameter, "required", List.of(parameter),
                parameter + " is required: " + accepted);
    }

    /**
     * @return the name of the rejected input, e.g. {@code factoryNumber}, {@code apiKey}, {@code mode},
     *         {@code duration}, {@code startTime} or {@code baseUrl}
     */
    public String parameter() {
        return parameter;
    }

    /**
     * @return what is wrong, as the last part of an i18n key, e.g. {@code api-key-too-long} or {@code range}
     */
    public String reason() {
        return reason;
    }

    /**
     * @return the values the translated text names (names and numbers only)
     */
    public List<String> arguments() {
        return arguments;
    }
}
