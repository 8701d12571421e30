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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.*;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.standin.testing.LogCapture;
import org.openhab.core.standin.testing.LogCapture.Event;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.types.Command;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

import ch.qos.logback.classic.Level;

/**
 * Tests {@link BaseThingHandlerFactory} activated the way OSGi does it (a mocked {@link ComponentContext} giving a
 * mocked {@link BundleContext}), and without activation, where it fails like openHAB's.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
class BaseThingHandlerFactoryTest {

    private static final ThingTypeUID LOCK = new ThingTypeUID("kas:lock");
    private static final String ACTIONS_SERVICE_NAME = ThingActions.class.getCanonicalName();

    /** what the services and the bundle context were asked to do, in order */
    static final List<String> CALLS = new ArrayList<>();

    /** created by the factory for every handler of a lock */
    @ThingActionsScope(name = "kas")
    public static class TestActions implements ThingActions {
        private @Nullable ThingHandler handler;

        @Override
        public void setThingHandler(ThingHandler handler) {
            CALLS.add("setThingHandler");
            this.handler = handler;
        }

        @Override
        public @Nullable ThingHandler getThingHandler() {
            return handler;
        }

        @Override
        public void initialize() {
            CALLS.add("initialize");
        }

        @Override
        public void dispose() {
            CALLS.add("dispose");
        }
    }

    /** implements only the generic service interface: nothing to register it under */
    public static class PlainService implements ThingHandlerService {
        @Override
        public void setThingHandler(ThingHandler handler) {
            CALLS.add("plain setThingHandler");
        }

        @Override
        public @Nullable ThingHandler getThingHandler() {
            return null;
        }
    }

    /** its interfaces come from the superclass and from itself */
    public static class DerivedActions extends TestActions implements Runnable {
        @Override
        public void run() {
        }
    }

    /** openHAB checks @Component on services, but the annotation is not visible at runtime (CLASS retention) */
    @Component(scope = ServiceScope.SINGLETON, service = Runnable.class)
    public static class SingletonComponentActions extends TestActions {
    }

    /** cannot be created without the OSGi service registry */
    public static class NoDefaultConstructorActions extends TestActions {
        public NoDefaultConstructorActions(String unused) {
        }
    }

    static class LockHandler extends BaseThingHandler {
        private final List<Class<? extends ThingHandlerService>> services;

        LockHandler(Thing thing, List<Class<? extends ThingHandlerService>> services) {
            super(thing);
            this.services = services;
        }

        @Override
        public void initialize() {
        }

        @Override
        public void handleCommand(ChannelUID channelUID, Command command) {
        }

        @Override
        public Collection<Class<? extends ThingHandlerService>> getServices() {
            return services;
        }
    }

    static class Factory extends BaseThingHandlerFactory {
        final List<ThingHandler> removed = new ArrayList<>();
        List<Class<? extends ThingHandlerService>> services = List.of(TestActions.class);

        @Override
        public boolean supportsThingType(ThingTypeUID thingTypeUID) {
            return LOCK.equals(thingTypeUID);
        }

        @Override
        protected @Nullable ThingHandler createHandler(Thing thing) {
            return supportsThingType(thing.getThingTypeUID()) ? new LockHandler(thing, services) : null;
        }

        @Override
        protected void removeHandler(ThingHandler thingHandler) {
            CALLS.add("removeHandler");
            removed.add(thingHandler);
        }
    }

    private final Factory factory = new Factory();
    private final ComponentContext componentContext = mock(ComponentContext.class);
    private final BundleContext bundleContext = mock(BundleContext.class);
    private final ServiceRegistration<?> registration = mock(ServiceRegistration.class);
    private final InMemoryThing thing = new InMemoryThing("kas:lock:front", Map.of());

    @BeforeEach
    void setUp() {
        CALLS.clear();
        when(componentContext.getBundleContext()).thenReturn(bundleContext);
        doAnswer(invocation -> {
            CALLS.add("registerService");
            return registration;
        }).when(bundleContext).registerService(any(String[].class), any(), isNull());
        doAnswer(invocation -> CALLS.add("unregister")).when(registration).unregister();
    }

    @AfterEach
    void tearDown() {
        CALLS.clear();
    }

    private void activate() {
        factory.activate(componentContext);
    }

    @Test
    void activationKeepsTheBundleContextAndTracksTheRegistries() throws Exception {
        assertThrows(IllegalStateException.class, factory::getBundleContext);
        activate();
        assertSame(bundleContext, factory.getBundleContext());
        assertSame(bundleContext, factory.bundleContext);
        verify(bundleContext).addServiceListener(any(ServiceListener.class),
                eq("(objectClass=org.openhab.core.thing.type.ThingTypeRegistry)"));
        verify(bundleContext).addServiceListener(any(ServiceListener.class),
                eq("(objectClass=org.openhab.core.config.core.ConfigDescriptionRegistry)"));

        factory.deactivate(componentContext);
        verify(bundleContext, times(2)).removeServiceListener(any(ServiceListener.class));
        assertNull(factory.bundleContext);
        IllegalStateException e = assertThrows(IllegalStateException.class, factory::getBundleContext);
        assertEquals("The bundle context is missing (it seems your thing handler factory is used but not active).",
                e.getMessage());
    }

    @Test
    void registeringAHandlerWithServicesFailsWithoutActivation() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> factory.registerHandler(thing));
        // the bundle context is dereferenced, as in openHAB (the JDK's helpful message names it)
        assertTrue(String.valueOf(e.getMessage()).contains("\"this.bundleContext\" is null"), e.getMessage());
        assertEquals(List.of(), CALLS, "the service is looked up before it is created");
    }

    @Test
    void aHandlerWithoutServicesNeedsNoActivation() {
        factory.services = List.of();
        assertInstanceOf(LockHandler.class, factory.registerHandler(thing));
        thing.setHandler(factory.registerHandler(thing));
        factory.unregisterHandler(thing);
        assertEquals(List.of("removeHandler"), CALLS);
    }

    @Test
    void serviceIsCreatedRegisteredUnderItsInterfacesAndInitialized() {
        activate();
        ThingHandler handler = factory.registerHandler(thing);

        assertInstanceOf(LockHandler.class, handler);
        verify(bundleContext).getServiceReference(TestActions.class);
        ArgumentCaptor<Object> service = ArgumentCaptor.forClass(Object.class);
        verify(bundleContext).registerService(eq(new String[] { ACTIONS_SERVICE_NAME }), service.capture(), isNull());
        TestActions actions = assertInstanceOf(TestActions.class, service.getValue());
        assertSame(handler, actions.getThingHandler());
        assertEquals(List.of("setThingHandler", "registerService", "initialize"), CALLS);

        CALLS.clear();
        thing.setHandler(handler);
        factory.unregisterHandler(thing);
        assertEquals(List.of("removeHandler", "dispose", "unregister"), CALLS);
        assertEquals(List.of(handler), factory.removed);
        CALLS.clear();
        factory.unregisterHandler(thing);
        assertEquals(List.of("removeHandler"), CALLS, "the services were disposed once");
    }

    @Test
    void serviceFromTheServiceRegistryIsUsedAndGivenBack() {
        @SuppressWarnings("unchecked")
        ServiceReference<TestActions> reference = mock(ServiceReference.class);
        @SuppressWarnings("unchecked")
        ServiceObjects<TestActions> serviceObjects = mock(ServiceObjects.class);
        TestActions fromRegistry = new TestActions();
        when(bundleContext.getServiceReference(TestActions.class)).thenReturn(reference);
        when(bundleContext.getServiceObjects(reference)).thenReturn(serviceObjects);
        when(serviceObjects.getService()).thenReturn(fromRegistry);
        activate();

        ThingHandler handler = factory.registerHandler(thing);
        assertSame(handler, fromRegistry.getThingHandler());
        verify(bundleContext).registerService(new String[] { ACTIONS_SERVICE_NAME }, fromRegistry, null);

        thing.setHandler(handler);
        factory.unregisterHandler(thing);
        InOrder order = inOrder(registration, serviceObjects);
        order.verify(registration).unregister();
        order.verify(serviceObjects).ungetService(fromRegistry);
    }

    @Test
    void serviceNamesAreTheSpecificInterfacesOfTheClassAndItsSuperclasses() {
        factory.services = List.of(PlainService.class, DerivedActions.class);
        activate();
        factory.registerHandler(thing);

        // PlainService only implements ThingHandlerService: it is set up but not registered
        ArgumentCaptor<String[]> names = ArgumentCaptor.forClass(String[].class);
        verify(bundleContext).registerService(names.capture(), any(DerivedActions.class), isNull());
        assertEquals(Set.of(ACTIONS_SERVICE_NAME, Runnable.class.getCanonicalName()), Set.of(names.getValue()));
        assertTrue(CALLS.contains("plain setThingHandler"));
        verify(bundleContext, times(1)).registerService(any(String[].class), any(), isNull());
    }

    @Test
    void componentAnnotationChecksNeverFireBecauseTheAnnotationIsNotRetained() {
        factory.services = List.of(SingletonComponentActions.class);
        activate();
        try (LogCapture log = LogCapture.start()) {
            factory.registerHandler(thing);
            assertEquals(List.of(), log.events(BaseThingHandlerFactory.class, Level.WARN));
        }
        assertNull(SingletonComponentActions.class.getAnnotation(Component.class));
        verify(bundleContext).registerService(eq(new String[] { ACTIONS_SERVICE_NAME }),
                any(SingletonComponentActions.class), isNull());
    }

    @Test
    void serviceThatCannotBeCreatedIsSkippedWithAWarning() {
        factory.services = List.of(NoDefaultConstructorActions.class, TestActions.class);
        activate();
        try (LogCapture log = LogCapture.start()) {
            assertInstanceOf(LockHandler.class, factory.registerHandler(thing));
            Event warning = log.events(BaseThingHandlerFactory.class, Level.WARN).getFirst();
            assertEquals("Could not register service for class=" + NoDefaultConstructorActions.class.getCanonicalName(),
                    warning.message());
            assertInstanceOf(NoSuchMethodException.class, warning.throwable());
        }
        verify(bundleContext, times(1)).registerService(any(String[].class), any(TestActions.class), isNull());
    }

    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void aClassThatIsNoServiceIsSkippedWithAWarning() {
        factory.services = (List) List.of(String.class);
        activate();
        try (LogCapture log = LogCapture.start()) {
            factory.registerHandler(thing);
            ThingHandler handler = new LockHandler(thing, List.of());
            factory.registerService(handler, (Class) Integer.class);
            assertEquals(List.of(
                    "Should register service=java.lang.String for thingUID=kas:lock:front, but it does not implement the interface ThingHandlerService.",
                    "Should register service=java.lang.Integer for thingUID=kas:lock:front, but it does not implement the interface ThingHandlerService."),
                    log.events(BaseThingHandlerFactory.class, Level.WARN).stream().map(Event::message).toList());
        }
        verify(bundleContext, never()).registerService(any(String[].class), any(), any());
    }

    @Test
    void registerServiceAddsAServiceToAHandler() {
        factory.services = List.of();
        activate();
        ThingHandler handler = factory.registerHandler(thing);
        factory.registerService(handler, TestActions.class);
        assertEquals(List.of("setThingHandler", "registerService", "initialize"), CALLS);
        thing.setHandler(handler);
        factory.unregisterHandler(thing);
        assertEquals(
                List.of("setThingHandler", "registerService", "initialize", "removeHandler", "dispose", "unregister"),
                CALLS);
    }

    @Test
    void deactivationForgetsTheServicesWithoutDisposingThem() {
        activate();
        ThingHandler handler = factory.registerHandler(thing);
        factory.deactivate(componentContext);
        CALLS.clear();
        thing.setHandler(handler);
        factory.unregisterHandler(thing);
        assertEquals(List.of("removeHandler"), CALLS);
        verify(registration, never()).unregister();
    }

    @Test
    void deactivationWithoutActivationFails() {
        assertThrows(NullPointerException.class, () -> factory.deactivate(componentContext));
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
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> factory.createThing(LOCK, new Configuration(), new ThingUID("kas:lock:x"), null));
        assertEquals(
                "Base thing handler factory has not been properly initialized. Did you forget to call super.activate()?",
                e.getMessage());
        assertThrows(IllegalStateException.class,
                () -> factory.createThing(LOCK, new Configuration(), new ThingUID("kas:lock:x")));
        activate();
        assertNull(factory.createThing(LOCK, new Configuration(), new ThingUID("kas:lock:x")));
        factory.deactivate(componentContext);
        // openHAB keeps the closed tracker: after deactivation no thing type is found, nothing is thrown
        assertNull(factory.createThing(LOCK, new Configuration(), null, null));
    }
}
