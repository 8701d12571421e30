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
package org.openhab.core.standin;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.binding.ThingHandlerCallback;

/**
 * Checks that the API of the compiled stand-in is exactly the one listed in {@code core-5.2.1-signatures.txt}, the
 * list written by hand from the openHAB core 5.2.1 sources: same types, same kinds, modifiers, supertypes, generic
 * signatures, throws clauses, constant values, annotation elements and defaults, and the same (type) annotations.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class ApiSignatureTest {

    private static final String SIGNATURES = "/core-5.2.1-signatures.txt";

    private static Map<String, ApiRenderer.RenderedType> expected = Map.of();
    private static Map<String, ApiRenderer.RenderedType> actual = Map.of();

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        expected = parseExpected();
        actual = renderStandin();
    }

    @Test
    void everyTypeOfTheStandinIsListedAndEveryListedTypeExists() {
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(actual.keySet()));
    }

    @Test
    void typeDeclarationsMatch() {
        List<String> differences = new ArrayList<>();
        for (ApiRenderer.RenderedType type : expected.values()) {
            ApiRenderer.RenderedType rendered = actual.get(type.name());
            if (rendered != null && !rendered.typeLine().equals(type.typeLine())) {
                differences.add("expected: " + type.typeLine() + "\n  actual: " + rendered.typeLine());
            }
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
    }

    @Test
    void membersMatch() {
        List<String> differences = new ArrayList<>();
        for (ApiRenderer.RenderedType type : expected.values()) {
            ApiRenderer.RenderedType rendered = actual.get(type.name());
            if (rendered == null) {
                continue;
            }
            TreeSet<String> missing = new TreeSet<>(type.members());
            missing.removeAll(rendered.members());
            TreeSet<String> extra = new TreeSet<>(rendered.members());
            extra.removeAll(type.members());
            missing.forEach(line -> differences.add(type.name() + " lacks:    " + line));
            extra.forEach(line -> differences.add(type.name() + " has more: " + line));
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
    }

    @Test
    void listHasNoDuplicateMembers() throws IOException {
        List<String> duplicates = new ArrayList<>();
        for (ApiRenderer.RenderedType type : expected.values()) {
            if (new TreeSet<>(type.members()).size() != type.members().size()) {
                duplicates.add(type.name());
            }
        }
        assertEquals(List.of(), duplicates);
    }

    @Test
    void rendererSeesClassRetentionAndTypeAnnotations() {
        // guards the checker itself: these facts are only visible in the class files
        ApiRenderer.RenderedType thing = Objects.requireNonNull(actual.get(Thing.class.getName()));
        assertTrue(thing.typeLine().startsWith("type @NonNullByDefault public interface"));
        assertTrue(thing.members().contains("method public abstract @Nullable String getLabel()"));
        ApiRenderer.RenderedType callback = Objects.requireNonNull(actual.get(ThingHandlerCallback.class.getName()));
        assertEquals(17, callback.members().size());
    }

    /**
     * Compares with the real openHAB core class files where they are at hand: run with
     * {@code -Dopenhab.core.classpath=<jars or class directories of openHAB core 5.2.1, separated by the path
     * separator>}. Every type of the stand-in must be found there with the same type line, and every member of the
     * stand-in must be a member there.
     */
    @Test
    @EnabledIfSystemProperty(named = "openhab.core.classpath", matches = ".+")
    void matchesRealOpenhabCoreClassFiles() throws IOException {
        List<Path> roots = Stream.of(System.getProperty("openhab.core.classpath", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).map(Path::of).toList();
        List<String> differences = new ArrayList<>();
        for (ApiRenderer.RenderedType standin : actual.values()) {
            String entry = binaryName(standin.name()).replace('.', '/') + ".class";
            byte[] classFile = findClassFile(roots, entry);
            if (classFile == null) {
                differences.add("not found in the real core: " + standin.name());
                continue;
            }
            ApiRenderer.RenderedType real = ApiRenderer.render(classFile);
            if (!real.typeLine().equals(standin.typeLine())) {
                differences.add("real:    " + real.typeLine() + "\n stand-in: " + standin.typeLine());
            }
            standin.members().stream().filter(member -> !real.members().contains(member))
                    .forEach(member -> differences.add(standin.name() + " is not in the real core: " + member));
        }
        assertTrue(differences.isEmpty(), () -> String.join("\n", differences));
    }

    /** turns a source name such as a.b.Outer.Inner into the binary name a.b.Outer$Inner */
    private static String binaryName(String sourceName) {
        String[] parts = sourceName.split("\\.");
        StringBuilder name = new StringBuilder();
        boolean inType = false;
        for (String part : parts) {
            if (!name.isEmpty()) {
                name.append(inType ? '$' : '.');
            }
            name.append(part);
            inType = inType || Character.isUpperCase(part.charAt(0));
        }
        return name.toString();
    }

    private static byte @Nullable [] findClassFile(List<Path> roots, String entry) throws IOException {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Path file = root.resolve(entry);
                if (Files.isRegularFile(file)) {
                    return Files.readAllBytes(file);
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jar = new JarFile(root.toFile())) {
                    JarEntry jarEntry = jar.getJarEntry(entry);
                    if (jarEntry != null) {
                        try (InputStream in = jar.getInputStream(jarEntry)) {
                            return in.readAllBytes();
                        }
                    }
                }
            }
        }
        return null;
    }

    private static Map<String, ApiRenderer.RenderedType> parseExpected() throws IOException {
        Map<String, ApiRenderer.RenderedType> types = new LinkedHashMap<>();
        String typeLine = null;
        List<String> members = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(ApiSignatureTest.class.getResourceAsStream(SIGNATURES))) {
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("type ")) {
                    if (typeLine != null) {
                        add(types, typeLine, members);
                    }
                    typeLine = line;
                    members = new ArrayList<>();
                } else {
                    assertNotNull(typeLine, "member line before the first type line: " + line);
                    members.add(line);
                }
            }
        }
        if (typeLine != null) {
            add(types, typeLine, members);
        }
        return types;
    }

    private static void add(Map<String, ApiRenderer.RenderedType> types, String typeLine, List<String> members) {
        String name = nameOf(typeLine);
        assertNull(types.put(name, new ApiRenderer.RenderedType(name, typeLine, members, true)),
                "type listed twice: " + name);
    }

    /** the token after the kind keyword, without type parameters */
    private static String nameOf(String typeLine) {
        String[] tokens = typeLine.split(" ");
        for (int i = 0; i < tokens.length - 1; i++) {
            if (List.of("class", "interface", "enum", "record", "@interface").contains(tokens[i])) {
                String name = tokens[i + 1];
                int typeParameters = name.indexOf('<');
                return typeParameters < 0 ? name : name.substring(0, typeParameters);
            }
        }
        throw new IllegalArgumentException("no type name in: " + typeLine);
    }

    /** renders the public and protected types of the compiled stand-in (the directory holding Thing.class) */
    private static Map<String, ApiRenderer.RenderedType> renderStandin() throws IOException, URISyntaxException {
        Path root = Path.of(Thing.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(root), "the stand-in classes are expected in a directory: " + root);
        Map<String, ApiRenderer.RenderedType> types = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                ApiRenderer.RenderedType type = ApiRenderer.render(Files.readAllBytes(file));
                if (type.visible()) {
                    types.put(type.name(), type);
                }
            }
        }
        return types;
    }
}
