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
package org.openhab.binding.kas.internal.handler;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.config.EnvReferences;
import org.openhab.binding.kas.internal.config.EnvReferences.Unresolved;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.binding.BaseBridgeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bridge handler whose configuration holds a secret that openHAB core must never write to the log.
 * <p>
 * openHAB 5.2 resolves {@code ${ENV:NAME}} references in a configuration, and when a variable is not set it logs the
 * whole raw configuration at WARN: in {@code getConfig()}, {@code thingUpdated(..)} and
 * {@code handleConfigurationUpdate(..)}. This class keeps such a configuration away from those paths: an updated thing
 * with it is taken over unresolved (the subclass's {@code initialize()} finds the reference with
 * {@link #unresolvedVariable(Map)} and reports a configuration error instead of calling {@code getConfig()}), and a
 * configuration update with it is refused with a log line that names only the parameter and the variable.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public abstract class SecretConfigBridgeHandler extends BaseBridgeHandler {

    private static final EnvReferences ENVIRONMENT = EnvReferences.ofSystem();

    private final Logger logger = LoggerFactory.getLogger(SecretConfigBridgeHandler.class);

    /**
     * @param bridge the bridge thing
     */
    protected SecretConfigBridgeHandler(Bridge bridge) {
        super(bridge);
    }

    /**
     * @param configuration raw configuration parameters
     * @return the first reference to an environment variable that is not set, or {@code null}
     */
    protected @Nullable Unresolved unresolvedVariable(Map<String, ?> configuration) {
        return ENVIRONMENT.firstUnresolved(configuration);
    }

    @Override
    public void thingUpdated(Thing thing) {
        if (unresolvedVariable(thing.getConfiguration().getProperties()) == null) {
            super.thingUpdated(thing);
            return;
        }
        dispose();
        synchronized (this) {
            this.thing = thing;
        }
        initialize();
    }

    @Override
    public void handleConfigurationUpdate(Map<String, Object> configurationParameters) {
        Map<String, @Nullable Object> merged = new HashMap<>(getThing().getConfiguration().getProperties());
        merged.putAll(configurationParameters);
        Unresolved unresolved = unresolvedVariable(merged);
        if (unresolved == null) {
            super.handleConfigurationUpdate(configurationParameters);
            return;
        }
        // the current configuration stays; no status shows that the new one was refused
        logger.warn("The new configuration of {} is not applied: parameter {} refers to the environment variable {}, "
                + "which is not set", getThing().getUID(), unresolved.parameter(), unresolved.variable());
    }
}
