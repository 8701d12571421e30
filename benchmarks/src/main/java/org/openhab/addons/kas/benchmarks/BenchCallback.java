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
import org.openhab.core.config.core.ConfigDescription;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelGroupUID;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.ChannelBuilder;
import org.openhab.core.thing.type.ChannelGroupTypeUID;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;

/**
 * The one callback shared by all handlers of a benchmark, as openHAB's thing manager shares one: it stores each
 * status in its thing, tells the lock handlers when the bridge's status changes (synchronously) and hands every
 * trigger event to the current {@link TriggerListener}. It keeps nothing per thing and drops channel states, so it
 * adds next to nothing to the measured times and heap.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class BenchCallback implements ThingHandlerCallback {

    /**
     * Receives the trigger events of the lock things, on the thread that emitted them.
     *
     * @author KAS binding contributors - Initial contribution
     */
    @FunctionalInterface
    public interface TriggerListener {
        /**
         * @param thing the lock thing
         * @param event the event, e.g. {@code UNLOCK_ACCEPTED}
         */
        void triggered(Thing thing, String event);
    }

    private volatile @Nullable Bridge bridge;
    private volatile List<? extends ThingHandler> children = List.of();
    private volatile TriggerListener listener = (thing, event) -> {
    };

    /**
     * @param bridge the bridge that {@link #getBridge(ThingUID)} returns for its UID
     */
    public void setBridge(@Nullable Bridge bridge) {
        this.bridge = bridge;
    }

    /**
     * @param children the handlers told about status changes of the bridge (the list is read, not copied)
     */
    public void setChildren(List<? extends ThingHandler> children) {
        this.children = children;
    }

    /**
     * @param listener receives every trigger event from now on
     */
    public void setListener(TriggerListener listener) {
        this.listener = listener;
    }

    @Override
    public void stateUpdated(ChannelUID channelUID, State state) {
        // dropped: openHAB would post an event
    }

    @Override
    public void postCommand(ChannelUID channelUID, Command command) {
        // dropped
    }

    @Override
    public void sendTimeSeries(ChannelUID channelUID, TimeSeries timeSeries) {
        // dropped
    }

    @Override
    public void statusUpdated(Thing thing, ThingStatusInfo thingStatus) {
        ThingStatusInfo previous = thing.getStatusInfo();
        thing.setStatusInfo(thingStatus);
        if (thing == bridge && previous.getStatus() != thingStatus.getStatus()) {
            for (ThingHandler child : children) {
                child.bridgeStatusChanged(thingStatus);
            }
        }
    }

    @Override
    public void thingUpdated(Thing thing) {
        // not used by the KAS handlers
    }

    @Override
    public void validateConfigurationParameters(Thing thing, Map<String, Object> configurationParameters) {
        // accepted as they are
    }

    @Override
    public void validateConfigurationParameters(Channel channel, Map<String, Object> configurationParameters) {
        // accepted as they are
    }

    @Override
    public @Nullable ConfigDescription getConfigDescription(ChannelTypeUID channelTypeUID) {
        return null;
    }

    @Override
    public @Nullable ConfigDescription getConfigDescription(ThingTypeUID thingTypeUID) {
        return null;
    }

    @Override
    public void configurationUpdated(Thing thing) {
        // not used by the KAS handlers
    }

    @Override
    public void migrateThingType(Thing thing, ThingTypeUID thingTypeUID, Configuration configuration) {
        throw new UnsupportedOperationException("not part of the benchmarks");
    }

    @Override
    public void channelTriggered(Thing thing, ChannelUID channelUID, String event) {
        listener.triggered(thing, event);
    }

    @Override
    public ChannelBuilder createChannelBuilder(ChannelUID channelUID, ChannelTypeUID channelTypeUID) {
        throw new UnsupportedOperationException("not part of the benchmarks");
    }

    @Override
    public ChannelBuilder editChannel(Thing thing, ChannelUID channelUID) {
        throw new UnsupportedOperationException("not part of the benchmarks");
    }

    @Override
    public List<ChannelBuilder> createChannelBuilders(ChannelGroupUID channelGroupUID,
            ChannelGroupTypeUID channelGroupTypeUID) {
        throw new UnsupportedOperationException("not part of the benchmarks");
    }

    @Override
    public boolean isChannelLinked(ChannelUID channelUID) {
        return true;
    }

    @Override
    public @Nullable Bridge getBridge(ThingUID bridgeUID) {
        Bridge current = bridge;
        return current != null && current.getUID().equals(bridgeUID) ? current : null;
    }
}
