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

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in for openHAB's completer that offers the words of a fixed set starting with the typed prefix, each
 * followed by a blank.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class StringsCompleter implements ConsoleCommandCompleter {

    private final SortedSet<String> strings;
    private final boolean caseSensitive;

    public StringsCompleter() {
        this(List.of(), false);
    }

    public StringsCompleter(final Collection<String> strings, boolean caseSensitive) {
        Comparator<String> order = caseSensitive ? Comparator.naturalOrder() : String.CASE_INSENSITIVE_ORDER;
        this.strings = new TreeSet<>(order);
        this.strings.addAll(strings);
        this.caseSensitive = caseSensitive;
    }

    public SortedSet<String> getStrings() {
        return strings;
    }

    @Override
    public boolean complete(String[] args, int cursorArgumentIndex, int cursorPosition, List<String> candidates) {
        String prefix = cursorArgumentIndex >= 0 && cursorArgumentIndex < args.length
                ? args[cursorArgumentIndex].substring(0, cursorPosition)
                : "";
        if (!caseSensitive) {
            // the default locale, as in openHAB
            prefix = prefix.toLowerCase();
        }
        for (String word : getStrings().tailSet(prefix)) {
            String comparable = caseSensitive ? word : word.toLowerCase();
            if (!comparable.startsWith(prefix)) {
                break;
            }
            candidates.add(word + " ");
        }
        return !candidates.isEmpty();
    }
}
