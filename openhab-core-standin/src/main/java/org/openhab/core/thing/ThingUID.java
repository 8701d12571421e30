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
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in for openHAB's thing identifier
 * {@code bindingId:thingTypeId[:bridgeId...]:thingId} (the thing type segment may be empty).
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class ThingUID extends UID {

    private static final String NO_THING_TYPE = "";

    /**
     * For reflection-based instantiation only.
     */
    ThingUID() {
    }

    public ThingUID(ThingTypeUID thingTypeUID, String id) {
        super(thingTypeUID.getBindingId(), thingTypeUID.getId(), id);
    }

    public ThingUID(ThingTypeUID thingTypeUID, ThingUID bridgeUID, String id) {
        super(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), pathOf(bridgeUID), id));
    }

    public ThingUID(ThingTypeUID thingTypeUID, String id, String... bridgeIds) {
        super(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), Arrays.asList(bridgeIds), id));
    }

    public ThingUID(String bindingId, String id) {
        super(bindingId, NO_THING_TYPE, id);
    }

    public ThingUID(String bindingId, ThingUID bridgeUID, String id) {
        super(segments(bindingId, NO_THING_TYPE, pathOf(bridgeUID), id));
    }

    public ThingUID(String bindingId, String thingTypeId, String id) {
        super(bindingId, thingTypeId, id);
    }

    public ThingUID(String thingUID) {
        super(thingUID);
    }

    public ThingUID(String... segments) {
        super(segments);
    }

    /** the bridge ids of the given bridge followed by the bridge's own id */
    private static List<String> pathOf(ThingUID bridgeUID) {
        List<String> path = new ArrayList<>(bridgeUID.getBridgeIds());
        path.add(bridgeUID.getId());
        return path;
    }

    private static List<String> segments(String bindingId, String thingTypeId, List<String> bridgeIds, String id) {
        List<String> all = new ArrayList<>(bridgeIds.size() + 3);
        all.add(bindingId);
        all.add(thingTypeId);
        all.addAll(bridgeIds);
        all.add(id);
        return all;
    }

    /**
     * @return the segments between the thing type and the thing id
     */
    public List<String> getBridgeIds() {
        List<String> all = getAllSegments();
        return all.subList(2, all.size() - 1);
    }

    /**
     * @return the last segment
     */
    public String getId() {
        return getAllSegments().getLast();
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 3;
    }
}
