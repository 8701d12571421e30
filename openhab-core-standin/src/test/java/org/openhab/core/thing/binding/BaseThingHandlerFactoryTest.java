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
import static org.mockito.Mockito.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.InMemoryBridge;
import org.openhab.core.thing.InMemoryThing;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.types.Command;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;

/**
 * Tests handler creation and the handler services of {@link BaseThingHandlerFactory}.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class BaseThingHandlerFactoryTest {

    private static final ThingTypeUID LOCK = new ThingTypeUID("kas:lock");

    /** created by the factory for every handler of a lock */
    @ThingActionsScope(name = "kas")
    public static class TestActions implements ThingActions {
        static final List<TestActions> INSTANCES = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        private @Nullable ThingHandler handler;

        public TestActions() {
            INSTANCES.add(this);
        }

        @Override
        public void setThingHandler(ThingHandler handler) {
            this.handler = handler;
        }

        @Override
        public @Nullable ThingHandler getThingHandler() {
            return handler;
        }

        @Override
        public void initialize() {
            calls.add("initialize");
        }

        @Override
        public void dispose() {
            calls.add("dispose");
        }
    }

    static class LockHandler extends BaseThingHandler {
        LockHandler(Thing thing) {
            super(thing);
        }

        @Override
        public void initialize() {
        }

        @Override
        public void handleCommand(ChannelUID channelUID, Command command) {
        }

        @Override
        public Collection<Class<? extends ThingHandlerService>> getServices() {
            return List.of(TestActions.class);
        }
    }

    static class Factory extends BaseThingHandlerFactory {
        final List<ThingHandler> removed = new ArrayList<>();

        @Override
        public boolean supportsThingType(ThingTypeUID thingTypeUID) {
            return LOCK.equals(thingTypeUID);
        }

        @Override
        protected @Nullable ThingHandler createHandler(Thing thing) {
            return supportsThingType(thing.getThingTypeUID()) ? new LockHandler(thing) : null;
        }

        @Override
        protected void removeHandler(ThingHandler thingHandler) {
            removed.add(thingHandler);
        }
    }

    private final Factory factory = new Factory();

    @AfterEach
    void tearDown() {
        TestActions.INSTANCES.clear();
    }

    @Test
    void registeringAHandlerCreatesItsServices() {
        InMemoryThing thing = new InMemoryThing("kas:lock:front", Map.of());
        ThingHandler handler = factory.registerHandler(thing);
        assertInstanceOf(LockHandler.class, handler);
        assertEquals(1, TestActions.INSTANCES.size());
        TestActions actions = TestActions.INSTANCES.getFirst();
        assertSame(handler, actions.getThingHandler());
        assertEquals(List.of("initialize"), actions.calls);

        thing.setHandler(handler);
        factory.unregisterHandler(thing);
        assertEquals(List.of("initialize", "dispose"), actions.calls);
        assertEquals(List.of(handler), factory.removed);
    }

    @Test
    void unsupportedThingIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> factory.registerHandler(new InMemoryThing("kas:other:x", Map.of())));
        assertEquals("Factory could not create a handler for the thing 'kas:other:x'.", e.getMessage());
    }

    @Test
    void bridgeNeedsABridgeHandler() {
        // LockHandler is no BridgeHandler
        Thing bridge = new InMemoryBridge("kas:lock:account1", Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> factory.registerHandler(bridge));
        assertEquals("Created handler of bridge 'kas:lock:account1' must implement the BridgeHandler interface.",
                e.getMessage());
    }

    @Test
    void thingsCannotBeCreatedBeforeActivation() {
        assertThrows(IllegalStateException.class,
                () -> factory.createThing(LOCK, new Configuration(), new ThingUID("kas:lock:x"), null));
        assertThrows(IllegalStateException.class, factory::getBundleContext);
        ComponentContext context = mock(ComponentContext.class);
        BundleContext bundleContext = mock(BundleContext.class);
        when(context.getBundleContext()).thenReturn(bundleContext);
        factory.activate(context);
        assertSame(bundleContext, factory.getBundleContext());
        assertNull(factory.createThing(LOCK, new Configuration(), new ThingUID("kas:lock:x")));
        factory.deactivate(context);
        assertThrows(IllegalStateException.class, factory::getBundleContext);
    }
}
