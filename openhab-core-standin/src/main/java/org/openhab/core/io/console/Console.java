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
package org.openhab.core.io.console;

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB's console that console commands write to.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public interface Console {

    /**
     * Prints {@link String#format(String, Object...)} of the arguments (no line end).
     *
     * @param format the format
     * @param args the arguments
     */
    default void printf(String format, Object... args) {
        print(String.format(format, args));
    }

    void print(String s);

    void println(String s);

    void printUsage(String s);

    /**
     * Reads a line from the user, if the console supports it.
     *
     * @param prompt the prompt
     * @param mask the character to echo instead of the typed ones, or null to echo them
     * @return the line
     * @throws IOException if reading fails
     */
    default String readLine(String prompt, final @Nullable Character mask) throws IOException {
        throw new UnsupportedOperationException("readLine not supported");
    }

    /**
     * @return the logged in user, or null if not known
     */
    default @Nullable String getUser() {
        return null;
    }
}
