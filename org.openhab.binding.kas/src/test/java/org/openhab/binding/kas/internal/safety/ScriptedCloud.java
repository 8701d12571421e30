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
package org.openhab.binding.kas.internal.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.addons.kas.emulator.Fault;
import org.openhab.addons.kas.emulator.KasCloudEmulator;

/**
 * The faults of the emulator during one sequence of the randomized safety test: one-off faults (a 504, a 500, a
 * reset, a silent call) and slow answers on the handlers' clock. A slow answer is a hold: the calls it keeps are
 * released {@code latency} after it began to keep them, when the test moves the clock that far; so calls stay in
 * flight while time passes, without any real delay.
 * <p>
 * The emulator uses the first matching fault with budget left, and a hold would hide the faults behind it: the
 * one-off faults are therefore always kept ahead of the holds, by rebuilding the emulator's fault list (with each
 * fault's remaining budget) whenever one is added. Calls already kept by an earlier incarnation of a hold stay kept
 * and are released with it.
 * <p>
 * A call the binding gave up (an account reconfigured while the call was kept) is still kept by its hold, as a slow
 * cloud would still carry it out: {@link #abandonedHeld()} counts them, so that the test can tell the calls the binding
 * still waits for from those it gave up. Used on the test's thread only.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class ScriptedCloud {

    /** Budget of a fault without one. */
    static final int UNLIMITED = -1;

    private final KasCloudEmulator emulator;
    private final List<OneOff> oneOffs = new ArrayList<>();
    private final Map<String, Hold> holds = new LinkedHashMap<>();

    /**
     * @param emulator the emulator, without faults
     */
    ScriptedCloud(KasCloudEmulator emulator) {
        this.emulator = emulator;
    }

    /**
     * Adds a one-off fault ahead of the holds.
     *
     * @param fault makes the fault for the remaining budget, e.g. {@code n -> Fault.on(UNLOCK).times(n).silent()}
     * @param times its budget
     */
    void once(IntFunction<Fault> fault, int times) {
        oneOffs.add(new OneOff(fault, times));
        rebuild();
    }

    /**
     * Adds a hold, or gives the hold of that name a new latency.
     *
     * @param name the name of the hold
     * @param latency how long after it began to keep calls it releases them
     * @param times the calls it keeps at most, or {@link #UNLIMITED}
     * @param faults makes its faults (each with {@link Fault#hold()}) for the remaining budget
     */
    void hold(String name, Duration latency, int times, IntFunction<List<Fault>> faults) {
        Hold existing = holds.get(name);
        if (existing != null) {
            existing.latency = latency;
            return;
        }
        holds.put(name, new Hold(faults, times, latency));
        rebuild();
    }

    /**
     * Releases what the hold of that name keeps and removes it: calls are answered at once from now on.
     *
     * @param name the name of the hold
     */
    void stopHolding(String name) {
        Hold hold = holds.remove(name);
        if (hold != null) {
            hold.release();
            rebuild();
        }
    }

    /**
     * @return whether calls are answered late (a hold is in place)
     */
    boolean holding() {
        return !holds.isEmpty();
    }

    /**
     * @return the calls the faults keep now: held calls and silent calls whose connection is open
     */
    int held() {
        int held = 0;
        for (OneOff oneOff : oneOffs) {
            held += oneOff.incarnations.stream().mapToInt(Fault::held).sum();
        }
        for (Hold hold : holds.values()) {
            held += hold.held();
        }
        return held;
    }

    /**
     * @return the held calls that the binding gave up (see {@link #callsAbandoned()}), kept until their hold releases
     *         them
     */
    int abandonedHeld() {
        return holds.values().stream().mapToInt(h -> h.abandoned).sum();
    }

    /**
     * The binding gave up every call in flight (the account was reconfigured): every call the holds keep now is one
     * it no longer waits for.
     */
    void callsAbandoned() {
        for (Hold hold : holds.values()) {
            hold.abandoned = hold.held();
        }
    }

    /**
     * Notes when each hold began to keep calls.
     *
     * @param now the time of the handlers' clock
     */
    void observe(Instant now) {
        for (Hold hold : holds.values()) {
            if (hold.since == null && hold.held() > 0) {
                hold.since = now;
            }
        }
    }

    /**
     * @return when the next hold releases its calls, or {@code null} when no hold keeps any
     */
    @Nullable
    Instant nextRelease() {
        Instant next = null;
        for (Hold hold : holds.values()) {
            Instant since = hold.since;
            if (since != null) {
                Instant due = since.plus(hold.latency);
                next = next == null || due.isBefore(next) ? due : next;
            }
        }
        return next;
    }

    /**
     * Releases the calls of the holds whose latency has passed.
     *
     * @param now the time of the handlers' clock
     */
    void releaseDue(Instant now) {
        for (Hold hold : holds.values()) {
            Instant since = hold.since;
            if (since != null && !since.plus(hold.latency).isAfter(now)) {
                hold.release();
            }
        }
    }

    /** Releases the calls of every hold now. */
    void releaseAll() {
        holds.values().forEach(Hold::release);
    }

    /** Replaces the emulator's faults: the one-off faults with budget left, then the holds. */
    private void rebuild() {
        emulator.clearFaults();
        for (OneOff oneOff : oneOffs) {
            int remaining = oneOff.remaining();
            if (remaining > 0) {
                oneOff.incarnations.add(emulator.addFault(oneOff.fault.apply(remaining)));
            }
        }
        for (Hold hold : holds.values()) {
            int remaining = hold.remaining();
            if (remaining != 0) {
                for (Fault fault : hold.faults.apply(remaining)) {
                    hold.incarnations.add(emulator.addFault(fault));
                }
            }
        }
    }

    /** A fault with a budget, kept ahead of the holds. */
    private static final class OneOff {
        final IntFunction<Fault> fault;
        final int times;
        final List<Fault> incarnations = new ArrayList<>();

        OneOff(IntFunction<Fault> fault, int times) {
            this.fault = fault;
            this.times = times;
        }

        int remaining() {
            return times - incarnations.stream().mapToInt(Fault::hits).sum();
        }
    }

    /** Calls kept for a latency. */
    private static final class Hold {
        final IntFunction<List<Fault>> faults;
        final int times;
        final List<Fault> incarnations = new ArrayList<>();
        Duration latency;
        /** When it began to keep the calls it keeps now; {@code null} while it keeps none. */
        @Nullable
        Instant since;
        /** Of the calls it keeps, those the binding gave up. */
        int abandoned;

        Hold(IntFunction<List<Fault>> faults, int times, Duration latency) {
            this.faults = faults;
            this.times = times;
            this.latency = latency;
        }

        int held() {
            return incarnations.stream().mapToInt(Fault::held).sum();
        }

        int remaining() {
            return times == UNLIMITED ? UNLIMITED : times - incarnations.stream().mapToInt(Fault::hits).sum();
        }

        void release() {
            incarnations.forEach(Fault::release);
            since = null;
            abandoned = 0;
        }
    }
}
