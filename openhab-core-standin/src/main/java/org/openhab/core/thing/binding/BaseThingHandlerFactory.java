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

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in for openHAB's base class of thing handler factories. It behaves like openHAB's, through the
 * {@link BundleContext} the factory gets on {@link #activate(ComponentContext)}:
 * <ul>
 * <li>{@code activate} keeps the bundle context and opens service trackers for openHAB's thing type registry and
 * config description registry (by class name); {@code deactivate} closes them (a never activated factory fails there
 * with a {@link NullPointerException}, as openHAB's does), forgets the handler services without disposing them and
 * drops the bundle context.</li>
 * <li>{@link #registerHandler(Thing)} creates the handler, checks it and sets up each of its
 * {@link ThingHandler#getServices() services}: the instance comes from the OSGi service registry when the bundle
 * context has a service reference for the class ({@link ServiceObjects}, for prototype-scoped components), otherwise
 * from the public no-argument constructor; it gets the handler, is registered as OSGi service under all interfaces
 * its class and superclasses implement directly (except {@link ThingHandlerService} itself) and is initialized.
 * Without activation there is no bundle context, so setting up a service fails with a {@link NullPointerException},
 * as in openHAB.</li>
 * <li>{@link #unregisterHandler(Thing)} calls {@link #removeHandler(ThingHandler)}, then disposes each service,
 * unregisters it and gives a service object back.</li>
 * <li>{@link #createThing(ThingTypeUID, Configuration, ThingUID, ThingUID)} throws an
 * {@link IllegalStateException} before activation; afterwards it returns null: the stand-in cannot build things from
 * thing types (openHAB's would when a thing type registry is tracked and knows the type).</li>
 * </ul>
 * Handlers cannot be openHAB config status providers or firmware update handlers here (those types are not part of
 * the stand-in), so nothing else is registered.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public abstract class BaseThingHandlerFactory implements ThingHandlerFactory {

    /** the registries openHAB's factory tracks, by class name (the types are not part of the stand-in) */
    private static final String THING_TYPE_REGISTRY = "org.openhab.core.thing.type.ThingTypeRegistry";
    private static final String CONFIG_DESCRIPTION_REGISTRY = "org.openhab.core.config.core.ConfigDescriptionRegistry";

    private static final String THING_HANDLER_SERVICE = ThingHandlerService.class.getCanonicalName();

    protected @NonNullByDefault({}) BundleContext bundleContext;

    private final Logger logger = LoggerFactory.getLogger(BaseThingHandlerFactory.class);

    private final Map<ThingUID, Set<HandlerService<?>>> handlerServices = new ConcurrentHashMap<>();

    // named as in openHAB, so that a NullPointerException of a never activated factory reads the same
    private @NonNullByDefault({}) ServiceTracker<Object, Object> thingTypeRegistryServiceTracker;
    private @NonNullByDefault({}) ServiceTracker<Object, Object> configDescriptionRegistryServiceTracker;

    /**
     * Keeps the bundle context and starts tracking openHAB's registries. A subclass that overrides it must call it
     * first.
     *
     * @param componentContext the component context
     */
    protected void activate(ComponentContext componentContext) {
        bundleContext = componentContext.getBundleContext();
        thingTypeRegistryServiceTracker = new ServiceTracker<>(bundleContext, THING_TYPE_REGISTRY, null);
        thingTypeRegistryServiceTracker.open();
        configDescriptionRegistryServiceTracker = new ServiceTracker<>(bundleContext, CONFIG_DESCRIPTION_REGISTRY,
                null);
        configDescriptionRegistryServiceTracker.open();
    }

    /**
     * Stops tracking, forgets the handler services (they are neither disposed nor unregistered here) and drops the
     * bundle context. A subclass that overrides it must call it first.
     *
     * @param componentContext the component context
     */
    protected void deactivate(ComponentContext componentContext) {
        thingTypeRegistryServiceTracker.close();
        configDescriptionRegistryServiceTracker.close();
        handlerServices.clear();
        bundleContext = null;
    }

    /**
     * @return the bundle context
     * @throws IllegalStateException if the factory is not active
     */
    protected BundleContext getBundleContext() {
        BundleContext context = bundleContext;
        if (context == null) {
            throw new IllegalStateException(
                    "The bundle context is missing (it seems your thing handler factory is used but not active).");
        }
        return context;
    }

    @Override
    public ThingHandler registerHandler(Thing thing) {
        ThingHandler handler = createHandler(thing);
        if (handler == null) {
            throw new IllegalStateException(
                    getClass().getSimpleName() + " could not create a handler for the thing '" + thing.getUID() + "'.");
        }
        if (thing instanceof Bridge && !(handler instanceof BridgeHandler)) {
            throw new IllegalStateException(
                    "Created handler of bridge '" + thing.getUID() + "' must implement the BridgeHandler interface.");
        }
        ThingUID thingUID = thing.getUID();
        for (Class<? extends ThingHandlerService> serviceClass : handler.getServices()) {
            if (isThingHandlerService(serviceClass, thingUID)) {
                setUpService(thingUID, handler, serviceClass);
            }
        }
        return handler;
    }

    /**
     * Sets up one more service for the given handler, as {@link #registerHandler(Thing)} does for the handler's
     * services.
     *
     * @param thingHandler the handler
     * @param klass the service class
     */
    public void registerService(ThingHandler thingHandler, Class<? extends ThingHandlerService> klass) {
        ThingUID thingUID = thingHandler.getThing().getUID();
        if (isThingHandlerService(klass, thingUID)) {
            setUpService(thingUID, thingHandler, klass);
        }
    }

    /** a raw class list can hold anything; openHAB checks it at runtime */
    private boolean isThingHandlerService(Class<?> serviceClass, ThingUID thingUID) {
        if (ThingHandlerService.class.isAssignableFrom(serviceClass)) {
            return true;
        }
        logger.warn(
                "Should register service={} for thingUID={}, but it does not implement the interface ThingHandlerService.",
                serviceClass.getCanonicalName(), thingUID);
        return false;
    }

    private <T extends ThingHandlerService> void setUpService(ThingUID thingUID, ThingHandler handler,
            Class<T> serviceClass) {
        // openHAB makes the same checks; @Component has CLASS retention, so at runtime there is never an annotation
        // to check and both warnings stay silent (in openHAB too)
        Component component = serviceClass.getAnnotation(Component.class);
        if (component != null && component.enabled()) {
            if (component.scope() != ServiceScope.PROTOTYPE) {
                logger.warn("Could not register service for class={}. Service must have a prototype scope",
                        serviceClass.getCanonicalName());
                return;
            }
            Class<?>[] services = component.service();
            if (services.length != 1 || services[0] != serviceClass) {
                logger.warn(
                        "Could not register service for class={}. ThingHandlerService with @Component must only label itself as a service.",
                        serviceClass.getCanonicalName());
                return;
            }
        }
        HandlerService<T> service;
        // dereferences the bundle context: a factory that was never activated fails here, as openHAB's does
        ServiceReference<T> reference = bundleContext.getServiceReference(serviceClass);
        if (reference != null) {
            service = new HandlerService<>(bundleContext.getServiceObjects(reference));
        } else {
            T instance;
            try {
                instance = serviceClass.getConstructor().newInstance();
            } catch (NoSuchMethodException | SecurityException | InstantiationException | IllegalAccessException
                    | InvocationTargetException e) {
                logger.warn("Could not register service for class={}", serviceClass.getCanonicalName(), e);
                return;
            }
            service = new HandlerService<>(instance, null);
        }
        service.start(handler, serviceNames(serviceClass));
        handlerServices.computeIfAbsent(thingUID, uid -> new HashSet<>()).add(service);
    }

    /**
     * @return the canonical names of the interfaces the class and its superclasses declare directly, without
     *         {@link ThingHandlerService} itself (the service is registered under its specific interfaces only)
     */
    private static String[] serviceNames(Class<?> serviceClass) {
        Set<Class<?>> interfaces = new HashSet<>();
        for (Class<?> type = serviceClass; type != null; type = type.getSuperclass()) {
            interfaces.addAll(Arrays.asList(type.getInterfaces()));
        }
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> type : interfaces) {
            String name = type.getCanonicalName();
            if (name != null && !name.equals(THING_HANDLER_SERVICE)) {
                names.add(name);
            }
        }
        return names.toArray(String[]::new);
    }

    /**
     * @param thing the thing
     * @return a new handler for the thing, or null if this factory cannot handle it
     */
    protected abstract @Nullable ThingHandler createHandler(Thing thing);

    @Override
    public void unregisterHandler(Thing thing) {
        ThingHandler handler = thing.getHandler();
        if (handler != null) {
            removeHandler(handler);
        }
        Set<HandlerService<?>> services = handlerServices.remove(thing.getUID());
        if (services != null) {
            services.forEach(HandlerService::stop);
        }
    }

    /**
     * Called when a handler is unregistered; does nothing by default.
     *
     * @param thingHandler the handler
     */
    protected void removeHandler(ThingHandler thingHandler) {
    }

    @Override
    public void removeThing(ThingUID thingUID) {
    }

    protected @Nullable Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration, ThingUID thingUID) {
        return createThing(thingTypeUID, configuration, thingUID, null);
    }

    /**
     * Before activation this throws like openHAB's; afterwards it returns null (see the class description).
     */
    @Override
    public @Nullable Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration,
            @Nullable ThingUID thingUID, @Nullable ThingUID bridgeUID) {
        if (thingTypeRegistryServiceTracker == null) {
            throw new IllegalStateException(
                    "Base thing handler factory has not been properly initialized. Did you forget to call super.activate()?");
        }
        // openHAB asks the tracked thing type registry for the type and builds the thing from it; the stand-in looks
        // at the tracker the same way but cannot build a thing
        thingTypeRegistryServiceTracker.getService();
        return null;
    }

    /**
     * One service of a handler: the instance, and where it came from and went to in the OSGi service registry.
     */
    private final class HandlerService<T extends ThingHandlerService> {
        private final T instance;
        private final @Nullable ServiceObjects<T> serviceObjects;
        private @Nullable ServiceRegistration<?> registration;

        HandlerService(ServiceObjects<T> serviceObjs) {
            this(serviceObjs.getService(), serviceObjs);
        }

        HandlerService(T instance, @Nullable ServiceObjects<T> serviceObjects) {
            this.instance = instance;
            this.serviceObjects = serviceObjects;
        }

        void start(ThingHandler handler, String[] serviceNames) {
            instance.setThingHandler(handler);
            if (serviceNames.length > 0) {
                registration = bundleContext.registerService(serviceNames, instance, null);
            }
            instance.initialize();
        }

        void stop() {
            instance.dispose();
            ServiceRegistration<?> registration = this.registration;
            if (registration != null) {
                registration.unregister();
            }
            ServiceObjects<T> serviceObjects = this.serviceObjects;
            if (serviceObjects != null) {
                serviceObjects.ungetService(instance);
            }
        }
    }
}
