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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The add-on must not resolve where openHAB would not give it what it needs: without a Jetty HTTP client, with a Jetty
 * that has no client (only jetty-util) and without a Declarative Services runtime. The requirement the resolver
 * reports as missing must be the one that is missing, and everything else installed must resolve, so that the
 * failure is the add-on's own.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class AddonDoesNotResolveIT {

    private static final String JETTY_CLIENT = "osgi.wiring.package org.eclipse.jetty.client";
    private static final String DS_EXTENDER = "osgi.extender osgi.component";

    @TempDir
    @Nullable
    Path storage;

    @Test
    void withoutJetty() throws Exception {
        AddonResolution result = AddonResolution.of(storage(), BundleJars.addon(),
                bundles(BundleJars.in(BundleJars.PLATFORM), BundleJars.in(BundleJars.DS)));

        assertFalse(result.resolved(), "the add-on must not resolve without Jetty");
        assertTrue(result.missing().contains(JETTY_CLIENT), () -> "missing Jetty's client: " + result);
        assertTrue(
                result.missing().stream()
                        .allMatch(requirement -> requirement.startsWith("osgi.wiring.package org.eclipse.jetty.")),
                () -> "only Jetty is missing: " + result);
        assertEquals(List.of(), result.unresolvedBundles());
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void withOnlyJettyUtil(JettyLine line) throws Exception {
        List<Path> util = line.utilOnly();
        assertTrue(util.stream().anyMatch(jar -> jar.getFileName().toString().equals("jetty-util.jar")));

        AddonResolution result = AddonResolution.of(storage(), BundleJars.addon(),
                bundles(BundleJars.in(BundleJars.PLATFORM), BundleJars.in(BundleJars.DS), util));

        assertFalse(result.resolved(), "the add-on must not resolve without Jetty's client");
        assertTrue(result.missing().contains(JETTY_CLIENT), () -> "missing Jetty's client: " + result);
        assertEquals(List.of(), result.unresolvedBundles(), "jetty-util itself resolves");
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void withoutDeclarativeServices(JettyLine line) throws Exception {
        AddonResolution result = AddonResolution.of(storage(), BundleJars.addon(),
                bundles(BundleJars.in(BundleJars.PLATFORM), line.bundles()));

        assertFalse(result.resolved(), "the add-on must not resolve without a Declarative Services runtime");
        assertEquals(List.of(DS_EXTENDER), result.missing(), () -> "only the DS extender is missing: " + result);
        assertEquals(List.of(), result.unresolvedBundles());
    }

    @SafeVarargs
    private static List<Path> bundles(List<Path>... groups) {
        List<Path> all = new ArrayList<>();
        for (List<Path> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    private Path storage() {
        Path directory = storage;
        assertNotNull(directory);
        return directory;
    }
}
