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
package org.openhab.binding.kas.resolution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Writes a copy of a bundle jar whose {@code Import-Package} clauses are changed, to show that the resolution tests
 * notice a wrong manifest.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class ManifestEdit {

    private ManifestEdit() {
    }

    /**
     * @param jar a bundle jar
     * @param target where to write the copy
     * @param edits per imported package, what changes its clause (the whole text, e.g.
     *            {@code org.eclipse.jetty.client;version="[9.4,13)"})
     * @return the copy
     * @throws IllegalArgumentException when the jar does not import one of the packages or an edit changes nothing
     *             (the manifest no longer has what the test means to change)
     */
    static Path withImports(Path jar, Path target, Map<String, UnaryOperator<String>> edits) throws IOException {
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest original = in.getManifest();
            if (original == null) {
                throw new IllegalArgumentException(jar + " has no manifest");
            }
            Manifest manifest = new Manifest(original);
            Attributes main = manifest.getMainAttributes();
            List<String> clauses = clauses(String.valueOf(main.getValue("Import-Package")));
            for (Map.Entry<String, UnaryOperator<String>> edit : edits.entrySet()) {
                String packageName = edit.getKey();
                boolean changed = false;
                for (int i = 0; i < clauses.size(); i++) {
                    String clause = clauses.get(i);
                    if (clause.equals(packageName) || clause.startsWith(packageName + ";")) {
                        String edited = edit.getValue().apply(clause);
                        changed |= !edited.equals(clause);
                        clauses.set(i, edited);
                    }
                }
                if (!changed) {
                    throw new IllegalArgumentException("the Import-Package clause of " + packageName + " in " + jar
                            + " is missing or the edit does not change it: " + main.getValue("Import-Package"));
                }
            }
            main.putValue("Import-Package", String.join(",", clauses));
            try (OutputStream file = Files.newOutputStream(target);
                    JarOutputStream out = new JarOutputStream(file, manifest)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream content = in.getInputStream(entry)) {
                        content.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** Splits an OSGi header into its clauses, respecting quoted commas. */
    static List<String> clauses(String header) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                result.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        return result;
    }
}
