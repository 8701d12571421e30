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

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.openhab.core.config.core.ConfigParser;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.standin.testing.LogCapture.Event;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.type.ChannelTypeUID;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.TimeSeries;

import ch.qos.logback.classic.Level;

/**
 * Tests the plumbing of {@link BaseThingHandler} and {@link BaseBridgeHandler} with a mocked
 * {@link ThingHandlerCallback}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
@ExtendWith(MockitoExtension.class)
class BaseThingHandlerTest {

    private static final ThingUID LOCK_UID = new ThingUID("kas:lock:account1:front");

    private @Mock @NonNullByDefault({}) ThingHandlerCallback callback;

    private InMemoryThing thing = new InMemoryThing(LOCK_UID.getAsString(), Map.of());
    private TestHandler handler = new TestHandler(thing);

    /** a configuration class as bindings have */
    public static class LockConfig {
        public String factoryNumber = "";
        public int unlockedDuration = 5;
    }

    /** records what the framework calls */
    static class TestHandler extends BaseThingHandler {
        final List<String> calls = new ArrayList<>();

        TestHandler(Thing thing) {
            super(thing);
        }

        @Override
        public void initialize() {
            calls.add("initialize");
        }

        @Override
        public void dispose() {
            calls.add("dispose");
        }

        @Override
        public void handleCommand(ChannelUID channelUID, Command command) {
            calls.add("command " + channelUID.getId() + " " + command);
        }
    }

    @BeforeEach
    void setUp() {
        thing = new InMemoryThing(LOCK_UID.getAsString(),
                Map.of("factoryNumber", "SS1234", "unlockedDuration", new BigDecimal(7)));
        handler = new TestHandler(thing);
        handler.setCallback(callback);
    }

    @Test
    void updateStatusReportsStatusInfoToCallback() {
        handler.updateStatus(ThingStatus.ONLINE);
        handler.updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        handler.updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.no-bridge");
        InOrder order = inOrder(callback);
        order.verify(callback).statusUpdated(thing,
                new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        order.verify(callback).statusUpdated(thing,
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE, null));
        order.verify(callback).statusUpdated(thing, new ThingStatusInfo(ThingStatus.OFFLINE,
                ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.no-bridge"));
        verifyNoMoreInteractions(callback);
    }

    @Test
    void withoutCallbackEveryReportIsDroppedWithOpenhabsWarning() {
        handler.setCallback(null);
        assertNull(handler.getCallback());
        ChannelUID unlock = new ChannelUID(LOCK_UID, "unlock");
        try (LogCapture log = LogCapture.start()) {
            handler.updateStatus(ThingStatus.ONLINE);
            handler.updateState("unlock", OnOffType.ON);
            handler.updateState(unlock, OnOffType.OFF);
            handler.sendTimeSeries("unlock", new TimeSeries(TimeSeries.Policy.ADD));
            handler.triggerChannel("event", "UNLOCK_ACCEPTED");
            handler.triggerChannel(new ChannelUID(LOCK_UID, "event"));
            handler.postCommand("lock", OnOffType.ON);
            handler.updateProperty("vendor", "KAS");
            assertNull(handler.getBridge());
            assertFalse(handler.isLinked("unlock"));
            assertNull(handler.getConfigDescription());
            assertNull(handler.getConfigDescription(new ChannelTypeUID("kas:unlock")));
            handler.changeThingType(new ThingTypeUID("kas:other"), new Configuration());
            handler.updateThing(new InMemoryThing(LOCK_UID.getAsString(), Map.of()));
            handler.updateConfiguration(new Configuration());
            handler.handleConfigurationUpdate(Map.of("factoryNumber", "UL1"));

            String name = TestHandler.class.getSimpleName();
            String tail = " although the handler was already disposed.";
            assertEquals(List.of( //
                    "Handler " + name + " tried updating the thing status" + tail,
                    "Handler " + name + " of thing " + LOCK_UID + " tried updating channel unlock" + tail,
                    "Handler " + name + " of thing " + LOCK_UID + " tried updating channel unlock" + tail,
                    "Handler " + name + " of thing " + LOCK_UID + " tried sending to channel unlock" + tail,
                    "Handler " + name + " of thing " + LOCK_UID + " tried triggering channel event" + tail,
                    "Handler " + name + " of thing " + LOCK_UID + " tried triggering channel event" + tail,
                    "Handler " + name + " of thing " + LOCK_UID + " tried posting a command to channel lock" + tail,
                    "Handler " + name + " tried updating its thing's properties" + tail,
                    "Handler " + name + " of thing " + LOCK_UID + " tried accessing its bridge" + tail,
                    "Handler " + name + " of thing " + LOCK_UID + " tried checking if channel unlock is linked" + tail,
                    "Handler " + name + " tried retrieving its config description" + tail,
                    "Handler " + name + " tried retrieving a channel config description" + tail,
                    "Handler " + name + " tried migrating the thing type" + tail,
                    "Handler " + name + " tried updating thing " + LOCK_UID + tail,
                    "Handler " + name + " tried updating its configuration" + tail,
                    // handleConfigurationUpdate: validation, persisting, telling the framework
                    "Handler " + name + " tried validating its configuration" + tail,
                    "Handler " + name + " tried updating its configuration" + tail,
                    "Handler " + name + " tried updating its configuration" + tail),
                    log.events(BaseThingHandler.class, Level.WARN).stream().map(Event::message).toList());
        }
        verifyNoInteractions(callback);
        assertEquals("KAS", thing.getProperties().get("vendor"), "the property is set on the thing all the same");
    }

    @Test
    void configurationMappingLogsTheValuesAtTraceAsOpenhabDoes() {
        try (LogCapture log = LogCapture.start()) {
            assertEquals("SS1234", handler.getConfigAs(LockConfig.class).factoryNumber);
            assertTrue(log.events(ConfigParser.class, Level.TRACE).stream()
                    .anyMatch(e -> e.message().equals("Setting value (String) SS1234 to field 'factoryNumber' in "
                            + "configuration class " + LockConfig.class.getName())));
        }
    }

    @Test
    void unresolvableVariableLogsTheRawConfigurationAndUsesIt() {
        InMemoryThing withReference = new InMemoryThing(LOCK_UID.getAsString(),
                Map.of("factoryNumber", "${ENV:KAS_STANDIN_SURELY_NOT_SET}"));
        TestHandler referencing = new TestHandler(withReference);
        try (LogCapture log = LogCapture.start()) {
            assertEquals("${ENV:KAS_STANDIN_SURELY_NOT_SET}", referencing.getConfigAs(LockConfig.class).factoryNumber);
            assertEquals(List.of("Failed to resolve variables for configuration "
                    + "'Configuration[{key=factoryNumber; type=String; value=${ENV:KAS_STANDIN_SURELY_NOT_SET}}]' of "
                    + "thing '" + LOCK_UID + "': Could not resolve environment variable 'KAS_STANDIN_SURELY_NOT_SET'!"),
                    log.events(BaseThingHandler.class, Level.WARN).stream().map(Event::message).toList());
        }
    }

    @Test
    void environmentVariablesAreResolvedInGetConfig() {
        String path = System.getenv("PATH");
        assertNotNull(path, "the test needs PATH in the environment");
        TestHandler referencing = new TestHandler(
                new InMemoryThing(LOCK_UID.getAsString(), Map.of("factoryNumber", "${ENV:PATH}")));
        assertEquals(path, referencing.getConfigAs(LockConfig.class).factoryNumber);
        assertEquals("${ENV:PATH}", referencing.getThing().getConfiguration().get("factoryNumber"),
                "the thing keeps the reference");
    }

    @Test
    void unresolvableThingUpdatesAreLoggedWithOpenhabsWarnings() {
        String unresolvable = "${ENV:KAS_STANDIN_SURELY_NOT_SET}";
        String config = "'Configuration[{key=factoryNumber; type=String; value=" + unresolvable + "}]'";
        String reason = ": Could not resolve environment variable 'KAS_STANDIN_SURELY_NOT_SET'!";
        try (LogCapture log = LogCapture.start()) {
            handler.updateThing(new InMemoryThing(LOCK_UID.getAsString(), Map.of("factoryNumber", unresolvable)));
            handler.updateConfiguration(new Configuration(Map.of("factoryNumber", unresolvable)));
            handler.thingUpdated(new InMemoryThing(LOCK_UID.getAsString(), Map.of("factoryNumber", unresolvable)));

            assertEquals(List.of( //
                    "Attempt to update thing '" + LOCK_UID + "' with a thing containing invalid configuration " + config
                            + " blocked" + reason,
                    "Attempt to apply configuration " + config + " on thing '" + LOCK_UID + "' blocked" + reason,
                    "Updated thing '" + LOCK_UID + "' with a thing containing invalid configuration " + config
                            + reason),
                    log.events(BaseThingHandler.class, Level.WARN).stream().map(Event::message).toList());
        }
        verifyNoInteractions(callback);
        assertEquals(List.of("dispose", "initialize"), handler.calls,
                "thingUpdated goes on with the raw configuration");
        assertEquals(unresolvable, handler.getConfig().get("factoryNumber"));
    }

    @Test
    void reportsLockTheHandlerWhereOpenhabsDo() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> blocked;
            synchronized (handler) {
                // isLinked does not lock the handler in openHAB
                assertFalse(other.submit(() -> handler.isLinked("unlock")).get(5, TimeUnit.SECONDS));
                blocked = other.submit(() -> handler.updateState("unlock", OnOffType.ON));
                assertThrows(TimeoutException.class, () -> blocked.get(200, TimeUnit.MILLISECONDS),
                        "updateState waits for the handler's lock");
            }
            blocked.get(5, TimeUnit.SECONDS);
            verify(callback).stateUpdated(new ChannelUID(LOCK_UID, "unlock"), OnOffType.ON);
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void channelIdsAreResolvedAgainstTheThing() {
        ChannelUID unlock = new ChannelUID(LOCK_UID, "unlock");
        ChannelUID event = new ChannelUID(LOCK_UID, "event");
        handler.updateState("unlock", OnOffType.ON);
        handler.updateState(new ChannelUID(LOCK_UID, "last-result"), new StringType("ACCEPTED"));
        handler.triggerChannel("event", "UNLOCK_ACCEPTED");
        handler.triggerChannel("event");
        handler.triggerChannel(event);
        handler.postCommand("unlock", OnOffType.OFF);
        verify(callback).stateUpdated(unlock, OnOffType.ON);
        verify(callback).stateUpdated(new ChannelUID(LOCK_UID, "last-result"), new StringType("ACCEPTED"));
        verify(callback).channelTriggered(thing, event, "UNLOCK_ACCEPTED");
        verify(callback, times(2)).channelTriggered(thing, event, "");
        verify(callback).postCommand(unlock, OnOffType.OFF);
    }

    @Test
    void configIsMappedOnConfigClass() {
        LockConfig config = handler.getConfigAs(LockConfig.class);
        assertEquals("SS1234", config.factoryNumber);
        assertEquals(7, config.unlockedDuration);
        assertEquals(new BigDecimal(7), handler.getConfig().get("unlockedDuration"));
        handler.getConfig().put("factoryNumber", "changed");
        assertEquals("SS1234", handler.getConfig().get("factoryNumber"), "getConfig() returns a copy");
    }

    @Test
    void configurationUpdateOfInitializedHandlerReinitializesIt() {
        thing.setStatusInfo(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        Map<String, Object> update = Map.of("unlockedDuration", new BigDecimal(9));
        handler.handleConfigurationUpdate(update);
        InOrder order = inOrder(callback);
        order.verify(callback).validateConfigurationParameters(thing, update);
        order.verify(callback).validateConfigurationParameters(any(Thing.class), any());
        order.verify(callback).thingUpdated(thing);
        verify(callback, never()).configurationUpdated(any());
        assertEquals(List.of("dispose", "initialize"), handler.calls);
        assertEquals(9, handler.getConfigAs(LockConfig.class).unlockedDuration);
        assertEquals("SS1234", thing.getConfiguration().get("factoryNumber"), "other parameters are kept");
    }

    @Test
    void configurationUpdateOfUninitializedHandlerTellsTheFramework() {
        handler.handleConfigurationUpdate(Map.of("factoryNumber", "UL99"));
        verify(callback).thingUpdated(thing);
        verify(callback).configurationUpdated(thing);
        assertEquals(List.of(), handler.calls);
        assertEquals("UL99", thing.getConfiguration().get("factoryNumber"));
    }

    @Test
    void configurationUpdateWithoutChangeDoesNothing() {
        handler.handleConfigurationUpdate(Map.of("factoryNumber", "SS1234", "unlockedDuration", new BigDecimal(7)));
        verifyNoInteractions(callback);
        assertEquals(List.of(), handler.calls);
    }

    @Test
    void failingConfigurationUpdateIsReverted() {
        doThrow(new IllegalStateException("storage failed")).when(callback).thingUpdated(thing);
        Configuration changed = new Configuration(Map.of("factoryNumber", "UL1"));
        try (LogCapture log = LogCapture.start()) {
            assertThrows(IllegalStateException.class, () -> handler.updateConfiguration(changed));
            assertEquals(
                    List.of("Error while applying configuration changes: 'IllegalStateException: storage failed'"
                            + " - reverting configuration changes on thing '" + LOCK_UID + "'."),
                    log.events(BaseThingHandler.class, Level.WARN).stream().map(Event::message).toList());
        }
        assertEquals("SS1234", thing.getConfiguration().get("factoryNumber"));
        assertEquals("SS1234", handler.getConfig().get("factoryNumber"));
    }

    @Test
    void thingUpdateDisposesAndInitializesWithTheNewThing() {
        InMemoryThing updated = new InMemoryThing(LOCK_UID.getAsString(), Map.of("factoryNumber", "UL2"));
        handler.getConfig();
        handler.thingUpdated(updated);
        assertSame(updated, handler.getThing());
        assertEquals("UL2", handler.getConfigAs(LockConfig.class).factoryNumber);
        assertEquals(List.of("dispose", "initialize"), handler.calls);
    }

    @Test
    void updateThingRejectsTheCurrentInstance() {
        assertThrows(IllegalArgumentException.class, () -> handler.updateThing(thing));
        InMemoryThing copy = new InMemoryThing(LOCK_UID.getAsString(), Map.of("factoryNumber", "UL3"));
        handler.updateThing(copy);
        verify(callback).thingUpdated(copy);
        assertSame(copy, handler.getThing());
    }

    @Test
    void bridgeIsLookedUpThroughTheCallback() {
        ThingUID bridgeUID = new ThingUID("kas:account:account1");
        Bridge bridge = new InMemoryBridge(bridgeUID.getAsString(), Map.of());
        assertNull(handler.getBridge(), "no bridge UID, no bridge");
        thing.setBridgeUID(bridgeUID);
        assertNull(handler.getBridge(), "a bridge the framework does not know is null, without a warning");
        when(callback.getBridge(bridgeUID)).thenReturn(bridge);
        assertSame(bridge, handler.getBridge());
        assertNull(handler.getBridge().getHandler(), "a bridge without handler is returned as it is");
    }

    @Test
    void bridgeStatusChangesAreFollowed() {
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.NONE, null));
        verify(callback).statusUpdated(thing,
                new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE, null));
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        verifyNoMoreInteractions(callback);
        thing.setStatusInfo(new ThingStatusInfo(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE, null));
        handler.bridgeStatusChanged(new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
        verify(callback).statusUpdated(thing, new ThingStatusInfo(ThingStatus.ONLINE, ThingStatusDetail.NONE, null));
    }

    @Test
    void propertiesAreUpdatedOnlyWhenChanged() {
        handler.updateProperty(Thing.PROPERTY_VENDOR, "KAS");
        handler.updateProperty(Thing.PROPERTY_VENDOR, "KAS");
        verify(callback, times(1)).thingUpdated(thing);
        assertEquals(Map.of("vendor", "KAS"), thing.getProperties());
        Map<String, String> properties = new HashMap<>(handler.editProperties());
        properties.put(Thing.PROPERTY_MODEL_ID, "L1");
        handler.updateProperties(properties);
        verify(callback, times(2)).thingUpdated(thing);
        handler.updateProperties(null);
        assertEquals(Map.of(), thing.getProperties());
        verify(callback, times(3)).thingUpdated(thing);
        handler.updateProperties(null);
        verify(callback, times(3)).thingUpdated(thing);
    }

    @Test
    void linkingAChannelRefreshesIt() {
        handler.channelLinked(new ChannelUID(LOCK_UID, "unlock"));
        assertEquals(List.of("command unlock " + RefreshType.REFRESH), handler.calls);
        when(callback.isChannelLinked(new ChannelUID(LOCK_UID, "unlock"))).thenReturn(true);
        assertTrue(handler.isLinked("unlock"));
    }

    @Test
    void removalReportsRemoved() {
        handler.handleRemoval();
        verify(callback).statusUpdated(thing, new ThingStatusInfo(ThingStatus.REMOVED, ThingStatusDetail.NONE, null));
    }

    @Test
    void initializedWhileOnlineOfflineOrUnknown() {
        assertFalse(handler.isInitialized());
        thing.setStatusInfo(new ThingStatusInfo(ThingStatus.UNKNOWN, ThingStatusDetail.NONE, null));
        assertTrue(handler.isInitialized());
    }

    @Test
    void schedulerIsTheSharedPoolThatCannotBeShutDown() throws Exception {
        TestHandler other = new TestHandler(thing);
        handler.scheduler.shutdown();
        handler.scheduler.shutdownNow();
        assertFalse(other.scheduler.isShutdown());
        CompletableFuture<String> threadName = new CompletableFuture<>();
        other.scheduler.schedule(() -> threadName.complete(Thread.currentThread().getName()), 1, TimeUnit.MILLISECONDS);
        assertTrue(threadName.get(5, TimeUnit.SECONDS).startsWith("OH-thingHandler-"));
    }

    @Test
    void bridgeHandlerReturnsTheBridge() {
        InMemoryBridge account = new InMemoryBridge("kas:account:account1", Map.of());
        BaseBridgeHandler bridgeHandler = new BaseBridgeHandler(account) {
            @Override
            public void initialize() {
            }

            @Override
            public void handleCommand(ChannelUID channelUID, Command command) {
            }
        };
        Bridge bridge = bridgeHandler.getThing();
        assertSame(account, bridge);
        bridgeHandler.childHandlerInitialized(handler, thing);
        bridgeHandler.childHandlerDisposed(handler, thing);
        assertEquals(List.of(), bridgeHandler.getServices());
    }
}
