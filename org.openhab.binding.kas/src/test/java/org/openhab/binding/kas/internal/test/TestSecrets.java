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
package org.openhab.binding.kas.internal.test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.addons.kas.emulator.KasCloudEmulator;

/**
 * The API keys (and other secrets) tests use, for the suite-wide log audit ({@link LogAudit}): the keys of
 * {@link KasHandlerTestBase}, the emulator's demo key, every {@code static final String} constant of a test class
 * whose name says it is a key, token or secret (found once by looking at the test classes), and every secret a test
 * registers. Register a secret before using it; secrets shorter than {@value #MIN_LENGTH} characters are not
 * registered (they would match ordinary text).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TestSecrets {

    /** The shortest secret registered. */
    public static final int MIN_LENGTH = 12;

    private static final Set<String> SECRET_NAMES = Set.of("KEY", "TOKEN", "SECRET");
    /** Constants that name a key without being one: environment variables, parameter and channel names. */
    private static final Set<String> NOT_SECRET_NAMES = Set.of("VARIABLE", "NAME", "CONFIG", "CHANNEL");
    private static final List<String> SECRETS = new CopyOnWriteArrayList<>(List.of(KasHandlerTestBase.API_KEY,
            KasHandlerTestBase.API_KEY_SIGNATURE, KasHandlerTestBase.OTHER_API_KEY, KasCloudEmulator.DEMO_API_KEY));
    private static volatile boolean constantsFound;

    private TestSecrets() {
    }

    /**
     * @param secret a key or other secret that must never appear in a log line; surrounding whitespace is ignored
     */
    public static void register(String secret) {
        String stripped = secret.strip();
        if (stripped.length() >= MIN_LENGTH && !SECRETS.contains(stripped)) {
            SECRETS.add(stripped);
        }
    }

    /**
     * @return every secret known
     */
    public static List<String> all() {
        return List.copyOf(SECRETS);
    }

    /**
     * Registers the key-like constants of every test class, once. Loading the test classes runs their static
     * initializers, which may log: call it before the tests run ({@link LogAuditExtension}), never while logging.
     */
    static synchronized void findConstants() {
        if (constantsFound) {
            return;
        }
        constantsFound = true;
        for (String className : testClassNames()) {
            try {
                Class<?> type = Class.forName(className, false, TestSecrets.class.getClassLoader());
                for (Field field : type.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    String name = field.getName().toUpperCase(Locale.ROOT);
                    // found by the constant's name, never by the shape of its value: KAS keys have no documented form
                    if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
                            && SECRET_NAMES.stream().anyMatch(name::contains)
                            && NOT_SECRET_NAMES.stream().noneMatch(name::contains)) {
                        field.setAccessible(true);
                        if (field.get(null) instanceof String value && value.strip().length() >= MIN_LENGTH) {
                            register(value);
                        }
                    }
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // not loadable or not readable: no constant of interest
            }
        }
    }

    private static List<String> testClassNames() {
        try {
            Path root = Path.of(TestSecrets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(p -> root.relativize(p).toString()).filter(n -> n.endsWith(".class"))
                        .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
                        .toList();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("the test classes cannot be listed for the log audit", e);
        }
    }
}
