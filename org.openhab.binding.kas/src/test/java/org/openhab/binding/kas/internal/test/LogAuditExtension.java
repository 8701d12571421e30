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
package org.openhab.binding.kas.internal.test;

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class when {@link LogAudit} found an API key (or a JWT-shaped token) in any log event while it ran;
 * before the first test class it lets {@link TestSecrets} find the key constants of the test classes.
 * Registered for every test class through JUnit's extension auto-detection ({@code junit-platform.properties} and
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension}), so it needs no base class and no class order.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class LogAuditExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(@Nullable ExtensionContext context) {
        TestSecrets.findConstants();
    }

    @Override
    public void afterAll(@Nullable ExtensionContext context) {
        List<String> findings = LogAudit.takeFindings();
        if (!findings.isEmpty()) {
            throw new AssertionError("log events with an API key or a JWT-shaped token: " + findings);
        }
    }
}
