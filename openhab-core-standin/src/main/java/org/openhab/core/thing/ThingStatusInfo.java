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
package org.openhab.core.thing;

import java.util.Objects;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Stand-in for openHAB's thing status with its detail and optional description.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public class ThingStatusInfo {

    private final ThingStatus status;
    private final ThingStatusDetail statusDetail;
    private @Nullable String description;

    /**
     * For reflection-based instantiation only: UNKNOWN, NONE, no description.
     */
    protected ThingStatusInfo() {
        this(ThingStatus.UNKNOWN, ThingStatusDetail.NONE, null);
    }

    public ThingStatusInfo(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        this.status = status;
        this.statusDetail = statusDetail;
        this.description = description;
    }

    public ThingStatus getStatus() {
        return status;
    }

    public ThingStatusDetail getStatusDetail() {
        return statusDetail;
    }

    public @Nullable String getDescription() {
        return description;
    }

    /**
     * @return e.g. {@code OFFLINE (COMMUNICATION_ERROR): text}; the detail is left out when it is NONE, the
     *         description when it is null or blank
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(status.toString());
        if (statusDetail != ThingStatusDetail.NONE) {
            text.append(" (").append(statusDetail).append(')');
        }
        String description = this.description;
        if (description != null && !description.isBlank()) {
            text.append(": ").append(description);
        }
        return text.toString();
    }

    @Override
    public int hashCode() {
        String description = this.description;
        int hash = 31 + (description == null ? 0 : description.hashCode());
        hash = 31 * hash + status.hashCode();
        return 31 * hash + statusDetail.hashCode();
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || getClass() != obj.getClass()) {
            return false;
        }
        ThingStatusInfo other = (ThingStatusInfo) obj;
        return status == other.status && statusDetail == other.statusDetail
                && Objects.equals(description, other.description);
    }
}
