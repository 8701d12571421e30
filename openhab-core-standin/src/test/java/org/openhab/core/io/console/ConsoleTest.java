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

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.io.console.extensions.AbstractConsoleCommandExtension;

/**
 * Tests the console helpers.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class ConsoleTest {

    /** collects what is printed */
    static class RecordingConsole implements Console {
        final List<String> lines = new ArrayList<>();

        @Override
        public void print(String s) {
            lines.add("print:" + s);
        }

        @Override
        public void println(String s) {
            lines.add("println:" + s);
        }

        @Override
        public void printUsage(String s) {
            lines.add("usage:" + s);
        }
    }

    static class KasCommand extends AbstractConsoleCommandExtension {
        KasCommand() {
            super("kas", "Interact with KAS locks.");
        }

        @Override
        public void execute(String[] args, Console console) {
            printUsage(console);
        }

        @Override
        public List<String> getUsages() {
            return List.of(buildCommandUsage("list", "lists the locks"), buildCommandUsage("prints this help"));
        }
    }

    @Test
    void abstractExtensionBuildsUsages() {
        KasCommand command = new KasCommand();
        RecordingConsole console = new RecordingConsole();
        command.execute(new String[0], console);
        assertEquals("kas", command.getCommand());
        assertEquals("Interact with KAS locks.", command.getDescription());
        assertEquals(List.of("usage:kas list - lists the locks", "usage:kas - prints this help"), console.lines);
        assertNull(command.getCompleter());
    }

    @Test
    void consoleDefaults() {
        RecordingConsole console = new RecordingConsole();
        console.printf("%s=%d", "a", 1);
        assertEquals(List.of("print:a=1"), console.lines);
        assertNull(console.getUser());
        assertThrows(UnsupportedOperationException.class, () -> console.readLine("?", null));
    }

    @Test
    void stringsCompleterOffersMatchingWords() {
        StringsCompleter completer = new StringsCompleter(List.of("unlock", "list", "pin", "Lock"), false);
        List<String> candidates = new ArrayList<>();
        assertTrue(completer.complete(new String[] { "l" }, 0, 1, candidates));
        assertEquals(List.of("list ", "Lock "), candidates);
        candidates.clear();
        assertFalse(completer.complete(new String[] { "x" }, 0, 1, candidates));
        candidates.clear();
        assertTrue(completer.complete(new String[0], 1, 0, candidates), "no argument yet: everything");
        assertEquals(4, candidates.size());

        StringsCompleter caseSensitive = new StringsCompleter(List.of("Lock", "list"), true);
        candidates.clear();
        assertTrue(caseSensitive.complete(new String[] { "L" }, 0, 1, candidates));
        assertEquals(List.of("Lock "), candidates);
    }

    @Test
    void caseInsensitiveCompletionLowerCasesInTheDefaultLocale() {
        Locale previous = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            // as in openHAB: in Turkish, "LIST" lower-cases to "l\u0131st" (dotless i) and no longer matches
            List<String> candidates = new ArrayList<>();
            assertFalse(
                    new StringsCompleter(List.of("list"), false).complete(new String[] { "LIST" }, 0, 4, candidates));
            Locale.setDefault(Locale.ROOT);
            assertTrue(
                    new StringsCompleter(List.of("list"), false).complete(new String[] { "LIST" }, 0, 4, candidates));
            assertEquals(List.of("list "), candidates);
        } finally {
            Locale.setDefault(previous);
        }
    }
}
