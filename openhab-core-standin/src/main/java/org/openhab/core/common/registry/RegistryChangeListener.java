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
package org.openhab.core.common.registry;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Stand-in for openHAB's listener that is told about added, removed and updated registry elements.
 *
 * @param <E> the element type
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public interface RegistryChangeListener<E> {

    void added(E element);

    void removed(E element);

    void updated(E oldElement, E element);
}
