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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BridgeHandler;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * An {@link InMemoryThing} that is a {@link Bridge}: it knows its child things (added with {@link #addThing(Thing)}).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class InMemoryBridge extends InMemoryThing implements Bridge {

    private final List<Thing> things = new CopyOnWriteArrayList<>();

    /**
     * @param uid the bridge UID
     * @param thingTypeUID the bridge type
     * @param configuration the configuration (kept, not copied)
     */
    public InMemoryBridge(ThingUID uid, ThingTypeUID thingTypeUID, Configuration configuration) {
        super(uid, thingTypeUID, null, configuration);
    }

    /**
     * @param uid the bridge UID, e.g. {@code binding:type:id}; the thing type is its first two segments
     * @param configuration the configuration parameters (copied)
     */
    public InMemoryBridge(String uid, Map<String, Object> configuration) {
        super(uid, configuration);
    }

    /**
     * @param thing a child thing whose bridge UID is this bridge
     */
    public void addThing(Thing thing) {
        things.add(thing);
    }

    @Override
    public @Nullable Thing getThing(ThingUID thingUID) {
        return things.stream().filter(t -> t.getUID().equals(thingUID)).findFirst().orElse(null);
    }

    @Override
    public List<Thing> getThings() {
        return List.copyOf(things);
    }

    @Override
    public @Nullable BridgeHandler getHandler() {
        ThingHandler handler = super.getHandler();
        return handler instanceof BridgeHandler bridgeHandler ? bridgeHandler : null;
    }
}
