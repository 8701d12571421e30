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
package org.openhab.binding.kas.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the packaged add-on jar (run by failsafe after {@code package}): the OSGi manifest that openHAB resolves,
 * the Declarative Services components and the OH-INF resources.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class BundleJarIT {

    /** A comma that separates two clauses of an OSGi header: one outside double quotes. */
    private static final Pattern CLAUSE_SEPARATOR = Pattern.compile(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");

    private static Path jarPath = Path.of("");
    private static Attributes manifest = new Attributes();
    private static Map<String, String> imports = new LinkedHashMap<>();

    @BeforeAll
    static void readJar() throws IOException {
        String property = System.getProperty("kas.bundle.jar");
        assertNotNull(property, "failsafe must pass the jar path in kas.bundle.jar");
        jarPath = Path.of(property);
        assertTrue(Files.isRegularFile(jarPath), "the add-on jar exists: " + jarPath);
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            Manifest jarManifest = jar.getManifest();
            assertNotNull(jarManifest, "the jar has a manifest");
            manifest = Objects.requireNonNull(jarManifest).getMainAttributes();
        }
        imports = parseClauses(manifest.getValue("Import-Package"));
    }

    @Test
    void symbolicNameAndVersion() {
        assertEquals("org.openhab.binding.kas", manifest.getValue("Bundle-SymbolicName"));
        assertEquals("2", manifest.getValue("Bundle-ManifestVersion"));
        assertNotNull(manifest.getValue("Bundle-Version"));
        String required = manifest.getValue("Require-Capability");
        assertNotNull(required, "Require-Capability header");
        assertTrue(String.valueOf(required).contains("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=21))\""),
                "runs on Java 21: " + required);
        assertTrue(String.valueOf(required).contains("(osgi.extender=osgi.component)"),
                "needs Declarative Services: " + required);
    }

    @Test
    void openhabPackagesAreImportedWithoutVersion() {
        List<String> openhab = imports.keySet().stream().filter(p -> p.startsWith("org.openhab.core")).toList();
        assertTrue(openhab.contains("org.openhab.core.thing"), "imports org.openhab.core.thing: " + imports);
        assertTrue(openhab.contains("org.openhab.core.thing.binding"), "imports org.openhab.core.thing.binding");
        assertTrue(openhab.contains("org.openhab.core.io.net.http"), "imports org.openhab.core.io.net.http");
        for (String pkg : openhab) {
            assertFalse(imports.getOrDefault(pkg, "").contains("version="),
                    pkg + " must be imported without a version");
        }
        assertTrue(imports.getOrDefault("org.openhab.core.automation.annotation", "").contains("resolution:=optional"));
    }

    @Test
    void jettyImportsFitBothJettyLines() {
        Map<String, String> jetty = new LinkedHashMap<>();
        imports.forEach((pkg, attributes) -> {
            if (pkg.startsWith("org.eclipse.jetty")) {
                jetty.put(pkg, attributes);
            }
        });
        // the packages both transports use: Jetty 9.4 (openHAB 5.0 to 5.2) or Jetty 12 (openHAB 5.3 and later)
        // the packages only the Jetty 9.4 transport uses: optional, so that the bundle resolves on Jetty 12 too
        assertEquals(Map.of("org.eclipse.jetty.client", "version=\"[9.4,13)\"", //
                "org.eclipse.jetty.http", "version=\"[9.4,13)\"", //
                "org.eclipse.jetty.client.api", "version=\"[9.4,10)\";resolution:=optional", //
                "org.eclipse.jetty.client.util", "version=\"[9.4,10)\";resolution:=optional"), jetty);
    }

    @Test
    void bothJettyTransportsArePackagedAndTheWiringPicksOne() throws IOException {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            for (String transport : List.of("jetty9/Jetty9Transport", "jetty12/Jetty12Transport")) {
                String entry = "org/openhab/binding/kas/internal/api/transport/" + transport + ".class";
                assertNotNull(jar.getJarEntry(entry), entry + " is in the jar");
            }
        }
        // the transport is chosen by the wired version of org.eclipse.jetty.client (TransportSelector)
        assertTrue(imports.containsKey("org.osgi.framework.wiring"), "reads its bundle wiring: " + imports);
    }

    @Test
    void importsExactlyThesePackages() {
        assertEquals(List.of("com.google.gson", "javax.net.ssl", "org.eclipse.jetty.client",
                "org.eclipse.jetty.client.api", "org.eclipse.jetty.client.util", "org.eclipse.jetty.http",
                "org.openhab.core.automation.annotation", "org.openhab.core.common", "org.openhab.core.config.core",
                "org.openhab.core.io.console", "org.openhab.core.io.console.extensions", "org.openhab.core.io.net.http",
                "org.openhab.core.library.types", "org.openhab.core.thing", "org.openhab.core.thing.binding",
                "org.openhab.core.types", "org.osgi.framework", "org.osgi.framework.wiring", "org.slf4j"),
                imports.keySet().stream().sorted().toList());
    }

    @Test
    void otherLibraryImportRanges() {
        assertEquals("version=\"[2.11,3)\"", imports.get("com.google.gson"));
        // the null annotations have class retention; if bnd ever imports them, the import must be optional
        if (imports.containsKey("org.eclipse.jdt.annotation")) {
            assertTrue(imports.getOrDefault("org.eclipse.jdt.annotation", "").contains("resolution:=optional"));
        }
        assertEquals("version=\"[2.0,3)\"", imports.get("org.slf4j"));
    }

    @Test
    void noJavaImportsAndNothingExported() {
        assertTrue(imports.keySet().stream().noneMatch(p -> p.startsWith("java.")), "no java.* imports: " + imports);
        String exports = manifest.getValue("Export-Package");
        assertTrue(exports == null || !exports.contains(".internal"), "internal packages are not exported");
    }

    @Test
    void declarativeServicesComponentsArePackaged() throws IOException {
        String serviceComponent = manifest.getValue("Service-Component");
        assertNotNull(serviceComponent, "Service-Component header");
        List<String> expected = List.of("org.openhab.binding.kas.internal.handler.KasHandlerFactory",
                "org.openhab.binding.kas.internal.action.KasLockActions",
                "org.openhab.binding.kas.internal.console.KasCommandExtension");
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            for (String name : expected) {
                String entryName = "OSGI-INF/" + name + ".xml";
                assertTrue(serviceComponent.contains(entryName), "Service-Component lists " + entryName);
                JarEntry entry = jar.getJarEntry(entryName);
                assertNotNull(entry, entryName + " is in the jar");
                try (InputStream in = jar.getInputStream(entry)) {
                    String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(xml.contains("implementation class=\"" + name + "\""), xml);
                }
            }
        }
    }

    @Test
    void ohInfResourcesArePackaged() throws IOException {
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            for (String name : List.of("OH-INF/addon/addon.xml", "OH-INF/thing/thing-types.xml",
                    "OH-INF/i18n/kas.properties")) {
                assertNotNull(jar.getJarEntry(name), name + " is in the jar");
            }
            assertNull(jar.getJarEntry("ESH-INF/"), "no ESH-INF");
            List<String> foreign = new ArrayList<>();
            jar.stream().map(JarEntry::getName).filter(n -> n.endsWith(".class"))
                    .filter(n -> !n.startsWith("org/openhab/binding/kas/")).forEach(foreign::add);
            assertEquals(List.of(), foreign, "only the add-on's own classes are packaged (no stand-in, no emulator)");
        }
    }

    /** Splits an OSGi header into package name and attributes, respecting quoted commas. */
    private static Map<String, String> parseClauses(@Nullable String header) {
        if (header == null) {
            return fail("the manifest has an Import-Package header");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String part : CLAUSE_SEPARATOR.split(header)) {
            String clause = part.trim();
            int semicolon = clause.indexOf(';');
            result.put(semicolon < 0 ? clause : clause.substring(0, semicolon),
                    semicolon < 0 ? "" : clause.substring(semicolon + 1));
        }
        return result;
    }
}
