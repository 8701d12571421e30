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
package org.openhab.addons.kas.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.handler.KasLockHandler;

/**
 * Measurement 5, the add-on jar: its size, entries and classes.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class JarSize {

    static final double GOAL_KIB = 150;

    /**
     * The add-on jar.
     *
     * @param path where it is
     * @param bytes its size
     * @param entries files in it
     * @param classes class files in it
     * @param classesCompressed compressed bytes of the class files
     * @param resourcesCompressed compressed bytes of the other files
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Result(String path, long bytes, int entries, int classes, long classesCompressed,
            long resourcesCompressed) {

        /** @return the size in KiB */
        public double kiB() {
            return bytes / 1024.0;
        }

        /** @return the file name */
        public String fileName() {
            Path name = Paths.get(path).getFileName();
            return name == null ? path : name.toString();
        }

        /** @return whether the size meets its goal */
        public boolean met() {
            return kiB() < GOAL_KIB;
        }
    }

    private JarSize() {
    }

    /**
     * @param given the jar, or null for the one the add-on's classes were loaded from
     * @return its figures
     * @throws IOException if there is no such jar
     */
    public static Result measure(@Nullable Path given) throws IOException {
        Path path = given;
        if (path == null) {
            try {
                path = Paths.get(KasLockHandler.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (Exception e) {
                throw new IOException("cannot locate the add-on jar; pass --addon-jar", e);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("the add-on jar " + path + " does not exist (build it first)");
        }
        int entries = 0;
        int classes = 0;
        long classBytes = 0;
        long otherBytes = 0;
        try (ZipFile zip = new ZipFile(path.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                entries++;
                if (entry.getName().endsWith(".class")) {
                    classes++;
                    classBytes += entry.getCompressedSize();
                } else {
                    otherBytes += entry.getCompressedSize();
                }
            }
        }
        return new Result(path.toString(), Files.size(path), entries, classes, classBytes, otherBytes);
    }
}
