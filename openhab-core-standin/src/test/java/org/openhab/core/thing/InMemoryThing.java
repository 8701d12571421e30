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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.semantics.SemanticTag;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * A plain in-memory {@link Thing} for tests. Implementing the interface here also shows that the stand-in declares
 * all of openHAB's abstract methods of {@link Thing}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class InMemoryThing implements Thing {

    private final ThingUID uid;
    private final ThingTypeUID thingTypeUID;
    private final Configuration configuration;
    private final Map<String, String> properties = new HashMap<>();
    private ThingStatusInfo statusInfo = new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE, null);
    private @Nullable ThingUID bridgeUID;
    private @Nullable ThingHandler handler;
    private @Nullable String label;
    private @Nullable String location;
    private @Nullable String semanticEquipmentTag;

    public InMemoryThing(String uid, Map<String, Object> configuration) {
        this.uid = new ThingUID(uid);
        this.thingTypeUID = new ThingTypeUID(this.uid.getBindingId(), this.uid.getAllSegments().get(1));
        this.configuration = new Configuration(configuration);
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
        return Map.copyOf(properties);
    }

    @Override
    public @Nullable String setProperty(String name, @Nullable String value) {
        return value == null ? properties.remove(name) : properties.put(name, value);
    }

    @Override
    public void setProperties(Map<String, String> properties) {
        this.properties.clear();
        this.properties.putAll(properties);
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
}
