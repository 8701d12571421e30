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

import java.nio.charset.StandardCharsets;

/**
 * A complete answer: status, content type and body.
 *
 * @param status the HTTP status
 * @param contentType the content type, {@code null} for none
 * @param body the body
 *
 * @author KAS binding contributors - Initial contribution
 */
record Answer(int status, String contentType, byte[] body) {

    static final String TEXT = "text/plain;charset=utf-8";
    static final String HTML = "text/html;charset=utf-8";
    static final String JSON = "application/json;charset=utf-8";

    /**
     * @param status the HTTP status
     * @param text the body
     * @return a {@code text/plain;charset=utf-8} answer
     */
    static Answer text(int status, String text) {
        return new Answer(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }
}
