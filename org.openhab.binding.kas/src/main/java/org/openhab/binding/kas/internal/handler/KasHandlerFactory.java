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

import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.api.transport.TransportSelector;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Creates the handlers of the KAS binding's things.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = "binding.kas", service = ThingHandlerFactory.class)
public class KasHandlerFactory extends BaseThingHandlerFactory {

    /** The pool of {@code BaseThingHandler.scheduler}: the handlers' timers run where openHAB runs them anyway. */
    private static final String THING_HANDLER_POOL = "thingHandler";

    private final HttpTransport transport;
    private final Clock clock;
    private final ScheduledExecutorService timers;

    @Activate
    public KasHandlerFactory(@Reference HttpClientFactory httpClientFactory) {
        this(TransportSelector.forCommonClient(httpClientFactory), Clock.systemUTC(),
                ThreadPoolManager.getScheduledPool(THING_HANDLER_POOL));
    }

    /**
     * @param transport sends the account handlers' requests
     * @param clock dates commands and unlocks
     * @param timers runs the handlers' timers (relock, reachability rechecks, maximum age, wait bounds)
     */
    public KasHandlerFactory(HttpTransport transport, Clock clock, ScheduledExecutorService timers) {
        this.transport = transport;
        this.clock = clock;
        this.timers = timers;
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return SUPPORTED_THING_TYPES.contains(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        ThingTypeUID thingTypeUID = thing.getThingTypeUID();
        if (THING_TYPE_ACCOUNT.equals(thingTypeUID) && thing instanceof Bridge bridge) {
            return new KasAccountHandler(bridge, transport, clock, timers);
        }
        if (THING_TYPE_LOCK.equals(thingTypeUID)) {
            return new KasLockHandler(thing, clock, timers);
        }
        return null;
    }
}
