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
package org.openhab.binding.kas.internal.config;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.ApiKey;
import org.openhab.binding.kas.internal.api.CloudBaseUrl;

/**
 * The validated settings of a KAS account bridge.
 *
 * @param apiKey the KAS API key
 * @param baseUrl where the KAS cloud is
 * @param requestTimeout how long one HTTP request may take
 * @param unlockMaxAge how old an unlock command may be when it is sent at the latest
 * @param maxConcurrentRequests KAS calls in flight at most
 * @param maxQueuedRequests calls waiting at most
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record AccountSettings(ApiKey apiKey, CloudBaseUrl baseUrl, Duration requestTimeout, Duration unlockMaxAge,
        int maxConcurrentRequests, int maxQueuedRequests) {
}
