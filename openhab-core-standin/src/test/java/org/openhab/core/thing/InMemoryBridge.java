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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.binding.BridgeHandler;

/**
 * A plain in-memory {@link Bridge} for tests. Implementing the interface here also shows that the stand-in declares
 * all of openHAB's abstract methods of {@link Bridge}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class InMemoryBridge extends InMemoryThing implements Bridge {

    private final List<Thing> things = new ArrayList<>();

    public InMemoryBridge(String uid, Map<String, Object> configuration) {
        super(uid, configuration);
    }

    /**
     * @param thing a thing to list as child of this bridge
     */
    public void addThing(Thing thing) {
        things.add(thing);
    }

    @Override
    public @Nullable BridgeHandler getHandler() {
        return super.getHandler() instanceof BridgeHandler bridgeHandler ? bridgeHandler : null;
    }

    @Override
    public @Nullable Thing getThing(ThingUID thingUID) {
        return things.stream().filter(thing -> thing.getUID().equals(thingUID)).findFirst().orElse(null);
    }

    @Override
    public List<Thing> getThings() {
        return List.copyOf(things);
    }
}
