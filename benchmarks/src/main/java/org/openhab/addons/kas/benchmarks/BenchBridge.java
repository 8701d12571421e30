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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.BridgeHandler;

/**
 * The minimal {@link Bridge} of the benchmarks' KAS account (the lock handlers do not ask it for its things).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class BenchBridge extends BenchThing implements Bridge {

    /**
     * @param uid the bridge UID
     * @param thingTypeUID the bridge type
     * @param configuration the configuration (kept, not copied)
     */
    public BenchBridge(ThingUID uid, ThingTypeUID thingTypeUID, Configuration configuration) {
        super(uid, thingTypeUID, null, configuration, -1);
    }

    @Override
    public @Nullable Thing getThing(ThingUID thingUID) {
        return null;
    }

    @Override
    public List<Thing> getThings() {
        return List.of();
    }

    @Override
    public @Nullable BridgeHandler getHandler() {
        return super.getHandler() instanceof BridgeHandler handler ? handler : null;
    }
}
