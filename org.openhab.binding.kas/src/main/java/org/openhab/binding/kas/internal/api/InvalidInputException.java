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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Thrown by the value types of this package ({@link FactoryNumber}, {@link ApiKey}, {@link PinCodeRequest},
 * {@link CloudBaseUrl}) when an input is not acceptable.
 * <p>
 * The message is a complete English sentence that says what is wrong and, where possible, how to fix it. It never
 * contains an API key. {@link #parameter()} names the offending input (for example {@code factoryNumber},
 * {@code apiKey}, {@code duration}) so that callers can point at the right configuration field.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class InvalidInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * @param parameter the name of the rejected input, e.g. {@code duration}
     * @param message what is wrong with it (must not contain secrets)
     */
    public InvalidInputException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /**
     * @return the name of the rejected input, e.g. {@code factoryNumber}, {@code apiKey}, {@code mode},
     *         {@code duration}, {@code startTime} or {@code baseUrl}
     */
    public String parameter() {
        return parameter;
    }
}
