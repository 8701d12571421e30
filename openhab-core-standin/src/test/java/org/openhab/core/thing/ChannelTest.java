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

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.config.core.Configuration;

/**
 * Tests the {@link Channel} that openHAB's package-private constructor (for reflection) creates.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class ChannelTest {

    @Test
    void reflectiveInstanceIsEmptyWithModifiableDefaultTags() {
        Channel channel = new Channel();
        assertEquals(new Configuration(), channel.getConfiguration());
        assertEquals(Map.of(), channel.getProperties());
        assertNull(channel.getLabel());
        assertNull(channel.getChannelTypeUID());
        // openHAB starts with an empty LinkedHashSet here
        channel.getDefaultTags().add("Switch");
        assertEquals(Set.of("Switch"), channel.getDefaultTags());
        assertNotEquals(new Channel(), channel);
    }
}
