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
package org.openhab.binding.kas.internal.config;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Finds {@code ${ENV:NAME}} references in a thing configuration that name an environment variable which is not set.
 * <p>
 * openHAB 5.2 resolves such references when a handler reads its configuration, and when one cannot be resolved it
 * writes the whole raw configuration to the log at WARN, which for an account bridge would include a literal API
 * key. The account handler therefore checks the configuration first and reports a configuration error itself instead
 * of letting openHAB core fail (and log) on it. The rule is the one of openHAB core 5.2: {@code ${ENV:} followed by
 * one or more characters other than <code>}</code>, then <code>}</code>, resolved against the process environment.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class EnvReferences {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{ENV:([^}]+)}");

    private final Function<String, @Nullable String> environment;

    /**
     * @param environment looks an environment variable up, {@code System::getenv} in openHAB
     */
    public EnvReferences(Function<String, @Nullable String> environment) {
        this.environment = environment;
    }

    /**
     * @return references checked against the environment of this process
     */
    public static EnvReferences ofSystem() {
        return new EnvReferences(System::getenv);
    }

    /**
     * Looks for the first reference (in parameter name order) to a variable that is not set.
     *
     * @param configuration the raw configuration parameters; values are not looked at beyond references and never
     *            reported
     * @return the parameter and the variable name, or {@code null} when every reference can be resolved
     */
    public @Nullable Unresolved firstUnresolved(Map<String, ?> configuration) {
        for (Map.Entry<String, ?> entry : new TreeMap<>(configuration).entrySet()) {
            @Nullable
            Object value = entry.getValue();
            String variable = unresolvedIn(value);
            if (variable != null) {
                return new Unresolved(entry.getKey(), variable);
            }
        }
        return null;
    }

    private @Nullable String unresolvedIn(@Nullable Object value) {
        if (value instanceof String text) {
            Matcher matcher = ENV_REFERENCE.matcher(text);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (environment.apply(name) == null) {
                    return name;
                }
            }
        } else if (value instanceof Collection<?> values) {
            for (Object element : values) {
                String variable = unresolvedIn(element);
                if (variable != null) {
                    return variable;
                }
            }
        }
        return null;
    }

    /**
     * A reference that cannot be resolved.
     *
     * @param parameter the configuration parameter that contains it
     * @param variable the name of the environment variable that is not set
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record Unresolved(String parameter, String variable) {
    }
}
