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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies of the add-on jar with a manifest that is wrong for one Jetty line, resolved on both lines: each resolves on
 * the line it still fits and does not resolve on the other. So the tests that resolve the real jar on both lines
 * ({@link AddonResolvesIT}) would fail if the add-on's manifest had one of these mistakes.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class WrongManifestIT {

    private static final String OPTIONAL = ";resolution:=optional";

    @TempDir
    @Nullable
    Path storage;

    /**
     * Jetty 9.4's client API packages ({@code org.eclipse.jetty.client.api}, {@code .util}) do not exist in Jetty 12:
     * imported without {@code resolution:=optional}, the add-on would not resolve on openHAB 5.3.
     */
    @Test
    void jetty94PackagesImportedMandatorilyDoNotResolveOnJetty12() throws Exception {
        UnaryOperator<String> mandatory = clause -> clause.replace(OPTIONAL, "");
        Path jar = edited("mandatory-jetty94-packages.jar",
                Map.of("org.eclipse.jetty.client.api", mandatory, "org.eclipse.jetty.client.util", mandatory));

        AddonResolution onJetty12 = assertResolvesOnlyOn(JETTY_9_4, jar);
        assertFalse(onJetty12.missing().isEmpty(), () -> "a missing requirement is reported: " + onJetty12);
        assertTrue(
                List.of("osgi.wiring.package org.eclipse.jetty.client.api",
                        "osgi.wiring.package org.eclipse.jetty.client.util").containsAll(onJetty12.missing()),
                () -> "only Jetty 9.4's client API packages are missing: " + onJetty12);
    }

    /** {@code org.eclipse.jetty.client} and {@code .http} limited to Jetty 9.4: no resolution on Jetty 12. */
    @Test
    void jettyLimitedTo94DoesNotResolveOnJetty12() throws Exception {
        assertJettyRangeResolvesOnlyOn(JETTY_9_4, "[9.4,10)", "jetty-9.4-only.jar");
    }

    /** {@code org.eclipse.jetty.client} and {@code .http} from Jetty 12 on: no resolution on Jetty 9.4. */
    @Test
    void jettyFrom12DoesNotResolveOnJetty94() throws Exception {
        assertJettyRangeResolvesOnlyOn(JETTY_12, "[12,13)", "jetty-12-only.jar");
    }

    /**
     * A copy of the add-on whose imports of {@code org.eclipse.jetty.client} and {@code .http} have another version
     * range resolves on the line in the range only: on the other line, the client is missing.
     */
    private void assertJettyRangeResolvesOnlyOn(JettyLine line, String range, String name) throws Exception {
        UnaryOperator<String> limited = clause -> clause.replace("version=\"[9.4,13)\"", "version=\"" + range + "\"");
        Path jar = edited(name, Map.of("org.eclipse.jetty.client", limited, "org.eclipse.jetty.http", limited));

        AddonResolution onOther = assertResolvesOnlyOn(line, jar);
        assertTrue(onOther.missing().contains("osgi.wiring.package org.eclipse.jetty.client"),
                () -> line + "'s client is missing: " + onOther);
    }

    /**
     * @return the resolution on the other line, where the edited jar does not resolve; on this line it resolves
     */
    private AddonResolution assertResolvesOnlyOn(JettyLine line, Path jar) throws Exception {
        AddonResolution result = resolve(jar, line);
        assertTrue(result.resolved(), () -> "the edited jar still resolves on " + line + ": " + result);
        AddonResolution onOther = resolve(jar, line.other());
        assertFalse(onOther.resolved(), "must not resolve on " + line.other());
        return onOther;
    }

    private AddonResolution resolve(Path jar, JettyLine line) throws Exception {
        List<Path> bundles = new ArrayList<>(BundleJars.in(BundleJars.PLATFORM));
        bundles.addAll(BundleJars.in(BundleJars.DS));
        bundles.addAll(line.bundles());
        AddonResolution result = AddonResolution.of(storage(), jar, bundles);
        assertEquals(List.of(), result.unresolvedBundles(), "everything but the add-on resolves");
        return result;
    }

    private Path edited(String name, Map<String, UnaryOperator<String>> edits) throws Exception {
        return ManifestEdit.withImports(BundleJars.addon(), storage().resolve(name), edits);
    }

    private Path storage() {
        Path directory = storage;
        assertNotNull(directory);
        return directory;
    }
}
