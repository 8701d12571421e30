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
 * One HTTP request as {@link RequestReader} read it: request line, what the connection needs of the headers, and the
 * body (de-chunked; at most {@link RequestReader#MAX_BODY_BYTES} kept).
 *
 * @param method the method, e.g. {@code GET}
 * @param path the path of the request target, still percent-encoded, without query string or fragment (the path of
 *            an absolute-form target too)
 * @param http10 whether the request was HTTP/1.0 (else HTTP/1.1)
 * @param keepAlive whether the connection may stay open after the answer ({@code Connection} header and version)
 * @param body the body bytes, empty if there was none
 *
 * @author KAS binding contributors - Initial contribution
 */
record ParsedRequest(String method, String path, boolean http10, boolean keepAlive, byte[] body) {

    /** @return whether the answer must not have a body */
    boolean isHead() {
        return "HEAD".equals(method);
    }

    /** @return the body decoded as UTF-8 */
    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
