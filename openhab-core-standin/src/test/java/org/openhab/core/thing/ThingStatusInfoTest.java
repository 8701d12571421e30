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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.core.thing.binding.builder.ThingStatusInfoBuilder;
import org.openhab.core.thing.util.ThingHandlerHelper;

/**
 * Tests {@link ThingStatusInfo}, its builder and {@link ThingHandlerHelper}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class ThingStatusInfoTest {

    @Test
    void equalityCoversStatusDetailAndDescription() {
        ThingStatusInfo info = new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "x");
        assertEquals(info, new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "x"));
        assertEquals(info.hashCode(),
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "x").hashCode());
        assertNotEquals(info, new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.COMMUNICATION_ERROR, "x"));
        assertNotEquals(info, new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "x"));
        assertNotEquals(info, new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "y"));
        assertNotEquals(info, new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, null));
        assertEquals(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null),
                new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        assertNotEquals(info, "OFFLINE");
    }

    @Test
    void hashCodeFollowsOpenhabsFormula() {
        // 31 * (31 * (31 + hash(description)) + hash(status)) + hash(detail), null description counting 0
        ThingStatusInfo info = new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, "d");
        int expected = 31 * (31 * (31 + "d".hashCode()) + ThingStatus.ONLINE.hashCode())
                + ThingStatusDetail.NONE.hashCode();
        assertEquals(expected, info.hashCode());
    }

    @Test
    void toStringLeavesOutNoneDetailAndBlankDescription() {
        assertEquals("ONLINE", new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null).toString());
        assertEquals("ONLINE", new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, " ").toString());
        assertEquals("OFFLINE (BRIDGE_OFFLINE)",
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE, "").toString());
        assertEquals("OFFLINE (COMMUNICATION_ERROR): gone",
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, "gone").toString());
        assertEquals("UNKNOWN: wait",
                new ThingStatusInfo(ThingStatus.UNKNOWN, ThingStatusDetail.NONE, "wait").toString());
    }

    @Test
    void builderBuildsInfo() {
        assertEquals(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null),
                ThingStatusInfoBuilder.create(ThingStatus.ONLINE).build());
        assertEquals(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.GONE, "text"), ThingStatusInfoBuilder
                .create(ThingStatus.OFFLINE).withStatusDetail(ThingStatusDetail.GONE).withDescription("text").build());
    }

    @Test
    void handlerIsInitializedWhileOnlineOfflineOrUnknown() {
        for (ThingStatus status : ThingStatus.values()) {
            boolean expected = status == ThingStatus.ONLINE || status == ThingStatus.OFFLINE
                    || status == ThingStatus.UNKNOWN;
            assertEquals(expected, ThingHandlerHelper.isHandlerInitialized(status), status.name());
        }
    }
}
