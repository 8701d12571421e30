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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The API keys (and other secrets) tests use, registered for the suite-wide log audit ({@link SuiteLog},
 * {@code LogAuditTest}). The keys of {@link KasHandlerTestBase} are registered from the start. Register a secret
 * before using it, so that the live scan sees it too; secrets shorter than {@value #MIN_LENGTH} characters are not
 * registered (they would match ordinary text).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TestSecrets {

    /** The shortest secret registered. */
    public static final int MIN_LENGTH = 12;

    private static final List<String> SECRETS = new CopyOnWriteArrayList<>(List.of(KasHandlerTestBase.API_KEY,
            KasHandlerTestBase.API_KEY_SIGNATURE, KasHandlerTestBase.OTHER_API_KEY));

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
     * @return every registered secret
     */
    public static List<String> all() {
        return List.copyOf(SECRETS);
    }
}
