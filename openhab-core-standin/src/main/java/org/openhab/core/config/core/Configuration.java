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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB's configuration of a thing: a map of parameter names to normalized values (numbers become
 * {@link java.math.BigDecimal}, see {@link ConfigUtil#normalizeType(Object)}). Like in openHAB this class is not
 * annotated {@code @NonNullByDefault}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
public class Configuration {

    private final Map<String, Object> properties;

    public Configuration() {
        this.properties = Collections.synchronizedMap(new HashMap<>());
    }

    /**
     * Creates a copy of the given configuration.
     *
     * @param configuration the configuration to copy (may be null)
     */
    public Configuration(final @Nullable Configuration configuration) {
        // like openHAB: the other configuration's map is copied without taking its lock
        this.properties = Collections
                .synchronizedMap(configuration == null ? new HashMap<>() : new HashMap<>(configuration.properties));
    }

    /**
     * Creates a configuration from the given parameters, normalizing their values.
     *
     * @param properties the parameters (may be null)
     */
    public Configuration(@Nullable Map<String, Object> properties) {
        this.properties = Collections
                .synchronizedMap(properties == null ? new HashMap<>() : ConfigUtil.normalizeTypes(properties));
    }

    /**
     * Maps the parameters on a new instance of the given class, see
     * {@link ConfigParser#configurationAs(Map, Class)}.
     *
     * @param configurationClass the class, with a public no-argument constructor (or a record)
     * @return the new instance
     */
    public <T> T as(Class<T> configurationClass) {
        synchronized (properties) {
            return ConfigParser.configurationAs(properties, configurationClass);
        }
    }

    public boolean containsKey(String key) {
        return properties.containsKey(key);
    }

    public Object get(String key) {
        return properties.get(key);
    }

    /**
     * Sets a parameter; the value is normalized first.
     *
     * @param key the parameter name
     * @param value the value (null keeps the key with no value)
     * @return the previous value
     */
    public Object put(String key, @Nullable Object value) {
        return properties.put(key, value == null ? null : ConfigUtil.normalizeType(value));
    }

    public Object remove(String key) {
        return properties.remove(key);
    }

    public Set<String> keySet() {
        synchronized (properties) {
            return Collections.unmodifiableSet(new HashSet<>(properties.keySet()));
        }
    }

    public Collection<Object> values() {
        synchronized (properties) {
            return Collections.unmodifiableCollection(new ArrayList<>(properties.values()));
        }
    }

    /**
     * @return an unmodifiable copy of the parameters
     */
    public Map<String, Object> getProperties() {
        synchronized (properties) {
            return Collections.unmodifiableMap(new HashMap<>(properties));
        }
    }

    /**
     * Replaces all parameters by the given ones (normalized).
     *
     * @param newProperties the new parameters
     */
    public void setProperties(Map<String, Object> newProperties) {
        synchronized (properties) {
            properties.clear();
            for (Map.Entry<String, Object> entry : newProperties.entrySet()) {
                put(entry.getKey(), entry.getValue());
            }
        }
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof Configuration other && properties.equals(other.properties);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Configuration[");
        synchronized (properties) {
            String separator = "";
            for (Map.Entry<String, Object> entry : properties.entrySet()) {
                Object value = entry.getValue();
                text.append(separator).append("{key=").append(entry.getKey()).append("; type=")
                        .append(value == null ? "?" : value.getClass().getSimpleName()).append("; value=").append(value)
                        .append('}');
                separator = ", ";
            }
        }
        return text.append(']').toString();
    }
}
