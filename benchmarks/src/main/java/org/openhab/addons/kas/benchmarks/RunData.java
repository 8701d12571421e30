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
package org.openhab.addons.kas.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

/**
 * The figures of one JVM's run on one Jetty line, as JSON between the measuring JVMs and the {@link ReportWriter}
 * (Jetty 9.4 and Jetty 12 cannot share a JVM's class path). The run on Jetty 9.4 has every measurement; the run on
 * Jetty 12 only the unlock latency.
 *
 * @param line the Jetty line, e.g. {@code Jetty 9.4}
 * @param jettyVersion the version of the Jetty on the class path
 * @param plan how much was measured
 * @param startedAt when the run started, ISO 8601 in UTC
 * @param seconds how long the run took
 * @param environment where it ran
 * @param latency measurement 1
 * @param handleCommand measurement 2, or null when not measured in this run
 * @param bursts measurement 3, or null when not measured in this run
 * @param heap measurement 4, or null when not measured in this run
 * @param jar measurement 5, or null when not measured in this run
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public record RunData(String line, String jettyVersion, Plan plan, String startedAt, double seconds,
        Environment environment, LatencyBenchmark.Result latency, HandleCommandBenchmark.@Nullable Result handleCommand,
        @Nullable List<BurstBenchmark.Result> bursts, HeapBenchmark.@Nullable Result heap,
        JarSize.@Nullable Result jar) {

    private static final Gson GSON = new GsonBuilder().registerTypeAdapter(Duration.class, new DurationAdapter())
            .serializeSpecialFloatingPointValues().setPrettyPrinting().create();

    /**
     * @param file where to write the figures (its directory is created)
     * @throws IOException if it cannot be written
     */
    public void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, GSON.toJson(this), StandardCharsets.UTF_8);
    }

    /**
     * @param file figures written by {@link #write(Path)}
     * @return the figures
     * @throws IOException if the file cannot be read or is not such figures
     */
    public static RunData read(Path file) throws IOException {
        RunData data;
        try {
            data = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), RunData.class);
        } catch (RuntimeException e) {
            throw new IOException("cannot read the figures in " + file + ": " + e.getMessage(), e);
        }
        if (data == null) {
            throw new IOException(file + " is empty");
        }
        return data;
    }

    /**
     * {@link Duration} as its ISO 8601 text (its fields are not accessible to Gson's reflection).
     *
     * @author KAS binding contributors - Initial contribution
     */
    private static final class DurationAdapter extends TypeAdapter<Duration> {

        @Override
        public void write(JsonWriter out, @Nullable Duration value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public @Nullable Duration read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            return Duration.parse(in.nextString());
        }
    }
}
