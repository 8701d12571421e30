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

import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.registry.Registry;
import org.openhab.core.config.core.Configuration;

/**
 * Stand-in for openHAB's registry of all things.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public interface ThingRegistry extends Registry<Thing, ThingUID> {

    @Override
    @Nullable
    Thing get(ThingUID uid);

    @Nullable
    Channel getChannel(ChannelUID channelUID);

    void updateConfiguration(ThingUID thingUID, Map<String, Object> configurationParameters);

    @Override
    @Nullable
    Thing remove(ThingUID thingUID);

    @Nullable
    Thing forceRemove(ThingUID thingUID);

    @Nullable
    Thing createThingOfType(ThingTypeUID thingTypeUID, @Nullable ThingUID thingUID, @Nullable ThingUID bridgeUID,
            @Nullable String label, Configuration configuration);
}
