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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.resolution.JettyLine.*;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The packaged add-on in an OSGi framework as openHAB provides it: the openHAB packages (from the stand-in bundle),
 * Gson, slf4j, a Declarative Services runtime and the client bundles of one Jetty line, Jetty 9.4 (openHAB 5.0 to
 * 5.2) or Jetty 12 (openHAB 5.3 and later). On either line the add-on resolves, is wired to that line's client, and
 * its transport selector picks that line's transport by the wiring; the other line's transport cannot even be
 * linked there, which is why the choice must follow the wiring.
 * <p>
 * These tests fail if the manifest were wrong for a line: with the Jetty 9.4 packages {@code .client.api} and
 * {@code .client.util} imported without {@code resolution:=optional}, the add-on would not resolve on Jetty 12, as
 * they do not exist there; with {@code org.eclipse.jetty.client} limited to one line's versions, it would not resolve
 * on the other line. Either way {@code resolves} (and every other test, which needs a resolved add-on) fails on that
 * line. {@link WrongManifestIT} installs such copies of the jar and shows it.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class AddonResolvesIT {

    private static final String SELECTOR = "org.openhab.binding.kas.internal.api.transport.TransportSelector";
    private static final String HTTP_CLIENT = "org.eclipse.jetty.client.HttpClient";
    private static final String HTTP_CLIENT_FACTORY = "org.openhab.core.io.net.http.HttpClientFactory";
    private static final String STANDIN = "openhab-core-standin";

    @TempDir
    @Nullable
    Path storage;
    private @Nullable OsgiFramework running;

    @AfterEach
    void stopFramework() throws Exception {
        OsgiFramework framework = running;
        if (framework != null) {
            framework.close();
        }
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void resolves(JettyLine line) throws Exception {
        Bundle addon = install(line);
        OsgiFramework osgi = framework();

        assertTrue(osgi.resolve(List.of(addon)), () -> "the add-on resolves on " + line + ": " + osgi.explain(addon));
        assertEquals(Bundle.RESOLVED, addon.getState());
        assertEquals(List.of(), osgi.missingRequirements(addon), "no requirement without a provider");
        assertEquals(List.of(), osgi.unwiredRequirements(addon), "every mandatory requirement is wired");
        // and so does every other bundle installed with it: the set is complete, nothing resolves by accident
        assertTrue(osgi.resolveAll(), () -> "every bundle resolves: " + osgi.unresolvedBundles());
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void isWiredToTheJettyClientOfTheLine(JettyLine line) throws Exception {
        Bundle addon = resolved(line);
        OsgiFramework osgi = framework();

        Bundle client = provider(addon, "org.eclipse.jetty.client");
        assertEquals(CLIENT_BUNDLE, client.getSymbolicName());
        assertEquals(Version.parseVersion(line.bundleVersion()), client.getVersion());
        Bundle http = provider(addon, "org.eclipse.jetty.http");
        assertEquals("org.eclipse.jetty.http", http.getSymbolicName());
        assertEquals(Version.parseVersion(line.bundleVersion()), http.getVersion());
        // the Jetty 9.4 client API packages, imported optionally: wired on Jetty 9.4, not there on Jetty 12
        for (String jetty94Only : List.of("org.eclipse.jetty.client.api", "org.eclipse.jetty.client.util")) {
            Optional<Bundle> provider = osgi.packageProvider(addon, jetty94Only);
            if (line == JETTY_9_4) {
                assertEquals(Optional.of(client), provider, jetty94Only + " from Jetty 9.4's client bundle");
            } else {
                assertEquals(Optional.empty(), provider, jetty94Only + " is not wired on Jetty 12");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void isWiredToTheOtherProviders(JettyLine line) throws Exception {
        Bundle addon = resolved(line);
        OsgiFramework osgi = framework();

        List<String> openhabPackages = new ArrayList<>();
        for (BundleWire wire : packageWires(addon)) {
            String name = String.valueOf(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
            if (name.startsWith("org.openhab.core")) {
                openhabPackages.add(name);
                assertEquals(STANDIN, wire.getProvider().getSymbolicName(), name + " from the stand-in");
                assertEquals(new Version(5, 2, 1),
                        wire.getCapability().getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE),
                        name + " at openHAB 5.2.1's version");
            }
        }
        assertTrue(openhabPackages.containsAll(
                List.of("org.openhab.core.thing", "org.openhab.core.thing.binding", "org.openhab.core.io.net.http")),
                "openHAB packages wired: " + openhabPackages);
        assertEquals("com.google.gson", provider(addon, "com.google.gson").getSymbolicName());
        assertEquals("slf4j.api", provider(addon, "org.slf4j").getSymbolicName());
        for (String jdkOrFramework : List.of("org.osgi.framework", "org.osgi.framework.wiring", "javax.net.ssl")) {
            assertEquals(0, provider(addon, jdkOrFramework).getBundleId(), jdkOrFramework + " from the system bundle");
        }
        BundleWire extender = osgi.wire(addon, "osgi.extender", "osgi.component")
                .orElseThrow(() -> new AssertionError("osgi.extender osgi.component is wired"));
        assertEquals("org.apache.felix.scr", extender.getProvider().getSymbolicName());
        BundleWire javaSe = osgi.wire(addon, ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE, "JavaSE")
                .orElseThrow(() -> new AssertionError("osgi.ee JavaSE is wired"));
        assertEquals(0, javaSe.getProvider().getBundle().getBundleId());
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void selectorReadsTheMajorVersionOfTheWiredJettyClient(JettyLine line) throws Exception {
        Bundle addon = resolved(line);
        ClassLoader loader = framework().classLoader(addon);

        // the selector names the Jetty 9.4 transport in code: it must link on Jetty 12 too
        Class<?> selector = link(SELECTOR, loader);
        assertEquals(line.major, selector.getMethod("jettyMajorVersion", Bundle.class).invoke(null, addon));
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void selectorGivesTheTransportOfTheLineForOpenhabsCommonClient(JettyLine line) throws Exception {
        Bundle addon = resolved(line);
        ClassLoader loader = framework().classLoader(addon);
        Class<?> httpClientType = loader.loadClass(HTTP_CLIENT);
        // a client of the framework's Jetty, not started (no threads): the transport only keeps it
        Object client = httpClientType.getConstructor().newInstance();
        Class<?> factoryType = loader.loadClass(HTTP_CLIENT_FACTORY);
        // defined by the stand-in's class loader: its signatures name Jetty types the add-on does not import
        Object factory = Proxy.newProxyInstance(factoryType.getClassLoader(), new Class<?>[] { factoryType },
                (proxy, method, arguments) -> commonClientOnly(proxy, method, arguments, client));

        Object transport = Class.forName(SELECTOR, true, loader).getMethod("forCommonClient", factoryType).invoke(null,
                factory);

        assertNotNull(transport);
        assertEquals(line.transport, transport.getClass().getName());
        assertSame(addon, FrameworkUtil.getBundle(transport.getClass()), "the add-on's own transport class");
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void transportOfTheLineLinksAgainstTheJettyOfTheFramework(JettyLine line) throws Exception {
        ClassLoader loader = resolvedLoader(line);
        Class<?> httpClientType = loader.loadClass(HTTP_CLIENT);
        Bundle jettyClient = FrameworkUtil.getBundle(httpClientType);
        assertNotNull(jettyClient);
        assertEquals(CLIENT_BUNDLE, jettyClient.getSymbolicName());
        assertEquals(Version.parseVersion(line.bundleVersion()), jettyClient.getVersion());

        Class<?> transport = link(line.transport, loader);

        assertNotNull(transport.getConstructor(httpClientType));
    }

    @ParameterizedTest
    @EnumSource(JettyLine.class)
    void transportOfTheOtherLineDoesNotLink(JettyLine line) throws Exception {
        ClassLoader loader = resolvedLoader(line);

        // both transports take an org.eclipse.jetty.client.HttpClient, which both lines have; but the types the other
        // line's code uses (request content, listener supertypes, lambda parameters) do not exist here, and the
        // class does not even pass verification when it is initialized
        NoClassDefFoundError error = assertThrows(NoClassDefFoundError.class,
                () -> link(line.other().transport, loader));
        assertTrue(String.valueOf(error.getMessage()).startsWith("org/eclipse/jetty/"),
                "a Jetty class of the other line is missing: " + error);
    }

    /**
     * Loads and initializes the class and its nested classes, and resolves every type their constructors, methods
     * and fields name: what the class needs to run, short of running it.
     */
    private static Class<?> link(String name, ClassLoader loader) throws ClassNotFoundException {
        Class<?> type = Class.forName(name, true, loader);
        type.getDeclaredConstructors();
        type.getDeclaredMethods();
        type.getDeclaredFields();
        for (Class<?> nested : type.getDeclaredClasses()) {
            link(nested.getName(), loader);
        }
        return type;
    }

    private static @Nullable Object commonClientOnly(Object proxy, Method method,
            @Nullable Object @Nullable [] arguments, Object client) {
        return switch (method.getName()) {
            case "getCommonHttpClient" -> client;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> arguments != null && proxy == arguments[0];
            case "toString" -> "HttpClientFactory with a common client only";
            default -> throw new UnsupportedOperationException(method.getName());
        };
    }

    /** Starts a framework with everything the add-on needs on this Jetty line, and installs the add-on. */
    private Bundle install(JettyLine line) throws Exception {
        Path directory = storage;
        assertNotNull(directory);
        OsgiFramework framework = OsgiFramework.start(directory);
        running = framework;
        framework.install(BundleJars.in(BundleJars.PLATFORM));
        framework.install(BundleJars.in(BundleJars.DS));
        framework.install(line.bundles());
        return framework.install(BundleJars.addon());
    }

    private Bundle resolved(JettyLine line) throws Exception {
        Bundle addon = install(line);
        OsgiFramework framework = framework();
        assertTrue(framework.resolve(List.of(addon)), () -> "the add-on resolves: " + framework.explain(addon));
        return addon;
    }

    /** @return the class loader of the add-on, resolved on this Jetty line */
    private ClassLoader resolvedLoader(JettyLine line) throws Exception {
        Bundle addon = resolved(line);
        return framework().classLoader(addon);
    }

    private OsgiFramework framework() {
        OsgiFramework framework = running;
        if (framework == null) {
            throw new IllegalStateException("no framework started");
        }
        return framework;
    }

    private Bundle provider(Bundle addon, String packageName) {
        return framework().packageProvider(addon, packageName)
                .orElseThrow(() -> new AssertionError(packageName + " is wired"));
    }

    private static List<BundleWire> packageWires(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        assertNotNull(wiring);
        return wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
    }
}
