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
package org.openhab.core.thing.util;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * Stand-in for openHAB's thing handler helpers: a handler counts as initialized while its thing is ONLINE, OFFLINE
 * or UNKNOWN.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class ThingHandlerHelper {

    private ThingHandlerHelper() {
    }

    public static boolean isHandlerInitialized(final ThingStatus thingStatus) {
        // compared one by one (no switch), so that a null status from a mocked thing just means "not initialized"
        return thingStatus == ThingStatus.ONLINE || thingStatus == ThingStatus.OFFLINE
                || thingStatus == ThingStatus.UNKNOWN;
    }

    public static boolean isHandlerInitialized(final Thing thing) {
        return isHandlerInitialized(thing.getStatus());
    }

    public static boolean isHandlerInitialized(final ThingHandler handler) {
        return isHandlerInitialized(handler.getThing());
    }
}
