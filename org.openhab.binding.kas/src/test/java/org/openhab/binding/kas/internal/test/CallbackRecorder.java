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
package org.openhab.binding.kas.internal.test;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.mockito.invocation.InvocationOnMock;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.util.ThingHandlerHelper;
import org.openhab.core.types.State;

/**
 * openHAB's side of the thing handlers for tests: a Mockito mock of {@link ThingHandlerCallback} whose answers record
 * every status update, state update and trigger event, and which does what openHAB's thing manager does with them:
 * <ul>
 * <li>a status update is checked (a handler may only set UNKNOWN, ONLINE, OFFLINE or REMOVED) and stored in the thing;
 * </li>
 * <li>when the status info of a bridge changes, the initialized child handlers are told through
 * {@code bridgeStatusChanged}, asynchronously and in order;</li>
 * <li>{@code getBridge} returns the registered bridge; every channel counts as linked.</li>
 * </ul>
 * The mock is available through {@link #callback()} for {@code verify(...)}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class CallbackRecorder implements AutoCloseable {

    /**
     * One status update reported by a handler.
     *
     * @param thing the thing
     * @param info the new status info
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record StatusUpdate(ThingUID thing, ThingStatusInfo info) {
    }

    /**
     * One state update reported by a handler.
     *
     * @param channel the channel
     * @param state the state
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record StateUpdate(ChannelUID channel, State state) {
    }

    /**
     * One event on a trigger channel.
     *
     * @param channel the trigger channel
     * @param event the event
     *
     * @author KAS binding contributors - Initial contribution
     */
    public record TriggerEvent(ChannelUID channel, String event) {
    }

    private static final Set<ThingStatus> STATUSES_OF_HANDLERS = Set.of(ThingStatus.UNKNOWN, ThingStatus.ONLINE,
            ThingStatus.OFFLINE, ThingStatus.REMOVED);

    /** the mock (its type is left unannotated: Mockito knows nothing about null annotations) */
    private @NonNullByDefault({}) ThingHandlerCallback callback;
    private final Map<ThingUID, Thing> things = new ConcurrentHashMap<>();
    private final List<StatusUpdate> statusUpdates = new CopyOnWriteArrayList<>();
    private final List<StateUpdate> stateUpdates = new CopyOnWriteArrayList<>();
    private final List<TriggerEvent> triggerEvents = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "test-thing-manager");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Creates the mocked callback.
     */
    public CallbackRecorder() {
        callback = mock(ThingHandlerCallback.class);
        ThingHandlerCallback mock = callback;
        doAnswer(invocation -> {
            onStatusUpdated(argument(invocation, 0, Thing.class), argument(invocation, 1, ThingStatusInfo.class));
            return null;
        }).when(mock).statusUpdated(any(), any());
        doAnswer(invocation -> {
            stateUpdates.add(
                    new StateUpdate(argument(invocation, 0, ChannelUID.class), argument(invocation, 1, State.class)));
            return null;
        }).when(mock).stateUpdated(any(), any());
        doAnswer(invocation -> {
            triggerEvents.add(
                    new TriggerEvent(argument(invocation, 1, ChannelUID.class), argument(invocation, 2, String.class)));
            return null;
        }).when(mock).channelTriggered(any(), any(), anyString());
        when(mock.getBridge(any())).thenAnswer(invocation -> {
            Thing thing = things.get(argument(invocation, 0, ThingUID.class));
            return thing instanceof Bridge ? thing : null;
        });
        when(mock.isChannelLinked(any())).thenReturn(true);
    }

    private static <T> T argument(InvocationOnMock invocation, int index, Class<T> type) {
        return type.cast(invocation.getArguments()[index]);
    }

    /**
     * @return the mocked callback to pass to {@code setCallback}
     */
    public ThingHandlerCallback callback() {
        return callback;
    }

    /**
     * Makes a thing known, as openHAB's thing registry would (for {@code getBridge} and bridge status changes).
     *
     * @param thing the thing
     */
    public void register(Thing thing) {
        things.put(thing.getUID(), thing);
    }

    /**
     * Forgets a thing (its bridge is then no longer found through the callback).
     *
     * @param uid the thing UID
     */
    public void unregister(ThingUID uid) {
        things.remove(uid);
    }

    private void onStatusUpdated(Thing thing, ThingStatusInfo info) {
        if (!STATUSES_OF_HANDLERS.contains(info.getStatus())) {
            violations.add(thing.getUID() + ": a handler must not set status " + info.getStatus());
            throw new IllegalArgumentException("A thing handler must not set the status " + info.getStatus());
        }
        ThingStatusInfo previous = thing.getStatusInfo();
        thing.setStatusInfo(info);
        statusUpdates.add(new StatusUpdate(thing.getUID(), info));
        if (thing instanceof Bridge bridge && !info.equals(previous)) {
            notifyChildren(bridge, info);
        }
    }

    private void notifyChildren(Bridge bridge, ThingStatusInfo info) {
        notifier.execute(() -> {
            for (Thing child : things.values()) {
                ThingHandler handler = child.getHandler();
                if (bridge.getUID().equals(child.getBridgeUID()) && handler != null
                        && ThingHandlerHelper.isHandlerInitialized(child)) {
                    try {
                        handler.bridgeStatusChanged(info);
                    } catch (RuntimeException e) {
                        violations.add(child.getUID() + ": bridgeStatusChanged threw " + e);
                    }
                }
            }
        });
    }

    /**
     * Waits until all bridge status notifications queued so far have been delivered.
     */
    public void awaitNotificationsDelivered() {
        try {
            notifier.submit(() -> {
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("bridge status notifications were not delivered", e);
        }
    }

    /**
     * @param thing a thing
     * @return every status info reported for it, oldest first
     */
    public List<ThingStatusInfo> statuses(ThingUID thing) {
        return statusUpdates.stream().filter(u -> u.thing().equals(thing)).map(StatusUpdate::info).toList();
    }

    /**
     * @return every status update of every thing, oldest first
     */
    public List<StatusUpdate> statusUpdates() {
        return List.copyOf(statusUpdates);
    }

    /**
     * @param channel a channel
     * @return every state reported for it, oldest first
     */
    public List<State> states(ChannelUID channel) {
        return stateUpdates.stream().filter(u -> u.channel().equals(channel)).map(StateUpdate::state).toList();
    }

    /**
     * @return every state update of every channel, oldest first
     */
    public List<StateUpdate> stateUpdates() {
        return List.copyOf(stateUpdates);
    }

    /**
     * @return every trigger event of every thing, oldest first
     */
    public List<TriggerEvent> triggerEvents() {
        return List.copyOf(triggerEvents);
    }

    /**
     * @param channel a trigger channel
     * @return its events, oldest first
     */
    public List<String> events(ChannelUID channel) {
        return triggerEvents.stream().filter(e -> e.channel().equals(channel)).map(TriggerEvent::event).toList();
    }

    /**
     * @return what the handlers did that openHAB would refuse (empty when all is well)
     */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /**
     * @return the last status description reported for the thing, or null
     */
    public @Nullable String lastDescription(ThingUID thing) {
        List<ThingStatusInfo> list = statuses(thing);
        return list.isEmpty() ? null : list.getLast().getDescription();
    }

    /**
     * Stops delivering bridge status notifications.
     */
    @Override
    public void close() {
        notifier.shutdownNow();
    }
}
