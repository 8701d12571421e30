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
package org.openhab.core.standin.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.semantics.SemanticTag;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * The project's one {@link Thing} test double: small and thread-safe, it keeps a real {@link Configuration}, the
 * status info that the framework (a test's callback) sets, its handler, bridge UID, label, location, tag and
 * properties. It has no channels (the KAS handlers address their channels by id). Implementing the interface here
 * also shows that the stand-in declares all of openHAB's abstract methods of {@link Thing}; written against the 5.2.1
 * API, it is used with the real openHAB core too.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class InMemoryThing implements Thing {

    private final ThingUID uid;
    private final ThingTypeUID thingTypeUID;
    private final Configuration configuration;
    private final Map<String, String> properties = new HashMap<>();
    private volatile @Nullable ThingUID bridgeUID;
    private volatile ThingStatusInfo statusInfo = new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE,
            null);
    private volatile @Nullable ThingHandler handler;
    private volatile @Nullable String label;
    private volatile @Nullable String location;
    private volatile @Nullable String semanticEquipmentTag;

    /**
     * @param uid the thing UID
     * @param thingTypeUID the thing type
     * @param bridgeUID the bridge, or null for none
     * @param configuration the configuration (kept, not copied: handlers and tests see the same object)
     */
    public InMemoryThing(ThingUID uid, ThingTypeUID thingTypeUID, @Nullable ThingUID bridgeUID,
            Configuration configuration) {
        this.uid = uid;
        this.thingTypeUID = thingTypeUID;
        this.bridgeUID = bridgeUID;
        this.configuration = configuration;
    }

    /**
     * @param uid the thing UID, e.g. {@code binding:type:id}; the thing type is its first two segments
     * @param configuration the configuration parameters (copied)
     */
    public InMemoryThing(String uid, Map<String, Object> configuration) {
        this(new ThingUID(uid), typeOf(new ThingUID(uid)), null, new Configuration(configuration));
    }

    private static ThingTypeUID typeOf(ThingUID uid) {
        return new ThingTypeUID(uid.getBindingId(), uid.getAsString().split(":")[1]);
    }

    @Override
    public @Nullable String getLabel() {
        return label;
    }

    @Override
    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    @Override
    public List<Channel> getChannels() {
        return List.of();
    }

    @Override
    public List<Channel> getChannelsOfGroup(String channelGroupId) {
        return List.of();
    }

    @Override
    public @Nullable Channel getChannel(String channelId) {
        return null;
    }

    @Override
    public @Nullable Channel getChannel(ChannelUID channelUID) {
        return null;
    }

    @Override
    public ThingStatus getStatus() {
        return statusInfo.getStatus();
    }

    @Override
    public ThingStatusInfo getStatusInfo() {
        return statusInfo;
    }

    @Override
    public void setStatusInfo(ThingStatusInfo status) {
        this.statusInfo = status;
    }

    @Override
    public void setHandler(@Nullable ThingHandler thingHandler) {
        this.handler = thingHandler;
    }

    @Override
    public @Nullable ThingHandler getHandler() {
        return handler;
    }

    @Override
    public @Nullable ThingUID getBridgeUID() {
        return bridgeUID;
    }

    @Override
    public void setBridgeUID(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
    }

    @Override
    public Configuration getConfiguration() {
        return configuration;
    }

    @Override
    public ThingUID getUID() {
        return uid;
    }

    @Override
    public ThingTypeUID getThingTypeUID() {
        return thingTypeUID;
    }

    @Override
    public Map<String, String> getProperties() {
        synchronized (properties) {
            return Map.copyOf(properties);
        }
    }

    @Override
    public @Nullable String setProperty(String name, @Nullable String value) {
        synchronized (properties) {
            return value == null ? properties.remove(name) : properties.put(name, value);
        }
    }

    @Override
    public void setProperties(Map<String, String> properties) {
        synchronized (this.properties) {
            this.properties.clear();
            this.properties.putAll(properties);
        }
    }

    @Override
    public @Nullable String getLocation() {
        return location;
    }

    @Override
    public void setLocation(@Nullable String location) {
        this.location = location;
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public @Nullable String getSemanticEquipmentTag() {
        return semanticEquipmentTag;
    }

    @Override
    public void setSemanticEquipmentTag(@Nullable String semanticEquipmentTag) {
        this.semanticEquipmentTag = semanticEquipmentTag;
    }

    @Override
    public void setSemanticEquipmentTag(@Nullable SemanticTag semanticEquipmentTag) {
        this.semanticEquipmentTag = semanticEquipmentTag == null ? null : semanticEquipmentTag.getUID();
    }

    @Override
    public String toString() {
        return "InMemoryThing[" + uid + ", " + statusInfo + "]";
    }
}
