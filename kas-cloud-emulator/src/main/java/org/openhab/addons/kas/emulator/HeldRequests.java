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
package org.openhab.addons.kas.emulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The requests one {@link Fault} holds now ({@link Fault#hold()} or {@link Fault#silent()}): tracked from the moment
 * they are recorded until they are answered, released or dropped.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class HeldRequests {

    private final Set<Exchange> holding = ConcurrentHashMap.newKeySet();

    /** A request that claimed the fault is held by it until {@link #forget(Exchange)}. */
    void track(Exchange exchange) {
        holding.add(exchange);
    }

    /** The request is no longer held: answered, released or dropped. */
    void forget(Exchange exchange) {
        holding.remove(exchange);
    }

    /** @return see {@link Fault#release()} */
    int release() {
        int released = 0;
        for (Exchange exchange : List.copyOf(holding)) {
            if (exchange.releaseHold()) {
                holding.remove(exchange);
                released++;
            }
        }
        return released;
    }

    /** @return how many requests are held now */
    int count() {
        return holding.size();
    }
}
