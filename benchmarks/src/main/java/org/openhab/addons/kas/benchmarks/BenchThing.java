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
package org.openhab.addons.kas.benchmarks;

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
 * A deliberately minimal {@link Thing} for the benchmarks: UID, type, bridge UID, configuration, status and handler,
 * and nothing else (no channels, no properties, no label), so that the heap figure is about the handler and the
 * framework overhead of the benchmark stays small. The status is stored here by {@link BenchCallback}, as openHAB's
 * thing manager does.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class BenchThing implements Thing {

    static final ThingStatusInfo UNINITIALIZED = new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE,
            null);

    private final ThingUID uid;
    private final ThingTypeUID thingTypeUID;
    private final Configuration configuration;
    /** position in the benchmark's list of locks, -1 for the bridge */
    private final int index;
    private volatile @Nullable ThingUID bridgeUID;
    private volatile ThingStatusInfo statusInfo = UNINITIALIZED;
    private volatile @Nullable ThingHandler handler;

    /**
     * @param uid the thing UID
     * @param thingTypeUID the thing type
     * @param bridgeUID the bridge, or null
     * @param configuration the configuration (kept, not copied)
     * @param index position in the benchmark's list of locks, -1 for none
     */
    public BenchThing(ThingUID uid, ThingTypeUID thingTypeUID, @Nullable ThingUID bridgeUID,
            Configuration configuration, int index) {
        this.uid = uid;
        this.thingTypeUID = thingTypeUID;
        this.bridgeUID = bridgeUID;
        this.configuration = configuration;
        this.index = index;
    }

    /**
     * @return the position in the benchmark's list of locks, -1 for the bridge
     */
    public int index() {
        return index;
    }

    @Override
    public @Nullable String getLabel() {
        return null;
    }

    @Override
    public void setLabel(@Nullable String label) {
        // not kept
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
        return Map.of();
    }

    @Override
    public @Nullable String setProperty(String name, @Nullable String value) {
        return null; // not kept
    }

    @Override
    public void setProperties(Map<String, String> properties) {
        // not kept
    }

    @Override
    public @Nullable String getLocation() {
        return null;
    }

    @Override
    public void setLocation(@Nullable String location) {
        // not kept
    }

    @Override
    public boolean isEnabled() {
        return true;
    }

    @Override
    public @Nullable String getSemanticEquipmentTag() {
        return null;
    }

    @Override
    public void setSemanticEquipmentTag(@Nullable String semanticEquipmentTag) {
        // not kept
    }

    @Override
    public void setSemanticEquipmentTag(@Nullable SemanticTag semanticEquipmentTag) {
        // not kept
    }

    @Override
    public String toString() {
        return uid.toString();
    }
}
