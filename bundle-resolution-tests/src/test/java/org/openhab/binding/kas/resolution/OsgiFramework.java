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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.osgi.report.resolution.ResolutionReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * An Eclipse Equinox framework in this JVM, with its storage in a directory of its own, that records why bundles
 * do not resolve. Bundles see the JDK and the framework's own packages from outside, never the test class path.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class OsgiFramework implements AutoCloseable {

    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final Framework framework;
    /** What the resolver reported since the last {@link #resolve} call, per resource. */
    private final Map<Resource, List<ResolutionReport.Entry>> reported = new ConcurrentHashMap<>();
    private final Map<Resource, String> reportMessages = new ConcurrentHashMap<>();

    private OsgiFramework(Framework framework) {
        this.framework = framework;
    }

    /**
     * @param storage an empty directory for the framework's storage, used by this framework only
     * @return the started framework
     */
    static OsgiFramework start(Path storage) throws BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // bundles get classes from outside only through the system bundle's exports (JDK and framework packages)
        config.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_BOOT);
        config.put("osgi.compatibility.bootdelegation", "false");
        // Equinox: no instance or user area (nothing is written outside the storage directory)
        config.put("osgi.instance.area", "@none");
        config.put("osgi.user.area", "@none");
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi framework on the test class path"));
        Framework framework = factory.newFramework(config);
        framework.start();
        OsgiFramework osgi = new OsgiFramework(framework);
        osgi.context().registerService(ResolverHookFactory.class, triggers -> osgi.new ReportingHook(), null);
        return osgi;
    }

    private BundleContext context() {
        BundleContext context = framework.getBundleContext();
        if (context == null) {
            throw new IllegalStateException("the framework is not running");
        }
        return context;
    }

    /**
     * @param jars bundle jars
     * @return the installed bundles, in the order of the jars
     */
    List<Bundle> install(Collection<Path> jars) throws BundleException {
        List<Bundle> bundles = new ArrayList<>();
        for (Path jar : jars) {
            // Equinox's reference: installs use the jar where it is instead of copying it into the storage
            bundles.add(context().installBundle("reference:" + jar.toUri()));
        }
        return bundles;
    }

    /** @return the bundle installed from this jar */
    Bundle install(Path jar) throws BundleException {
        return install(List.of(jar)).get(0);
    }

    /**
     * Resolves these bundles (and what they need), as the framework does before it starts a bundle.
     *
     * @return whether all of them are resolved
     */
    boolean resolve(Collection<Bundle> bundles) {
        reported.clear();
        reportMessages.clear();
        FrameworkWiring wiring = framework.adapt(FrameworkWiring.class);
        return wiring.resolveBundles(bundles);
    }

    /**
     * Resolves all installed bundles.
     *
     * @return whether all of them are resolved
     */
    boolean resolveAll() {
        return resolve(installedBundles());
    }

    /** @return the installed bundles besides the system bundle */
    List<Bundle> installedBundles() {
        return Stream.of(context().getBundles()).filter(bundle -> bundle.getBundleId() != 0).toList();
    }

    /** @return the installed bundles that are not resolved (besides the system bundle, which always is) */
    List<String> unresolvedBundles() {
        List<String> unresolved = new ArrayList<>();
        for (Bundle bundle : context().getBundles()) {
            if (bundle.getState() == Bundle.INSTALLED) {
                unresolved.add(bundle.getSymbolicName() + " " + bundle.getVersion() + ": " + explain(bundle));
            }
        }
        return unresolved;
    }

    /**
     * @return the mandatory requirements of the bundle that the resolver found no capability for at all, in the last
     *         {@link #resolve} call, as "namespace name" (e.g. {@code osgi.wiring.package org.eclipse.jetty.client}),
     *         without duplicates; empty when it resolved or failed for another reason
     */
    List<String> missingRequirements(Bundle bundle) {
        List<ResolutionReport.Entry> entries = reported.getOrDefault(revision(bundle), List.of());
        return entries.stream().filter(entry -> entry.getType() == ResolutionReport.Entry.Type.MISSING_CAPABILITY)
                .map(ResolutionReport.Entry::getData).filter(Requirement.class::isInstance).map(Requirement.class::cast)
                .filter(OsgiFramework::isMandatory).map(OsgiFramework::describe).distinct().toList();
    }

    /**
     * @return the resolver's entries for the bundle in the last {@link #resolve} call, by type, mandatory or not
     *         (the resolver also reports optional requirements it found nothing for)
     */
    List<String> reportEntries(Bundle bundle) {
        return reported.getOrDefault(revision(bundle), List.of()).stream()
                .map(entry -> entry.getType() + " "
                        + (entry.getData() instanceof Requirement requirement
                                ? describe(requirement) + (isMandatory(requirement) ? "" : " (optional)")
                                : String.valueOf(entry.getData())))
                .distinct().toList();
    }

    /** @return the resolver's explanation why the bundle did not resolve in the last {@link #resolve} call */
    String explain(Bundle bundle) {
        return reportMessages.getOrDefault(revision(bundle), "(no resolution report)");
    }

    /**
     * @return the mandatory requirements of the bundle (effective at resolve time) that are not wired; all of them
     *         when the bundle is not resolved
     */
    List<String> unwiredRequirements(Bundle bundle) {
        BundleRevision revision = revision(bundle);
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        List<String> unwired = new ArrayList<>();
        for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
            if (!isMandatory(requirement) || !isEffectiveAtResolve(requirement)) {
                continue;
            }
            boolean wired = wiring != null && wiring.getRequiredWires(requirement.getNamespace()).stream()
                    .anyMatch(wire -> wire.getRequirement().equals(requirement));
            if (!wired) {
                unwired.add(describe(requirement));
            }
        }
        return unwired;
    }

    /**
     * @param bundle a resolved bundle
     * @param packageName a package it imports
     * @return the bundle it imports the package from, if the package is wired
     */
    Optional<Bundle> packageProvider(Bundle bundle, String packageName) {
        return wire(bundle, PackageNamespace.PACKAGE_NAMESPACE, packageName)
                .map(wire -> wire.getProvider().getBundle());
    }

    /**
     * @param bundle a resolved bundle
     * @param namespace the namespace of one of its requirements
     * @param name the name in the namespace's attribute (package name, extender name ...)
     * @return the wire of that requirement, if it is wired
     */
    Optional<BundleWire> wire(Bundle bundle, String namespace, String name) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            throw new AssertionError(bundle.getSymbolicName() + " is not resolved: " + explain(bundle));
        }
        return wiring.getRequiredWires(namespace).stream().filter(wire -> {
            BundleCapability capability = wire.getCapability();
            return name.equals(capability.getAttributes().get(namespace));
        }).findFirst();
    }

    /** @return the class loader of a resolved bundle */
    ClassLoader classLoader(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        if (loader == null) {
            throw new AssertionError(bundle.getSymbolicName() + " is not resolved: " + explain(bundle));
        }
        return loader;
    }

    @Override
    public void close() throws BundleException, InterruptedException {
        framework.stop();
        FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT_MILLIS);
        if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
            throw new IllegalStateException("the framework did not stop within " + STOP_TIMEOUT_MILLIS + " ms");
        }
    }

    private static BundleRevision revision(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            throw new AssertionError(bundle.getSymbolicName() + " is uninstalled");
        }
        return revision;
    }

    private static boolean isMandatory(Requirement requirement) {
        return !Namespace.RESOLUTION_OPTIONAL
                .equals(requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }

    private static boolean isEffectiveAtResolve(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    /** @return "namespace name", the name taken from the requirement's filter, e.g. "osgi.extender osgi.component" */
    static String describe(Requirement requirement) {
        String namespace = requirement.getNamespace();
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        Matcher matcher = Pattern.compile("\\(" + Pattern.quote(namespace) + "=([^)]*)\\)").matcher(filter);
        return namespace + " " + (matcher.find() ? matcher.group(1) : filter);
    }

    /** Records the resolver's report of every resolve operation (Equinox calls it before {@code end()}). */
    private final class ReportingHook implements ResolverHook, ResolutionReport.Listener {

        @Override
        public void filterResolvable(@Nullable Collection<BundleRevision> candidates) {
        }

        @Override
        public void filterSingletonCollisions(@Nullable BundleCapability singleton,
                @Nullable Collection<BundleCapability> collisionCandidates) {
        }

        @Override
        public void filterMatches(@Nullable BundleRequirement requirement,
                @Nullable Collection<BundleCapability> candidates) {
        }

        @Override
        public void end() {
        }

        @Override
        public void handleResolutionReport(@Nullable ResolutionReport report) {
            if (report == null) {
                return;
            }
            report.getEntries().forEach((resource, entries) -> {
                reported.put(resource, List.copyOf(entries));
                String message = report.getResolutionReportMessage(resource);
                if (message != null) {
                    reportMessages.put(resource, message.strip());
                }
            });
        }
    }
}
