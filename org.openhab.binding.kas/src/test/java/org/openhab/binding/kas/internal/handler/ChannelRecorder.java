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
package org.openhab.binding.kas.internal.handler;

import static org.openhab.binding.kas.internal.KasBindingConstants.THING_TYPE_LOCK;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingUID;

/**
 * Records what {@link LockChannels} publishes, in place of the handler's {@code updateState} and
 * {@code triggerChannel}, for the unit tests of the lock's parts.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class ChannelRecorder {

    /** The lock thing of the tests. */
    static final ThingUID THING = new ThingUID(THING_TYPE_LOCK, "front");

    /**
     * One published state or fired event.
     *
     * @param channel the channel
     * @param value the state, or the event text
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Published(ChannelUID channel, Object value) {
        /** @return what is published on the channel with this id of {@link #THING} */
        static Published on(String channelId, Object value) {
            return new Published(new ChannelUID(THING, channelId), value);
        }
    }

    private final List<Published> states = new ArrayList<>();
    private final List<Published> events = new ArrayList<>();

    /** @return channels of {@link #THING} that publish to this recorder */
    LockChannels channels() {
        return new LockChannels(THING, (channel, state) -> states.add(new Published(channel, state)),
                (channel, event) -> events.add(new Published(channel, event)));
    }

    /** @return the states published since the last call, in order (forgets them) */
    List<Published> takeStates() {
        List<Published> taken = List.copyOf(states);
        states.clear();
        return taken;
    }

    /** @return the events fired since the last call, in order (forgets them) */
    List<Published> takeEvents() {
        List<Published> taken = List.copyOf(events);
        events.clear();
        return taken;
    }
}
