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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in for openHAB's tab completion of console command arguments.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public interface ConsoleCommandCompleter {

    /**
     * @param args the arguments typed so far
     * @param cursorArgumentIndex the index of the argument the cursor is in
     * @param cursorPosition the cursor position within that argument
     * @param candidates receives the completions
     * @return true if there is at least one candidate
     */
    boolean complete(String[] args, int cursorArgumentIndex, int cursorPosition, List<String> candidates);
}
