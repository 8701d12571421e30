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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.kas.internal.action.KasLockActions;
import org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Transport;
import org.openhab.binding.kas.internal.test.KasHandlerTestBase;
import org.openhab.binding.kas.internal.test.OsgiComponents;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.standin.testing.InMemoryBridge;
import org.openhab.core.standin.testing.InMemoryThing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.osgi.service.component.ComponentContext;

/**
 * Tests of {@link KasHandlerFactory}: supported types and the handlers it creates, which work against the emulator.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class KasHandlerFactoryTest extends KasHandlerTestBase {

    private KasHandlerFactory factory() {
        return new KasHandlerFactory(new Jetty9Transport(httpClient), clock, timers);
    }

    @Test
    void supportsTheAccountAndTheLock() {
        KasHandlerFactory factory = factory();

        assertTrue(factory.supportsThingType(THING_TYPE_ACCOUNT));
        assertTrue(factory.supportsThingType(THING_TYPE_LOCK));
        assertFalse(factory.supportsThingType(new ThingTypeUID(BINDING_ID, "gateway")));
        assertFalse(factory.supportsThingType(new ThingTypeUID("other", "lock")));
    }

    @Test
    void createsAnAccountHandlerForTheAccountBridge() {
        InMemoryBridge bridge = new InMemoryBridge(ACCOUNT_UID, THING_TYPE_ACCOUNT, configuration(accountConfig()));

        assertInstanceOf(KasAccountHandler.class, factory().createHandler(bridge));
    }

    @Test
    void createsALockHandlerForTheLockThing() {
        InMemoryThing lock = new InMemoryThing(FRONT_UID, THING_TYPE_LOCK, ACCOUNT_UID,
                configuration(lockConfig(FRONT_FN)));

        ThingHandler handler = factory().createHandler(lock);

        KasLockHandler lockHandler = assertInstanceOf(KasLockHandler.class, handler);
        assertEquals(List.of(KasLockActions.class), List.copyOf(lockHandler.getServices()));
    }

    @Test
    void createsNoHandlerForOtherThings() {
        KasHandlerFactory factory = factory();
        InMemoryThing accountWithoutBridge = new InMemoryThing(ACCOUNT_UID, THING_TYPE_ACCOUNT, null,
                new Configuration());
        InMemoryThing other = new InMemoryThing(new ThingUID("other", "lock", "x"), new ThingTypeUID("other", "lock"),
                null, new Configuration());

        assertNull(factory.createHandler(accountWithoutBridge));
        assertNull(factory.createHandler(other));
    }

    @Test
    void theCreatedHandlersWorkTogetherAgainstTheCloud() {
        KasHandlerFactory factory = factory();
        ComponentContext context = OsgiComponents.componentContext();
        OsgiComponents.activate(factory, context);
        InMemoryBridge account = createAccount(accountConfig());
        InMemoryThing front = createLock("front", lockConfig(FRONT_FN));
        // replace the harness' handlers by the factory's, as openHAB's thing manager would create them
        ThingHandler accountHandler = factory.registerHandler(account);
        account.setHandler(accountHandler);
        accountHandler.setCallback(recorder.callback());
        ThingHandler lockHandler = factory.registerHandler(front);
        front.setHandler(lockHandler);
        lockHandler.setCallback(recorder.callback());

        initialize(account);
        awaitStatus(account, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        initialize(front);
        awaitStatus(front, ThingStatus.ONLINE, ThingStatusDetail.NONE);
        KasLockActions actions = new KasLockActions();
        actions.setThingHandler(lockHandler);

        assertEquals(Boolean.TRUE, actions.unlock().get(KasLockActions.OUTPUT_SUCCESS));
        assertEquals(1, emulator.executedUnlocks().size());
        factory.unregisterHandler(front);
        factory.unregisterHandler(account);
        OsgiComponents.deactivate(factory, context);
    }
}
