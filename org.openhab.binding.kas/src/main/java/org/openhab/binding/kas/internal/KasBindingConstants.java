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
package org.openhab.binding.kas.internal;

import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.ThingTypeUID;

/**
 * Ids of the KAS binding: thing types, channels, trigger events and configuration parameters.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class KasBindingConstants {

    public static final String BINDING_ID = "kas";

    public static final ThingTypeUID THING_TYPE_ACCOUNT = new ThingTypeUID(BINDING_ID, "account");
    public static final ThingTypeUID THING_TYPE_LOCK = new ThingTypeUID(BINDING_ID, "lock");
    public static final Set<ThingTypeUID> SUPPORTED_THING_TYPES = Set.of(THING_TYPE_ACCOUNT, THING_TYPE_LOCK);

    // channels of kas:lock
    public static final String CHANNEL_UNLOCK = "unlock";
    public static final String CHANNEL_LOCK = "lock";
    public static final String CHANNEL_LAST_UNLOCK = "last-unlock";
    public static final String CHANNEL_LAST_RESULT = "last-result";
    public static final String CHANNEL_EVENT = "event";

    // events of the trigger channel
    public static final String EVENT_UNLOCK_ACCEPTED = "UNLOCK_ACCEPTED";
    public static final String EVENT_UNLOCK_FAILED = "UNLOCK_FAILED";
    public static final String EVENT_PIN_CODE_CREATED = "PIN_CODE_CREATED";
    public static final String EVENT_PIN_CODE_FAILED = "PIN_CODE_FAILED";

    // configuration parameters
    public static final String CONFIG_API_KEY = "apiKey";
    public static final String CONFIG_BASE_URL = "baseUrl";
    public static final String CONFIG_REQUEST_TIMEOUT = "requestTimeout";
    public static final String CONFIG_UNLOCK_MAX_AGE = "unlockMaxAge";
    public static final String CONFIG_MAX_CONCURRENT_REQUESTS = "maxConcurrentRequests";
    public static final String CONFIG_MAX_QUEUED_REQUESTS = "maxQueuedRequests";
    public static final String CONFIG_FACTORY_NUMBER = "factoryNumber";
    public static final String CONFIG_UNLOCKED_DURATION = "unlockedDuration";

    private KasBindingConstants() {
    }
}
