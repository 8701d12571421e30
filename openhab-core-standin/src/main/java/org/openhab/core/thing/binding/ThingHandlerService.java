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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB's service that the framework creates for a thing handler (see
 * {@link ThingHandler#getServices()}).
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public interface ThingHandlerService {

    void setThingHandler(ThingHandler handler);

    @Nullable
    ThingHandler getThingHandler();

    default void activate() {
    }

    default void deactivate() {
    }

    default void initialize() {
    }

    default void dispose() {
    }
}
