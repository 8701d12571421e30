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
package org.openhab.core.config.core;

import java.net.URI;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.common.registry.Identifiable;

/**
 * Stand-in for openHAB's description of configuration parameters. Only present because
 * {@code ThingHandlerCallback} and {@code BaseThingHandler} name it in signatures; the stand-in never creates one.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class ConfigDescription implements Identifiable<URI> {

    private final URI uri;

    private ConfigDescription(URI uri) {
        this.uri = uri;
    }

    @Override
    public URI getUID() {
        return uri;
    }
}
