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
package org.openhab.core.thing.binding;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.config.core.ConfigDescription;
import org.openhab.core.config.core.ConfigUtil;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.ThingStatusInfoBuilder;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.thing.util.ThingHandlerHelper;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.TimeSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in for openHAB's base class of thing handlers.
 * <p>
 * It behaves like openHAB's: everything a handler reports (states, status, triggers, commands, thing and
 * configuration changes) goes to the {@link ThingHandlerCallback}; while there is no callback (before it is set or
 * after the framework removed it) each report is dropped with openHAB's WARN line ("Handler ... tried ... although
 * the handler was already disposed."). A thing update or a configuration change of an initialized handler disposes
 * and initializes the handler again. {@code ${ENV:NAME}} references in the configuration are resolved in
 * {@link #getConfig()}; when they cannot be, the raw configuration is used and logged at WARN. The methods lock the
 * handler ({@code synchronized (this)}) where openHAB's do, and only there. Editing the thing ({@code editThing()})
 * is not part of the stand-in, and neither is openHAB's {@code ConfigValidationException}, which openHAB's
 * {@link #updateThing(Thing)} and {@link #updateConfiguration(Configuration)} catch.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public abstract class BaseThingHandler implements ThingHandler {

    private static final String POOL_NAME = "thingHandler";

    private final Logger logger = LoggerFactory.getLogger(BaseThingHandler.class);

    /** the shared scheduled pool of all thing handlers; never shut it down */
    protected final ScheduledExecutorService scheduler = ThreadPoolManager.getScheduledPool(POOL_NAME);

    protected Thing thing;

    /** the configuration with variables resolved, computed on first use */
    private volatile @Nullable Configuration resolvedConfig;

    private @Nullable ThingHandlerCallback callback;

    /**
     * @param thing the thing this handler handles
     */
    public BaseThingHandler(Thing thing) {
        this.thing = thing;
    }

    /**
     * Reports the status REMOVED at once; override to clean up first.
     */
    @Override
    public void handleRemoval() {
        updateStatus(ThingStatus.REMOVED);
    }

    /**
     * Ignores parameters equal to the current configuration; otherwise validates them (through the callback), merges
     * them into the configuration and persists it. An initialized handler is disposed before and initialized after
     * persisting; otherwise the framework is told that the configuration changed.
     */
    @Override
    public void handleConfigurationUpdate(Map<String, Object> configurationParameters) {
        if (!isModifyingCurrentConfig(configurationParameters)) {
            return;
        }
        validateConfigurationParameters(configurationParameters);
        Configuration configuration = editConfiguration();
        configurationParameters.forEach(configuration::put);
        if (isInitialized()) {
            dispose();
            updateConfiguration(configuration);
            initialize();
        } else {
            updateConfiguration(configuration);
            // the field is read twice without a lock, as in openHAB
            if (this.callback != null) {
                this.callback.configurationUpdated(getThing());
            } else {
                logger.warn("Handler {} tried updating its configuration although the handler was already disposed.",
                        getClass().getSimpleName());
            }
        }
    }

    /**
     * @param configurationParameters parameters (possibly a subset of the configuration)
     * @return true if at least one parameter differs from the current (raw) configuration
     */
    protected boolean isModifyingCurrentConfig(Map<String, Object> configurationParameters) {
        Configuration current = getRawConfig();
        return configurationParameters.entrySet().stream()
                .anyMatch(entry -> !Objects.equals(current.get(entry.getKey()), entry.getValue()));
    }

    @Override
    public void dispose() {
    }

    @Override
    public Thing getThing() {
        return thing;
    }

    /**
     * Disposes the handler, takes the new thing and initializes the handler again.
     */
    @Override
    public void thingUpdated(Thing thing) {
        dispose();
        Configuration resolved;
        try {
            resolved = ConfigUtil.resolveVariables(thing.getConfiguration());
        } catch (IllegalArgumentException e) {
            logger.warn("Updated thing '{}' with a thing containing invalid configuration '{}': {}", thing.getUID(),
                    thing.getConfiguration(), e.getMessage());
            resolved = thing.getConfiguration();
        }
        synchronized (this) {
            this.thing = thing;
            this.resolvedConfig = resolved;
        }
        initialize();
    }

    @Override
    public void setCallback(@Nullable ThingHandlerCallback thingHandlerCallback) {
        synchronized (this) {
            this.callback = thingHandlerCallback;
        }
    }

    /**
     * @return the callback, null only while the handler is not initialized or already disposed
     */
    protected @Nullable ThingHandlerCallback getCallback() {
        return callback;
    }

    /**
     * Sends {@link RefreshType#REFRESH} to {@link #handleCommand(ChannelUID, Command)} so that the new link gets a
     * state.
     */
    @Override
    public void channelLinked(ChannelUID channelUID) {
        handleCommand(channelUID, RefreshType.REFRESH);
    }

    @Override
    public void channelUnlinked(ChannelUID channelUID) {
    }

    /**
     * Validates parameters against the thing's config description through the callback (which throws openHAB's
     * {@code ConfigValidationException} when they do not match).
     *
     * @param configurationParameters the parameters
     */
    protected void validateConfigurationParameters(Map<String, Object> configurationParameters) {
        ThingHandlerCallback callback = this.callback;
        if (callback != null) {
            callback.validateConfigurationParameters(getThing(), configurationParameters);
        } else {
            logger.warn("Handler {} tried validating its configuration although the handler was already disposed.",
                    getClass().getSimpleName());
        }
    }

    /**
     * @return the config description of the thing's type, or null if there is none or no callback
     */
    protected @Nullable ConfigDescription getConfigDescription() {
        ThingHandlerCallback callback = this.callback;
        if (callback != null) {
            return callback.getConfigDescription(thing.getThingTypeUID());
        }
        logger.warn("Handler {} tried retrieving its config description although the handler was already disposed.",
                getClass().getSimpleName());
        return null;
    }

    /**
     * @param channelTypeUID a channel type
     * @return the config description of the channel type, or null if there is none or no callback
     */
    protected @Nullable ConfigDescription getConfigDescription(ChannelTypeUID channelTypeUID) {
        ThingHandlerCallback callback = this.callback;
        if (callback != null) {
            return callback.getConfigDescription(channelTypeUID);
        }
        logger.warn(
                "Handler {} tried retrieving a channel config description although the handler was already disposed.",
                getClass().getSimpleName());
        return null;
    }

    private Configuration getRawConfig() {
        return getThing().getConfiguration();
    }

    /**
     * @return a copy of the thing's configuration with {@code ${ENV:NAME}} references resolved (the raw
     *         configuration if they cannot be resolved)
     */
    protected Configuration getConfig() {
        Configuration resolved = resolvedConfig;
        if (resolved == null) {
            synchronized (this) {
                resolved = resolvedConfig;
                if (resolved == null) {
                    try {
                        resolved = ConfigUtil.resolveVariables(getRawConfig());
                        resolvedConfig = resolved;
                    } catch (IllegalArgumentException e) {
                        logger.warn("Failed to resolve variables for configuration '{}' of thing '{}': {}",
                                getRawConfig(), getThing().getUID(), e.getMessage());
                        return new Configuration(getRawConfig());
                    }
                }
            }
        }
        return new Configuration(resolved);
    }

    /**
     * @param configurationClass the configuration class
     * @return the configuration mapped on a new instance of the class, see {@link Configuration#as(Class)}
     */
    protected <T> T getConfigAs(Class<T> configurationClass) {
        return getConfig().as(configurationClass);
    }

    protected void updateState(ChannelUID channelUID, State state) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.stateUpdated(channelUID, state);
            } else {
                logger.warn(
                        "Handler {} of thing {} tried updating channel {} although the handler was already disposed.",
                        getClass().getSimpleName(), channelUID.getThingUID(), channelUID.getId());
            }
        }
    }

    /**
     * @param channelID the id of a channel of this thing
     * @param state the new state
     */
    protected void updateState(String channelID, State state) {
        updateState(channelOf(channelID), state);
    }

    protected void sendTimeSeries(ChannelUID channelUID, TimeSeries timeSeries) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.sendTimeSeries(channelUID, timeSeries);
            } else {
                logger.warn(
                        "Handler {} of thing {} tried sending to channel {} although the handler was already disposed.",
                        getClass().getSimpleName(), channelUID.getThingUID(), channelUID.getId());
            }
        }
    }

    protected void sendTimeSeries(String channelID, TimeSeries timeSeries) {
        sendTimeSeries(channelOf(channelID), timeSeries);
    }

    /**
     * Emits an event on a trigger channel.
     *
     * @param channelUID the channel
     * @param event the event
     */
    protected void triggerChannel(ChannelUID channelUID, String event) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.channelTriggered(getThing(), channelUID, event);
            } else {
                logger.warn(
                        "Handler {} of thing {} tried triggering channel {} although the handler was already disposed.",
                        getClass().getSimpleName(), channelUID.getThingUID(), channelUID.getId());
            }
        }
    }

    protected void triggerChannel(String channelID, String event) {
        triggerChannel(channelOf(channelID), event);
    }

    /**
     * Emits the empty event on a trigger channel.
     *
     * @param channelID the id of a channel of this thing
     */
    protected void triggerChannel(String channelID) {
        triggerChannel(channelOf(channelID), "");
    }

    /**
     * Emits the empty event on a trigger channel.
     *
     * @param channelUID the channel
     */
    protected void triggerChannel(ChannelUID channelUID) {
        triggerChannel(channelUID, "");
    }

    protected void postCommand(String channelID, Command command) {
        postCommand(channelOf(channelID), command);
    }

    protected void postCommand(ChannelUID channelUID, Command command) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                callback.postCommand(channelUID, command);
            } else {
                logger.warn(
                        "Handler {} of thing {} tried posting a command to channel {} although the handler was already disposed.",
                        getClass().getSimpleName(), channelUID.getThingUID(), channelUID.getId());
            }
        }
    }

    /**
     * Reports a new status of the thing to the callback.
     *
     * @param status the status
     * @param statusDetail the detail
     * @param description the description (may be a "@text/..." reference), or null
     */
    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                ThingStatusInfo info = ThingStatusInfoBuilder.create(status, statusDetail).withDescription(description)
                        .build();
                callback.statusUpdated(thing, info);
            } else {
                logger.warn("Handler {} tried updating the thing status although the handler was already disposed.",
                        getClass().getSimpleName());
            }
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail) {
        updateStatus(status, statusDetail, null);
    }

    /**
     * Reports a new status with detail NONE.
     *
     * @param status the status
     */
    protected void updateStatus(ThingStatus status) {
        updateStatus(status, ThingStatusDetail.NONE, null);
    }

    /**
     * Replaces the thing by a changed copy after validating its configuration and its channels' configurations
     * through the callback.
     *
     * @param thing the changed copy (never the current thing instance)
     */
    @SuppressWarnings("PMD.CompareObjectsWithEquals")
    protected void updateThing(Thing thing) {
        if (thing == this.thing) {
            throw new IllegalArgumentException(
                    "Changes must not be done on the current thing - create a copy, e.g. via editThing()");
        }
        ThingHandlerCallback callback = this.callback;
        if (callback == null) {
            logger.warn("Handler {} tried updating thing {} although the handler was already disposed.",
                    getClass().getSimpleName(), thing.getUID());
            return;
        }
        Configuration resolved;
        try {
            resolved = ConfigUtil.resolveVariables(thing.getConfiguration());
        } catch (IllegalArgumentException e) {
            logger.warn("Attempt to update thing '{}' with a thing containing invalid configuration '{}' blocked: {}",
                    thing.getUID(), thing.getConfiguration(), e.getMessage());
            return;
        }
        callback.validateConfigurationParameters(thing, resolved.getProperties());
        for (Channel channel : thing.getChannels()) {
            callback.validateConfigurationParameters(channel, channel.getConfiguration().getProperties());
        }
        synchronized (this) {
            this.resolvedConfig = resolved;
            this.thing = thing;
            callback.thingUpdated(thing);
        }
    }

    /**
     * @return a modifiable copy of the thing's configuration; persist it with
     *         {@link #updateConfiguration(Configuration)}
     */
    protected Configuration editConfiguration() {
        return new Configuration(new HashMap<>(getRawConfig().getProperties()));
    }

    /**
     * Validates the configuration through the callback, stores it in the thing and tells the framework. If the
     * framework fails, the previous configuration is restored and the exception rethrown.
     *
     * @param configuration the new configuration
     */
    protected void updateConfiguration(Configuration configuration) {
        Map<String, Object> previous = getRawConfig().getProperties();
        Configuration previousResolved = getConfig();
        ThingHandlerCallback callback = this.callback;
        if (callback == null) {
            logger.warn("Handler {} tried updating its configuration although the handler was already disposed.",
                    getClass().getSimpleName());
            return;
        }
        Configuration resolved;
        try {
            resolved = ConfigUtil.resolveVariables(configuration);
        } catch (IllegalArgumentException e) {
            logger.warn("Attempt to apply configuration '{}' on thing '{}' blocked: {}", configuration, thing.getUID(),
                    e.getMessage());
            return;
        }
        callback.validateConfigurationParameters(thing, resolved.getProperties());
        try {
            synchronized (this) {
                this.resolvedConfig = resolved;
                thing.getConfiguration().setProperties(configuration.getProperties());
                callback.thingUpdated(thing);
            }
        } catch (RuntimeException e) {
            logger.warn(
                    "Error while applying configuration changes: '{}: {}' - reverting configuration changes on thing '{}'.",
                    e.getClass().getSimpleName(), e.getMessage(), thing.getUID().getAsString());
            synchronized (this) {
                thing.getConfiguration().setProperties(previous);
                this.resolvedConfig = previousResolved;
            }
            throw e;
        }
    }

    /**
     * @return a modifiable copy of the thing's properties; persist it with {@link #updateProperties(Map)}
     */
    protected Map<String, String> editProperties() {
        return new HashMap<>(thing.getProperties());
    }

    /**
     * Sets the given properties on the thing (null clears all) and tells the framework if anything changed.
     *
     * @param properties the properties, or null
     */
    protected void updateProperties(@Nullable Map<String, String> properties) {
        if (properties == null) {
            applyProperties(null);
        } else {
            applyProperties(new HashMap<>(properties));
        }
    }

    private void applyProperties(@Nullable Map<String, @Nullable String> properties) {
        boolean changed = false;
        if (properties == null) {
            if (!thing.getProperties().isEmpty()) {
                thing.setProperties(Map.of());
                changed = true;
            }
        } else {
            for (Map.Entry<String, @Nullable String> property : properties.entrySet()) {
                String current = thing.getProperties().get(property.getKey());
                // like openHAB: a property that is not set yet always counts as changed
                if (current == null || !current.equals(property.getValue())) {
                    thing.setProperty(property.getKey(), property.getValue());
                    changed = true;
                }
            }
        }
        if (changed) {
            synchronized (this) {
                ThingHandlerCallback callback = this.callback;
                if (callback != null) {
                    callback.thingUpdated(thing);
                } else {
                    logger.warn(
                            "Handler {} tried updating its thing's properties although the handler was already disposed.",
                            getClass().getSimpleName());
                }
            }
        }
    }

    /**
     * Sets one property (null removes it) and tells the framework if it changed.
     *
     * @param name the property name
     * @param value the value, or null
     */
    protected void updateProperty(String name, @Nullable String value) {
        applyProperties(Collections.singletonMap(name, value));
    }

    /**
     * @return the bridge of the thing (from the callback), or null if the thing has no bridge or there is no callback
     */
    protected @Nullable Bridge getBridge() {
        ThingUID bridgeUID = thing.getBridgeUID();
        synchronized (this) {
            ThingHandlerCallback callback = this.callback;
            if (callback != null) {
                return bridgeUID == null ? null : callback.getBridge(bridgeUID);
            }
            logger.warn("Handler {} of thing {} tried accessing its bridge although the handler was already disposed.",
                    getClass().getSimpleName(), thing.getUID());
            return null;
        }
    }

    protected boolean isLinked(String channelId) {
        return isLinked(channelOf(channelId));
    }

    /**
     * @param channelUID the channel
     * @return true if at least one item is linked to the channel (false without callback)
     */
    protected boolean isLinked(ChannelUID channelUID) {
        // the field is read twice without a lock, as in openHAB
        if (this.callback != null) {
            return this.callback.isChannelLinked(channelUID);
        }
        logger.warn(
                "Handler {} of thing {} tried checking if channel {} is linked although the handler was already disposed.",
                getClass().getSimpleName(), channelUID.getThingUID(), channelUID.getId());
        return false;
    }

    /**
     * @return true if the thing is ONLINE, OFFLINE or UNKNOWN
     */
    protected boolean isInitialized() {
        return ThingHandlerHelper.isHandlerInitialized(this);
    }

    /**
     * Goes ONLINE when the bridge comes ONLINE and this thing is offline only because of the bridge; goes OFFLINE
     * (BRIDGE_OFFLINE) when the bridge goes OFFLINE.
     */
    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE
                && getThing().getStatusInfo().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE);
        } else if (bridgeStatusInfo.getStatus() == ThingStatus.OFFLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    protected void changeThingType(ThingTypeUID thingTypeUID, Configuration configuration) {
        // the field is read twice without a lock, as in openHAB
        if (this.callback != null) {
            this.callback.migrateThingType(getThing(), thingTypeUID, configuration);
        } else {
            logger.warn("Handler {} tried migrating the thing type although the handler was already disposed.",
                    getClass().getSimpleName());
        }
    }

    private ChannelUID channelOf(String channelId) {
        return new ChannelUID(getThing().getUID(), channelId);
    }
}
