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
package org.openhab.binding.kas.internal.api;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.kas.internal.api.transport.TransportFixture;
import org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Fixture;

/**
 * {@link KasCloudClientContract} with the Jetty 9.4 transport of openHAB 5.0 to 5.2.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class Jetty9ClientContractTest extends KasCloudClientContract {

    @Override
    protected TransportFixture newFixture() {
        return Jetty9Fixture.create();
    }
}
