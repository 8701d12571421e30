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
package org.openhab.binding.kas.resolution;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The two Jetty lines the add-on runs on: Jetty 9.4 in openHAB 5.0 to 5.2, Jetty 12 in openHAB 5.3 and later. Each
 * has its client bundles in a folder of its own and its own transport class in the add-on.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
enum JettyLine {

    JETTY_9_4("jetty9", "kas.jetty9.version", 9,
            "org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Transport"),
    JETTY_12("jetty12", "kas.jetty12.version", 12,
            "org.openhab.binding.kas.internal.api.transport.jetty12.Jetty12Transport");

    /** The symbolic name of the bundle that exports {@code org.eclipse.jetty.client}, in both lines. */
    static final String CLIENT_BUNDLE = "org.eclipse.jetty.client";

    private final String folder;
    private final String versionProperty;
    final int major;
    /** The add-on's transport for this line. */
    final String transport;

    JettyLine(String folder, String versionProperty, int major, String transport) {
        this.folder = folder;
        this.versionProperty = versionProperty;
        this.major = major;
        this.transport = transport;
    }

    /** @return the Bundle-Version of this line's Jetty bundles (the Maven version, as the build copied them) */
    String bundleVersion() {
        String version = System.getProperty(versionProperty);
        if (version == null) {
            throw new AssertionError("failsafe passes the Jetty version in " + versionProperty);
        }
        return version;
    }

    /**
     * @return this line's client bundles and what they require, with the HTTP/2 client (openHAB ships it, and the
     *         signatures of openHAB's HttpClientFactory name it)
     */
    List<Path> bundles() {
        return BundleJars.in(folder);
    }

    /** @return only this line's jetty-util bundle and what it requires (Jetty 9.4: javax.servlet), no client */
    List<Path> utilOnly() {
        return bundles().stream().filter(
                jar -> List.of("jetty-util.jar", "javax.servlet-api.jar").contains(jar.getFileName().toString()))
                .toList();
    }

    /** @return the other line */
    JettyLine other() {
        return this == JETTY_9_4 ? JETTY_12 : JETTY_9_4;
    }
}
