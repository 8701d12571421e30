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
package org.openhab.core.thing;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * Stand-in for openHAB's channel of a thing, reduced to its identifying and descriptive parts (no kind and no
 * auto-update policy). The stand-in has no way to build one; tests use mocks.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class Channel {

    private @NonNullByDefault({}) ChannelUID uid;
    private @Nullable ChannelTypeUID channelTypeUID;
    private @Nullable String acceptedItemType;
    private @Nullable String label;
    private @Nullable String description;
    private Configuration configuration = new Configuration();
    private Map<String, String> properties = Map.of();
    private Set<String> defaultTags = new LinkedHashSet<>();

    /**
     * For reflection-based instantiation only.
     */
    Channel() {
    }

    public @Nullable String getAcceptedItemType() {
        return acceptedItemType;
    }

    public ChannelUID getUID() {
        return uid;
    }

    public @Nullable ChannelTypeUID getChannelTypeUID() {
        return channelTypeUID;
    }

    public @Nullable String getLabel() {
        return label;
    }

    public @Nullable String getDescription() {
        return description;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    /**
     * @return an unmodifiable copy of the properties
     */
    public Map<String, String> getProperties() {
        synchronized (this) {
            return Map.copyOf(properties);
        }
    }

    public Set<String> getDefaultTags() {
        return defaultTags;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || getClass() != o.getClass()) {
            return false;
        }
        Channel other = (Channel) o;
        return Objects.equals(uid, other.uid) && Objects.equals(channelTypeUID, other.channelTypeUID)
                && Objects.equals(acceptedItemType, other.acceptedItemType) && Objects.equals(label, other.label)
                && Objects.equals(description, other.description) && Objects.equals(configuration, other.configuration)
                && Objects.equals(properties, other.properties) && Objects.equals(defaultTags, other.defaultTags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uid, channelTypeUID, acceptedItemType, label, description, configuration, properties,
                defaultTags);
    }
}
