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
package org.openhab.core.config.core;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Constants;
import org.osgi.service.component.ComponentConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in for openHAB's configuration helpers: normalization of configuration values to the types openHAB stores
 * (BigDecimal, String, Boolean and lists of them) and resolution of {@code ${ENV:NAME}} references to environment
 * variables.
 * <p>
 * Normalization without a config description works like openHAB's: Boolean stays Boolean; text stays text; numbers
 * become BigDecimal (Float via its text, Double via {@link BigDecimal#valueOf(double)}; a BigDecimal with more than
 * one fraction digit loses its trailing zeros, keeping at least one); collections become lists of normalized values
 * of one type; any other type is rejected with an {@link IllegalArgumentException}, and null (also as element of a
 * collection) with a {@link NullPointerException}, as in openHAB. Numbers that cannot become BigDecimal (other
 * {@link Number} classes, NaN, infinities) are kept as they are and logged at TRACE to the logger of openHAB's
 * normalizers, {@code org.openhab.core.config.core.internal.normalization.AbstractNormalizer}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class ConfigUtil {

    /** the logger openHAB's number normalizer logs to */
    private static final Logger NORMALIZER_LOGGER = LoggerFactory
            .getLogger("org.openhab.core.config.core.internal.normalization.AbstractNormalizer");

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{ENV:([^}]+)}");

    /** parameters that OSGi adds to configurations; they are never normalized */
    private static final Set<String> OSGI_PARAMETERS = Set.of(Constants.OBJECTCLASS, ComponentConstants.COMPONENT_NAME,
            ComponentConstants.COMPONENT_ID);

    /**
     * Normalizes all values of the given configuration, leaving out OSGi's own parameters.
     *
     * @param configuration the configuration
     * @return a new map with the normalized values
     */
    public static Map<String, @Nullable Object> normalizeTypes(Map<String, @Nullable Object> configuration) {
        Map<String, @Nullable Object> normalized = new HashMap<>(configuration.size());
        for (Map.Entry<String, @Nullable Object> entry : configuration.entrySet()) {
            if (!OSGI_PARAMETERS.contains(entry.getKey())) {
                Object value = entry.getValue();
                normalized.put(entry.getKey(), value == null ? null : normalizeType(value));
            }
        }
        return normalized;
    }

    /**
     * Normalizes one value.
     *
     * @param value the value
     * @return the normalized value
     * @throws IllegalArgumentException if the value has a type a configuration cannot hold
     * @throws NullPointerException if the value is null (openHAB's fails the same way; callers check for null)
     */
    public static @Nullable Object normalizeType(@Nullable Object value) {
        if (value instanceof String text) {
            return text;
        } else if (value instanceof Boolean bool) {
            return bool;
        } else if (value instanceof Number number) {
            return normalizeNumber(number);
        } else if (value instanceof Collection<?> collection) {
            return normalizeCollection(collection);
        }
        // null gets here too and fails on getClass(), as in openHAB
        throw new IllegalArgumentException(
                "Invalid type '{%s}' of configuration value!".formatted(value.getClass().getCanonicalName()));
    }

    private static Object normalizeNumber(Number number) {
        try {
            if (number instanceof BigDecimal decimal) {
                if (decimal.scale() <= 1) {
                    return decimal;
                }
                BigDecimal stripped = decimal.stripTrailingZeros();
                return stripped.scale() == 0 ? stripped.setScale(1) : stripped;
            } else if (number instanceof Byte || number instanceof Short || number instanceof Integer
                    || number instanceof Long) {
                return new BigDecimal(number.longValue());
            } else if (number instanceof Float) {
                return new BigDecimal(number.toString());
            } else if (number instanceof Double d) {
                return BigDecimal.valueOf(d);
            }
            NORMALIZER_LOGGER.trace("Class \"{}\" cannot be converted to a decimal number.",
                    number.getClass().getName());
        } catch (ArithmeticException | NumberFormatException e) {
            NORMALIZER_LOGGER.trace("\"{}\" is not a valid decimal number.", number, e);
        }
        return number;
    }

    private static List<Object> normalizeCollection(Collection<?> collection) {
        if (collection.isEmpty()) {
            return List.of();
        }
        List<Object> normalized = new ArrayList<>(collection.size());
        for (Object element : collection) {
            // a null element fails in normalizeType, as in openHAB
            Object value = Objects.requireNonNull(normalizeType(element));
            normalized.add(value);
            if (value.getClass() != normalized.getFirst().getClass()) {
                throw new IllegalArgumentException("Invalid configuration property. Heterogeneous collection value!");
            }
        }
        return normalized;
    }

    /**
     * Replaces {@code ${ENV:NAME}} references in a text (also in the elements of a collection) by the value of the
     * environment variable; other values are returned as they are.
     *
     * @param value the value
     * @return the value with references resolved
     * @throws IllegalArgumentException if a referenced variable is not set
     */
    public static Object resolveVariables(Object value) throws IllegalArgumentException {
        if (value instanceof String text) {
            return ENV_REFERENCE.matcher(text).replaceAll(match -> {
                String name = match.group(1);
                String resolved = System.getenv(name);
                if (resolved == null) {
                    throw new IllegalArgumentException("Could not resolve environment variable '%s'!".formatted(name));
                }
                return Matcher.quoteReplacement(resolved);
            });
        } else if (value instanceof Collection<?> collection) {
            List<Object> resolved = new ArrayList<>(collection.size());
            for (Object element : collection) {
                resolved.add(resolveVariables(element));
            }
            return resolved;
        }
        return value;
    }

    /**
     * Resolves the references in all values of the given configuration.
     *
     * @param configuration the configuration
     * @return a new map with the resolved values
     * @throws IllegalArgumentException if a referenced variable is not set
     */
    public static Map<String, @Nullable Object> resolveVariables(Map<String, @Nullable Object> configuration)
            throws IllegalArgumentException {
        Map<String, @Nullable Object> resolved = new HashMap<>();
        for (Map.Entry<String, @Nullable Object> entry : configuration.entrySet()) {
            Object value = entry.getValue();
            resolved.put(entry.getKey(), value == null ? null : resolveVariables(value));
        }
        return resolved;
    }

    /**
     * Resolves the references in all values of the given configuration.
     *
     * @param configuration the configuration
     * @return a new configuration with the resolved values
     * @throws IllegalArgumentException if a referenced variable is not set
     */
    public static Configuration resolveVariables(Configuration configuration) throws IllegalArgumentException {
        return new Configuration(resolveVariables(configuration.getProperties()));
    }
}
