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

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The life of one request after it was routed and counted: the wait its fault and the delays ask for, then the fault
 * action or the business logic, then the answer. Runs on the connection's (virtual) thread, which waits without
 * holding a platform thread. Another thread may end it early: {@link #abandon()} (closing the emulator, aborting held
 * requests) or {@link #releaseHold()}. Releases the account's in-flight slot exactly once, just before the first byte
 * of the answer (so a client that got an answer never finds its slot still taken), or when the request is dropped.
 *
 * @author KAS binding contributors - Initial contribution
 */
final class Exchange {

    private enum State {
        WAITING,
        ANSWERING,
        ABANDONED
    }

    private static final System.Logger LOGGER = System.getLogger(KasCloudEmulator.class.getName());
    private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT_PATTERN = "Door is unlocking. ".getBytes(StandardCharsets.US_ASCII);

    private final ResponseChannel channel;
    private final Route route;
    private final Journal.Slot slot;
    private final QueueAccounting.Ticket ticket;
    private final BusinessLogic logic;
    private final Fault fault;
    private final FaultSpec spec;
    /** System.nanoTime() when the delays are over */
    private final long dueNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private State state = State.WAITING;
    private boolean released;

    /**
     * @param channel where the answer goes
     * @param route the request's route
     * @param slot its journal record
     * @param ticket its place in its account's queue
     * @param logic the business logic
     * @param fault the fault it claimed, or {@code null}
     * @param defaultDelay the emulator's default delay when the request arrived
     */
    Exchange(ResponseChannel channel, Route route, Journal.Slot slot, QueueAccounting.Ticket ticket,
            BusinessLogic logic, Fault fault, Duration defaultDelay) {
        this.channel = channel;
        this.route = route;
        this.slot = slot;
        this.ticket = ticket;
        this.logic = logic;
        this.fault = fault;
        this.spec = fault == null ? FaultSpec.NONE : fault.spec();
        this.dueNanos = System.nanoTime() + defaultDelay.plus(spec.delay()).toNanos();
    }

    /** @return whether the request waits for {@link Fault#release()} or for its client to give up */
    boolean isHeld() {
        lock.lock();
        try {
            return state == State.WAITING && heldNow();
        } finally {
            lock.unlock();
        }
    }

    /** Lets its fault count it while it is held. */
    void trackHold() {
        if (fault != null && isHeld()) {
            fault.heldRequests().track(this);
        }
    }

    /**
     * Runs the request on the connection's thread: returns once it has been answered or dropped.
     */
    void run() {
        if (spec.action() == FaultSpec.Action.SILENT) {
            channel.awaitClientGone(); // or the connection was closed by abandon()
            abandon();
            return;
        }
        if (awaitTurn()) {
            answer();
        }
    }

    /**
     * Ends a held request at {@link Fault#release()}.
     *
     * @return {@code true} if it was held by {@link Fault#hold()} and now goes on
     */
    boolean releaseHold() {
        lock.lock();
        try {
            if (spec.action() != FaultSpec.Action.HOLD || released || state != State.WAITING) {
                return false;
            }
            released = true;
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection without an answer, unless the answer has begun. Thread-safe, idempotent. */
    void abandon() {
        drop(false);
    }

    /**
     * {@link #abandon()} if the request is held now.
     *
     * @return whether it was held and has been dropped
     */
    boolean abandonIfHeld() {
        return drop(true);
    }

    private boolean drop(boolean onlyIfHeld) {
        lock.lock();
        try {
            if (state != State.WAITING || (onlyIfHeld && !heldNow())) {
                return false;
            }
            state = State.ABANDONED;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        ticket.release();
        forgetHold();
        channel.abort();
        return true;
    }

    /** Called with the lock held. */
    private boolean heldNow() {
        return spec.action() == FaultSpec.Action.SILENT || (spec.action() == FaultSpec.Action.HOLD && !released);
    }

    /** Waits until released (a hold) and the delays are over; {@code false} if abandoned meanwhile. */
    private boolean awaitTurn() {
        lock.lock();
        try {
            while (true) {
                if (state == State.ABANDONED) {
                    return false;
                }
                boolean holding = spec.action() == FaultSpec.Action.HOLD && !released;
                long left = dueNanos - System.nanoTime();
                if (!holding && left <= 0) {
                    state = State.ANSWERING;
                    return true;
                }
                if (holding) {
                    changed.await();
                } else {
                    changed.awaitNanos(left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        abandon();
        return false;
    }

    private void answer() {
        forgetHold();
        try {
            respond();
        } catch (IOException | RuntimeException e) {
            // the client went away, or the connection was cut on purpose
            LOGGER.log(Level.DEBUG, "answering {0} failed: {1}", slot.maskedPath(), e.toString());
            channel.abort();
        } finally {
            ticket.release();
        }
    }

    private void respond() throws IOException {
        switch (spec.action()) {
            case RESPOND -> send(new Answer(spec.status(), spec.contentType(), utf8(spec.body())));
            case HTML_ERROR_PAGE -> send(BusinessLogic.htmlPage(spec.status()));
            case GATEWAY_TIMEOUT -> send(BusinessLogic.gatewayTimeout());
            case MALFORMED_PIN -> send(Answer.text(200, spec.body()));
            case OVERSIZED_BODY -> {
                startAnswer(200);
                channel.sendRepeated(200, Answer.TEXT, spec.bytes(),
                        route.endpoint() == Endpoint.PIN_CODE ? DIGITS : TEXT_PATTERN);
            }
            case CLOSE_MID_RESPONSE -> {
                startAnswer(200);
                channel.sendTruncated(200, Answer.TEXT,
                        route.endpoint() == Endpoint.PIN_CODE ? DIGITS : utf8(BusinessLogic.UNLOCKING));
            }
            case RESET_CONNECTION -> {
                ticket.release();
                channel.reset();
            }
            case SILENT -> throw new IllegalStateException("a silent request is never answered");
            case NONE, HOLD ->
                send(ticket.dropped() ? BusinessLogic.dropped() : logic.answer(route, slot.receivedAt()));
        }
    }

    private void send(Answer answer) throws IOException {
        startAnswer(answer.status());
        channel.send(answer.status(), answer.contentType(), answer.body());
    }

    /** Journal status and slot release happen before the first byte, so a client that has the answer sees both. */
    private void startAnswer(int status) {
        slot.setStatus(status);
        ticket.release();
    }

    private void forgetHold() {
        if (fault != null) {
            fault.heldRequests().forget(this);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
