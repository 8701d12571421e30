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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in for openHAB's channel group identifier: the thing UID followed by the group id.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class ChannelGroupUID extends UID {

    /**
     * For reflection-based instantiation only.
     */
    ChannelGroupUID() {
    }

    public ChannelGroupUID(String channelGroupUid) {
        super(channelGroupUid);
        validateThingUID();
    }

    public ChannelGroupUID(ThingUID thingUID, String id) {
        super(appendTo(thingUID, id));
    }

    void validateThingUID() {
        try {
            getThingUID();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ChannelGroupUID contains an invalid ThingUID part: " + e.getMessage(),
                    e);
        }
    }

    private static List<String> appendTo(ThingUID thingUID, String id) {
        List<String> all = new ArrayList<>(thingUID.getAllSegments());
        all.add(id);
        return all;
    }

    public String getId() {
        return getAllSegments().getLast();
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 4;
    }

    public ThingUID getThingUID() {
        List<String> all = getAllSegments();
        return new ThingUID(all.subList(0, all.size() - 1).toArray(String[]::new));
    }
}
