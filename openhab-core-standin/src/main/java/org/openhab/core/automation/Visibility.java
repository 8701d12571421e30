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
package org.openhab.core.automation;

import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB's visibility of automation elements in user interfaces.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public enum Visibility {
    /** shown to everybody */
    VISIBLE,
    /** not shown */
    HIDDEN,
    /** shown to expert users only */
    EXPERT;

    /**
     * @param value a constant name in any case, surrounding blanks ignored
     * @return the matching constant, or null if none matches
     */
    public static @Nullable Visibility typeOf(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        for (Visibility visibility : values()) {
            if (visibility.name().equals(wanted)) {
                return visibility;
            }
        }
        return null;
    }
}
