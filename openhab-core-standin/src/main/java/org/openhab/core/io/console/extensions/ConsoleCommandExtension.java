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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.io.console.Console;
import org.openhab.core.io.console.ConsoleCommandCompleter;

/**
 * Stand-in for openHAB's console command contributed by a bundle.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public interface ConsoleCommandExtension {

    String getCommand();

    String getDescription();

    void execute(String[] args, Console console);

    List<String> getUsages();

    /**
     * @return the completer of the command's arguments, or null if there is none
     */
    default @Nullable ConsoleCommandCompleter getCompleter() {
        return null;
    }
}
