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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.osgi.framework.Bundle;

/**
 * What became of the add-on in a framework of its own: resolved or not, and which of its mandatory requirements
 * found no provider.
 *
 * @param resolved whether the add-on resolved
 * @param missing its mandatory requirements without any capability, as "namespace name"
 * @param report the resolver's explanation for the add-on (for failure messages)
 * @param unresolvedBundles the other installed bundles that did not resolve, with the resolver's explanation
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
record AddonResolution(boolean resolved, List<String> missing, String report, List<String> unresolvedBundles) {

    /**
     * Starts a framework in a new directory under {@code storage}, installs the bundles and the add-on jar, resolves
     * all of them and stops the framework again.
     *
     * @param storage a directory for the framework's storage (a new subdirectory is used)
     * @param addonJar the add-on jar (the packaged one or an edited copy)
     * @param bundles what the add-on gets to resolve against
     */
    static AddonResolution of(Path storage, Path addonJar, List<Path> bundles) throws Exception {
        try (OsgiFramework osgi = OsgiFramework.start(Files.createTempDirectory(storage, "framework"))) {
            osgi.install(bundles);
            Bundle addon = osgi.install(addonJar);
            boolean resolved = osgi.resolve(List.of(addon));
            if (resolved != (addon.getState() == Bundle.RESOLVED)) {
                throw new AssertionError(
                        "resolveBundles answered " + resolved + ", the add-on's state is " + addon.getState());
            }
            List<String> missing = osgi.missingRequirements(addon);
            String report = osgi.explain(addon);
            // the other bundles, resolved on their own, so that a failure is the add-on's own
            List<Bundle> others = new ArrayList<>(osgi.installedBundles());
            others.remove(addon);
            osgi.resolve(others);
            return new AddonResolution(resolved, missing, report, osgi.unresolvedBundles().stream()
                    .filter(description -> !description.startsWith(addon.getSymbolicName() + " ")).toList());
        }
    }
}
