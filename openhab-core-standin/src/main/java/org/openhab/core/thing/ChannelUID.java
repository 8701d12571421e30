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
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB's channel identifier: the thing UID followed by the channel id, which may be prefixed by a
 * group id and {@value #CHANNEL_GROUP_SEPARATOR}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class ChannelUID extends UID {

    public static final Pattern CHANNEL_SEGMENT_PATTERN = Pattern.compile("[\\w-]*(?:#[\\w-]*)?");
    public static final String CHANNEL_GROUP_SEPARATOR = "#";

    /**
     * For reflection-based instantiation only.
     */
    ChannelUID() {
    }

    public ChannelUID(String channelUid) {
        super(channelUid);
        validateThingUID();
    }

    public ChannelUID(ThingUID thingUID, String id) {
        super(appendTo(thingUID, id));
    }

    public ChannelUID(ChannelGroupUID channelGroupUID, String id) {
        super(appendTo(channelGroupUID.getThingUID(), channelGroupUID.getId() + CHANNEL_GROUP_SEPARATOR + id));
    }

    public ChannelUID(ThingUID thingUID, String groupId, String id) {
        super(appendTo(thingUID, groupId + CHANNEL_GROUP_SEPARATOR + id));
    }

    void validateThingUID() {
        try {
            getThingUID();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ChannelUID contains an invalid ThingUID part: " + e.getMessage(), e);
        }
    }

    private static List<String> appendTo(ThingUID thingUID, String channelId) {
        List<String> all = new ArrayList<>(thingUID.getAllSegments());
        all.add(channelId);
        return all;
    }

    /**
     * @return the channel id, including the group id if there is one
     */
    public String getId() {
        return getAllSegments().getLast();
    }

    /**
     * @return the channel id without the group id
     */
    public String getIdWithoutGroup() {
        String id = getId();
        return isInGroup() ? id.split(CHANNEL_GROUP_SEPARATOR)[1] : id;
    }

    public boolean isInGroup() {
        return getId().contains(CHANNEL_GROUP_SEPARATOR);
    }

    /**
     * @return the group id, or null if the channel is not in a group
     */
    public @Nullable String getGroupId() {
        return isInGroup() ? getId().split(CHANNEL_GROUP_SEPARATOR)[0] : null;
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 4;
    }

    @Override
    protected void validateSegment(String segment, int index, int length) {
        if (index < length - 1) {
            super.validateSegment(segment, index, length);
        } else if (!CHANNEL_SEGMENT_PATTERN.matcher(segment).matches()) {
            throw new IllegalArgumentException(String.format(
                    "UID segment '%s' contains invalid characters. The last segment of the channel UID must match the pattern '%s'.",
                    segment, CHANNEL_SEGMENT_PATTERN));
        }
    }

    /**
     * @return the identifier of the thing the channel belongs to
     */
    public ThingUID getThingUID() {
        List<String> all = getAllSegments();
        return new ThingUID(all.subList(0, all.size() - 1).toArray(String[]::new));
    }
}
