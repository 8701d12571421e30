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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-in for openHAB's base class of thing handler factories.
 * <p>
 * {@link #registerHandler(Thing)} creates the handler and, like openHAB, checks it and creates the handler's
 * services ({@link ThingHandler#getServices()}): each service class is instantiated with its public no-argument
 * constructor, given the handler and initialized; {@link #unregisterHandler(Thing)} disposes them. Unlike openHAB,
 * the stand-in does not register anything as OSGi service, and it knows no thing types, so
 * {@link #createThing(ThingTypeUID, Configuration, ThingUID, ThingUID)} returns null once activated.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public abstract class BaseThingHandlerFactory implements ThingHandlerFactory {

    protected @NonNullByDefault({}) BundleContext bundleContext;

    private final Logger logger = LoggerFactory.getLogger(BaseThingHandlerFactory.class);

    private final Map<ThingUID, List<ThingHandlerService>> services = new ConcurrentHashMap<>();

    protected void activate(ComponentContext componentContext) {
        bundleContext = componentContext.getBundleContext();
    }

    protected void deactivate(ComponentContext componentContext) {
        services.values().forEach(list -> list.forEach(ThingHandlerService::dispose));
        services.clear();
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
        for (Class<? extends ThingHandlerService> serviceClass : handler.getServices()) {
            registerService(handler, serviceClass);
        }
        return handler;
    }

    /**
     * Creates, connects and initializes one service for the given handler.
     *
     * @param thingHandler the handler
     * @param klass the service class (with a public no-argument constructor)
     */
    public void registerService(ThingHandler thingHandler, Class<? extends ThingHandlerService> klass) {
        ThingUID thingUID = thingHandler.getThing().getUID();
        if (!ThingHandlerService.class.isAssignableFrom(klass)) {
            logger.warn("Service {} for thing {} does not implement ThingHandlerService; not registered.",
                    klass.getCanonicalName(), thingUID);
            return;
        }
        ThingHandlerService service;
        try {
            service = klass.getConstructor().newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException e) {
            logger.warn("Could not register service for class={}", klass.getCanonicalName(), e);
            return;
        }
        service.setThingHandler(thingHandler);
        service.initialize();
        services.computeIfAbsent(thingUID, uid -> new CopyOnWriteArrayList<>()).add(service);
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
        List<ThingHandlerService> removed = services.remove(thing.getUID());
        if (removed != null) {
            removed.forEach(ThingHandlerService::dispose);
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

    @Override
    public @Nullable Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration,
            @Nullable ThingUID thingUID, @Nullable ThingUID bridgeUID) {
        if (bundleContext == null) {
            throw new IllegalStateException(
                    "Base thing handler factory has not been properly initialized. Did you forget to call super.activate()?");
        }
        // the stand-in has no thing type registry: no thing type is known
        return null;
    }
}
