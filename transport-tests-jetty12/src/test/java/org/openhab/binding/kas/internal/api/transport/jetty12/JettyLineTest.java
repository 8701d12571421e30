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
package org.openhab.binding.kas.internal.api.transport.jetty12;

import static org.junit.jupiter.api.Assertions.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The client tests of this module run on Jetty 12 only: the Jetty 12 client API is there and the Jetty 9.4 one is not
 * (the two lines share package names, so one of them would shadow the other).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class JettyLineTest {

    @Test
    void theClassPathHasJetty12AndNoJetty94() {
        assertDoesNotThrow(() -> Class.forName("org.eclipse.jetty.client.StringRequestContent"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.eclipse.jetty.client.api.Request"));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.eclipse.jetty.client.util.StringContentProvider"));
    }
}
