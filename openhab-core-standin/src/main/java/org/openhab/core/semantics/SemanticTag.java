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
package org.openhab.core.semantics;

import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.common.registry.Identifiable;

/**
 * Stand-in for openHAB's semantic tag (location, equipment, point or property). Only present because
 * {@code Thing} names it in a signature.
 *
 * @author KAS binding contributors - build-time stand-in of the openHAB core type
 */
@NonNullByDefault
public interface SemanticTag extends Identifiable<String> {

    String getName();

    String getParentUID();

    String getLabel();

    String getDescription();

    List<String> getSynonyms();

    SemanticTag localized(Locale locale);
}
