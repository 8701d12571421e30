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

import static org.openhab.binding.kas.internal.KasBindingConstants.*;

import java.math.BigDecimal;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.ApiKey;
import org.openhab.binding.kas.internal.api.CloudBaseUrl;
import org.openhab.binding.kas.internal.api.InvalidInputException;
import org.openhab.binding.kas.internal.api.gate.RequestGate;
import org.openhab.core.config.core.Configuration;

/**
 * Configuration of the {@code kas:account} bridge, as openHAB maps it from the thing configuration, and its
 * validation into {@link AccountSettings}.
 * <p>
 * The API key is deliberately not a field: openHAB's {@code ConfigParser} writes every value it maps to the log at
 * TRACE, so {@link #read(Configuration)} takes the key out of the configuration and turns it into an {@link ApiKey}
 * before the rest is mapped.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class KasAccountConfiguration {

    public static final int REQUEST_TIMEOUT_MIN = 1;
    public static final int REQUEST_TIMEOUT_MAX = 60;
    public static final int UNLOCK_MAX_AGE_MIN = 1;
    public static final int UNLOCK_MAX_AGE_MAX = 60;

    public String baseUrl = CloudBaseUrl.DEFAULT;
    public int requestTimeout = 10;
    public int unlockMaxAge = 10;
    public int maxConcurrentRequests = 4;
    public int maxQueuedRequests = 100;

    /**
     * Reads and validates an account configuration without handing the API key to openHAB's configuration mapping.
     *
     * @param configuration the bridge's configuration (not changed)
     * @return the validated settings
     * @throws InvalidInputException naming the first invalid parameter and what is wrong with it (never quoting the
     *             key)
     */
    public static AccountSettings read(Configuration configuration) {
        Configuration withoutKey = new Configuration(configuration);
        ApiKey key = ApiKey.parse(asText(withoutKey.remove(CONFIG_API_KEY)));
        return withoutKey.as(KasAccountConfiguration.class).validate(key);
    }

    private static @Nullable String asText(@Nullable Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        // a key of digits only arrives as a number from a .things file
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    /**
     * Checks every other parameter and turns the configuration into settings the handler can use.
     *
     * @param key the validated API key
     * @return the validated settings
     * @throws InvalidInputException naming the first invalid parameter and what is wrong with it
     */
    public AccountSettings validate(ApiKey key) {
        CloudBaseUrl url = CloudBaseUrl.parse(baseUrl);
        checkRange(CONFIG_REQUEST_TIMEOUT, requestTimeout, REQUEST_TIMEOUT_MIN, REQUEST_TIMEOUT_MAX, " seconds");
        checkRange(CONFIG_UNLOCK_MAX_AGE, unlockMaxAge, UNLOCK_MAX_AGE_MIN, UNLOCK_MAX_AGE_MAX, " seconds");
        checkRange(CONFIG_MAX_CONCURRENT_REQUESTS, maxConcurrentRequests, RequestGate.MIN_CONCURRENT,
                RequestGate.MAX_CONCURRENT, "");
        checkRange(CONFIG_MAX_QUEUED_REQUESTS, maxQueuedRequests, RequestGate.MIN_QUEUED, RequestGate.MAX_QUEUED, "");
        return new AccountSettings(key, url, Duration.ofSeconds(requestTimeout), Duration.ofSeconds(unlockMaxAge),
                maxConcurrentRequests, maxQueuedRequests);
    }

    static void checkRange(String parameter, int value, int min, int max, String unit) {
        if (value < min || value > max) {
            throw InvalidInputException.outOfRange(parameter, value, min, max, unit);
        }
    }
}
