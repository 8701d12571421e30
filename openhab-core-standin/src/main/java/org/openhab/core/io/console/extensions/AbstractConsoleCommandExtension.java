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
package org.openhab.core.io.console.extensions;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.io.console.Console;

/**
 * Stand-in for openHAB's base of console commands with a fixed command word and description.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public abstract class AbstractConsoleCommandExtension implements ConsoleCommandExtension {

    private final String cmd;
    private final String desc;

    protected AbstractConsoleCommandExtension(final String cmd, final String desc) {
        this.cmd = cmd;
        this.desc = desc;
    }

    @Override
    public String getCommand() {
        return cmd;
    }

    @Override
    public String getDescription() {
        return desc;
    }

    /**
     * @param description what the command does
     * @return "{command} - {description}"
     */
    protected String buildCommandUsage(final String description) {
        return getCommand() + " - " + description;
    }

    /**
     * @param syntax the arguments
     * @param description what the command does
     * @return "{command} {syntax} - {description}"
     */
    protected String buildCommandUsage(final String syntax, final String description) {
        return getCommand() + " " + syntax + " - " + description;
    }

    /**
     * Prints every usage line with {@link Console#printUsage(String)}.
     *
     * @param console the console
     */
    protected void printUsage(Console console) {
        for (String usage : getUsages()) {
            console.printUsage(usage);
        }
    }
}
