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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.core.thing.type.ChannelGroupTypeUID;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * Tests the parsing, building, validation and equality of the UID types.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class UidTest {

    @Test
    void thingUidIsParsedIntoSegments() {
        ThingUID uid = new ThingUID("kas:lock:account1:front");
        assertEquals("kas", uid.getBindingId());
        assertEquals("front", uid.getId());
        assertEquals(List.of("account1"), uid.getBridgeIds());
        assertEquals("kas:lock:account1:front", uid.getAsString());
        assertEquals("kas:lock:account1:front", uid.toString());
    }

    @Test
    void thingUidBuiltFromTypeAndBridgeEqualsParsedOne() {
        ThingTypeUID lockType = new ThingTypeUID("kas", "lock");
        ThingUID bridge = new ThingUID(new ThingTypeUID("kas:account"), "account1");
        ThingUID built = new ThingUID(lockType, bridge, "front");
        ThingUID parsed = new ThingUID("kas:lock:account1:front");
        assertEquals(parsed, built);
        assertEquals(parsed.hashCode(), built.hashCode());
        assertEquals(new ThingUID(lockType, "front", "account1"), built);
        assertEquals(new ThingUID("kas", "lock", "front"), new ThingUID(lockType, "front"));
        assertEquals("kas::front", new ThingUID("kas", "front").getAsString());
        assertEquals("kas::account1:front", new ThingUID("kas", bridge, "front").getAsString());
    }

    @Test
    void parsedUidKeepsItsTextAndEqualityNeedsTheSameClass() {
        // openHAB keeps the parsed text as it was given (split drops a trailing separator, the text keeps it)
        ThingUID withTrailingSeparator = new ThingUID("kas:lock:front:");
        assertEquals("kas:lock:front:", withTrailingSeparator.getAsString());
        assertEquals(new ThingUID("kas:lock:front"), withTrailingSeparator);
        assertEquals(31 + List.of("kas", "lock").hashCode(), new ThingTypeUID("kas:lock").hashCode());
        assertNotEquals(new ChannelTypeUID("kas:lock"), new ThingTypeUID("kas:lock"));
    }

    @Test
    void thingTypeUid() {
        ThingTypeUID type = new ThingTypeUID("kas:account");
        assertEquals("kas", type.getBindingId());
        assertEquals("account", type.getId());
        assertEquals(new ThingTypeUID("kas", "account"), type);
        assertNotEquals(type, new ChannelTypeUID("kas", "account"), "UIDs of different classes are never equal");
    }

    @Test
    void channelUidOfThing() {
        ThingUID thing = new ThingUID("kas:lock:account1:front");
        ChannelUID channel = new ChannelUID(thing, "unlock");
        assertEquals("kas:lock:account1:front:unlock", channel.getAsString());
        assertEquals("unlock", channel.getId());
        assertEquals("unlock", channel.getIdWithoutGroup());
        assertFalse(channel.isInGroup());
        assertNull(channel.getGroupId());
        assertEquals(thing, channel.getThingUID());
        assertEquals(channel, new ChannelUID("kas:lock:account1:front:unlock"));
    }

    @Test
    void channelUidInGroup() {
        ThingUID thing = new ThingUID("kas:lock:account1:front");
        ChannelUID channel = new ChannelUID(thing, "status", "last-result");
        assertEquals("kas:lock:account1:front:status#last-result", channel.getAsString());
        assertTrue(channel.isInGroup());
        assertEquals("status", channel.getGroupId());
        assertEquals("last-result", channel.getIdWithoutGroup());
        assertEquals(channel, new ChannelUID(new ChannelGroupUID(thing, "status"), "last-result"));
        assertEquals(thing, new ChannelGroupUID("kas:lock:account1:front:status").getThingUID());
    }

    @Test
    void channelSegmentPatternIsOpenhabs() {
        assertEquals("[\\w-]*(?:#[\\w-]*)?", ChannelUID.CHANNEL_SEGMENT_PATTERN.pattern());
        assertEquals("#", ChannelUID.CHANNEL_GROUP_SEPARATOR);
        assertEquals(":", UID.SEPARATOR);
    }

    @ParameterizedTest
    @ValueSource(strings = { "kas:lock:front door", "kas:lo.ck:front", "ka$:lock:front", "kas:lock:fr/ont" })
    void invalidThingSegmentsAreRejected(String uid) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThingUID(uid));
        assertTrue(e.getMessage().contains("contains invalid characters"), e.getMessage());
    }

    @Test
    void tooFewSegmentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ThingUID("kas:lock"));
        assertEquals("UID must have at least 3 segments: [kas, lock]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ThingTypeUID("kas"));
        assertThrows(IllegalArgumentException.class, () -> new ChannelUID("kas:lock:front"));
    }

    @Test
    void blankLastSegmentIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ThingUID("kas", "lock", ""));
        assertEquals("Last segment must not be blank: [kas, lock, ]", e.getMessage());
    }

    @Test
    void channelIdMayHoldOneGroupSeparatorOnly() {
        ThingUID thing = new ThingUID("kas:lock:front");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChannelUID(thing, "a#b#c"));
        assertTrue(e.getMessage().startsWith("UID segment 'a#b#c' contains invalid characters."), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ChannelUID(thing, "un lock"));
    }

    @Test
    void channelUidWithInvalidThingPartIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChannelUID("kas:lock::unlock"));
        assertTrue(e.getMessage().startsWith("ChannelUID contains an invalid ThingUID part: "), e.getMessage());
    }

    @Test
    void validityOfSegments() {
        assertTrue(UID.isValid("account_1-a"));
        assertTrue(UID.isValid(""));
        assertFalse(UID.isValid(null));
        assertFalse(UID.isValid("a:b"));
    }

    @Test
    void typeUidsOfChannels() {
        ChannelTypeUID channelType = new ChannelTypeUID("kas:unlock");
        assertEquals("unlock", channelType.getId());
        assertEquals(new ChannelTypeUID("kas", "unlock"), channelType);
        assertEquals("group", new ChannelGroupTypeUID("kas", "group").getId());
    }
}
