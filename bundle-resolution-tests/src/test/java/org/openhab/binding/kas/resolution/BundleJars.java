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

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The bundle jars the tests install, copied by the build into one folder per role under {@code target/bundles}
 * (system property {@code kas.bundles.dir}): {@code addon} (the add-on jar of this reactor), {@code platform} (the
 * stand-in bundle with the openHAB packages, Gson, slf4j and what it needs, the Declarative Services API),
 * {@code ds} (the Declarative Services runtime), {@code jetty9} and {@code jetty12} (the client bundles of each
 * Jetty line).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class BundleJars {

    static final String ADDON = "addon";
    static final String PLATFORM = "platform";
    static final String DS = "ds";

    private BundleJars() {
    }

    /**
     * @param folder one of the folders under {@code target/bundles}
     * @return its jars, sorted by file name (the versions are stripped from the names)
     */
    static List<Path> in(String folder) {
        String root = System.getProperty("kas.bundles.dir");
        assertNotNull(root, "failsafe passes the bundle folder in kas.bundles.dir (run the tests with Maven)");
        Path dir = Path.of(String.valueOf(root), folder);
        assertTrue(Files.isDirectory(dir), "the build copied the bundles into " + dir);
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
        assertFalse(jars.isEmpty(), "bundles in " + dir);
        return jars;
    }

    /**
     * @param folder one of the folders under {@code target/bundles}
     * @param fileName a jar's file name without version, e.g. {@code jetty-util.jar}
     * @return that jar
     */
    static Path in(String folder, String fileName) {
        return in(folder).stream().filter(jar -> jar.getFileName().toString().equals(fileName)).findFirst()
                .orElseThrow(() -> new AssertionError(fileName + " is not in target/bundles/" + folder));
    }

    /** @return the add-on jar built in this reactor */
    static Path addon() {
        return in(ADDON, "org.openhab.binding.kas.jar");
    }
}
