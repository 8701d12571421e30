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
package org.openhab.binding.kas.internal.api.transport;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.client.HttpClient;
import org.openhab.binding.kas.internal.api.transport.jetty9.Jetty9Transport;
import org.openhab.core.io.net.http.HttpClientFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Picks the {@link HttpTransport} for the Jetty line that the OSGi framework wired this bundle to: openHAB 5.0 to 5.2
 * ship Jetty 9.4, openHAB 5.3 and later Jetty 12. The bundle imports {@code org.eclipse.jetty.client} for both lines
 * and the Jetty 9.4 packages {@code org.eclipse.jetty.client.api} and {@code .util} optionally; the version of the
 * package the framework actually wired decides, so that a class of the other line is never loaded.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public final class TransportSelector {

    /** The package whose wired version tells the Jetty line. */
    static final String JETTY_CLIENT_PACKAGE = "org.eclipse.jetty.client";

    /**
     * The Jetty 12 transport. It is compiled in a build step of its own, against Jetty 12 (Jetty 9.4 and Jetty 12
     * cannot share a class path), so this class cannot name it in code and loads it from its own bundle by name.
     */
    static final String JETTY12_TRANSPORT = "org.openhab.binding.kas.internal.api.transport.jetty12.Jetty12Transport";

    private TransportSelector() {
    }

    /**
     * @param httpClientFactory openHAB's HTTP client factory
     * @return a transport on openHAB's common HTTP client, for the Jetty line this bundle is wired to
     * @throws IllegalStateException when the bundle is not wired to a supported Jetty line
     */
    public static HttpTransport forCommonClient(HttpClientFactory httpClientFactory) {
        Bundle bundle = FrameworkUtil.getBundle(TransportSelector.class);
        int major = jettyMajorVersion(bundle);
        HttpClient client = httpClientFactory.getCommonHttpClient();
        return switch (major) {
            case 9 -> new Jetty9Transport(client);
            case 12 -> jetty12(client);
            default -> throw new IllegalStateException("The KAS binding supports the Jetty HTTP client 9.4 (openHAB "
                    + "5.0 to 5.2) and 12 (openHAB 5.3 and later), but is wired to version " + major + ".");
        };
    }

    /**
     * @param bundle the bundle of this class, {@code null} outside an OSGi framework
     * @return the major version of the {@value #JETTY_CLIENT_PACKAGE} package the framework wired the bundle to
     * @throws IllegalStateException when there is no such wire
     */
    public static int jettyMajorVersion(@Nullable Bundle bundle) {
        BundleWiring wiring = bundle == null ? null : bundle.adapt(BundleWiring.class);
        if (wiring != null) {
            for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
                var attributes = wire.getCapability().getAttributes();
                if (JETTY_CLIENT_PACKAGE.equals(attributes.get(PackageNamespace.PACKAGE_NAMESPACE))
                        && attributes.get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE) instanceof Version version) {
                    return version.getMajor();
                }
            }
        }
        throw new IllegalStateException("The KAS binding is not wired to a Jetty HTTP client (package "
                + JETTY_CLIENT_PACKAGE + "); it runs only as a bundle in openHAB.");
    }

    private static HttpTransport jetty12(HttpClient client) {
        try {
            Class<? extends HttpTransport> type = Class
                    .forName(JETTY12_TRANSPORT, true, TransportSelector.class.getClassLoader())
                    .asSubclass(HttpTransport.class);
            return type.getConstructor(HttpClient.class).newInstance(client);
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException
                | InvocationTargetException | LinkageError e) {
            throw new IllegalStateException("The Jetty 12 transport of the KAS binding cannot be loaded: " + e, e);
        }
    }
}
