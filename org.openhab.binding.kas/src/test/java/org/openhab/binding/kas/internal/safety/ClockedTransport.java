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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.addons.kas.emulator.Endpoint;
import org.openhab.binding.kas.internal.api.transport.HttpAnswer;
import org.openhab.binding.kas.internal.api.transport.HttpCall;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;

/**
 * Sends through a real transport and records every call with the time of the handlers' clock at which it was handed
 * over: for a remote unlock that is the moment the account's request gate started it (the gate invokes the client,
 * which hands the call over, on the same thread), and how many calls of the same lock were then still waiting for
 * their answer. It also knows which calls still wait, and it can stop a call on its way (to reproduce a thread
 * preempted there).
 * <p>
 * Optionally the calls time out on the handlers' clock instead of in real time: when the test moves that clock past a
 * call's request timeout before its answer came, the call fails with a {@link TimeoutException} (as the HTTP library
 * reports a request timeout) and the real exchange is aborted; the HTTP library itself then only gives up after
 * {@link #REAL_TIME_LIMIT}. Calls record the factory number, never the URL (it carries the API key).
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
final class ClockedTransport implements HttpTransport {

    /** The request timeout on the wire when calls time out on the handlers' clock. */
    static final Duration REAL_TIME_LIMIT = Duration.ofSeconds(60);

    private static final String UNLOCK_PATH = "/api/lockCommand/remoteUnlock/";
    private static final String PIN_CODE_PATH = "/api/lockCommand/pinCode/";

    /**
     * One call handed to the transport.
     *
     * @param endpoint what it asks for ({@link Endpoint#ROOT} for the reachability probe)
     * @param factoryNumber the lock, empty for the probe
     * @param sentAt the time of the handlers' clock when it was handed over
     * @param alongside how many calls of the same lock to the same endpoint were waiting for their answer then
     *
     * @author KAS binding contributors - Initial contribution
     */
    record Call(Endpoint endpoint, String factoryNumber, Instant sentAt, int alongside) {

        /** @return whether it is an unlock or PIN code call (one that carries the API key) */
        boolean keyed() {
            return endpoint == Endpoint.UNLOCK || endpoint == Endpoint.PIN_CODE;
        }
    }

    private final HttpTransport delegate;
    private final Clock clock;
    private final @Nullable ScheduledExecutorService timeouts;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<Pending> waiting = ConcurrentHashMap.newKeySet();
    private volatile @Nullable Stop stopNext;

    /**
     * @param delegate the real transport
     * @param clock the handlers' clock
     * @param timeouts the handlers' scheduler to time calls out on their clock, or {@code null} to leave the request
     *            timeouts to the real transport
     */
    ClockedTransport(HttpTransport delegate, Clock clock, @Nullable ScheduledExecutorService timeouts) {
        this.delegate = delegate;
        this.clock = clock;
        this.timeouts = timeouts;
    }

    @Override
    public Exchange send(HttpCall call, Consumer<HttpAnswer> onAnswer) {
        Call described = describe(call.url(), Instant.EPOCH);
        Stop stop = stopNext;
        if (stop != null && stop.endpoint == described.endpoint()
                && stop.factoryNumber.equals(described.factoryNumber())) {
            stopNext = null;
            stop.hold();
        }
        Call sent = new Call(described.endpoint(), described.factoryNumber(), clock.instant(),
                (int) waiting.stream().filter(p -> !p.answered.get() && p.call.endpoint() == described.endpoint()
                        && p.call.factoryNumber().equals(described.factoryNumber())).count());
        calls.add(sent);
        Pending pending = new Pending(sent, onAnswer);
        waiting.add(pending);
        ScheduledExecutorService scheduler = timeouts;
        HttpCall wireCall = call;
        if (scheduler != null) {
            pending.timer = scheduler.schedule(() -> pending.timeOut(call.timeout()), call.timeout().toNanos(),
                    TimeUnit.NANOSECONDS);
            wireCall = new HttpCall(call.method(), call.url(), call.accept(), call.contentType(), call.body(),
                    REAL_TIME_LIMIT, call.maxBodyBytes(), call.mayBegin());
        }
        pending.exchange = delegate.send(wireCall, pending::answer);
        return pending::abandon;
    }

    @Override
    public String name() {
        return delegate.name() + (timeouts == null ? "" : " (timing out on the test's clock)");
    }

    /** @return every call handed over so far, in order */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * @param keyed unlock and PIN code calls ({@code true}) or the others ({@code false})
     * @return how many of those calls wait for their answer: handed over, not answered, not timed out, not aborted by
     *         their caller (a call counts until its caller has processed the answer)
     */
    int waiting(boolean keyed) {
        return (int) waiting.stream().filter(p -> p.call.keyed() == keyed).count();
    }

    /**
     * @param endpoint an endpoint
     * @param factoryNumber a lock
     * @return whether a call of the lock to the endpoint waits for its answer (see {@link #waiting(boolean)})
     */
    boolean waiting(Endpoint endpoint, String factoryNumber) {
        return waiting.stream()
                .anyMatch(p -> p.call.endpoint() == endpoint && p.call.factoryNumber().equals(factoryNumber));
    }

    /**
     * @return when the oldest unlock or PIN code call that waits for its answer was handed over, or {@code null}
     */
    @Nullable
    Instant oldestWaiting() {
        return waiting.stream().filter(p -> p.call.keyed()).map(p -> p.call.sentAt()).min(Instant::compareTo)
                .orElse(null);
    }

    /**
     * Stops the next call of the lock to the endpoint on its way: the thread that hands it over waits in
     * {@link #send(HttpCall, Consumer)}, before the call is recorded and given to the real transport, until the test
     * lets it go on (as if that thread were preempted there). Until then, the answers to calls of the other locks
     * named are processed on threads of their own instead of the HTTP library's (whose I/O a stopped thread of its own
     * could hold up).
     *
     * @param endpoint the endpoint
     * @param factoryNumber the lock
     * @param answeredElsewhere the locks whose answers are processed on threads of their own until then
     * @return the stop
     */
    Stop stopNext(Endpoint endpoint, String factoryNumber, String... answeredElsewhere) {
        Stop stop = new Stop(endpoint, factoryNumber, Set.of(answeredElsewhere));
        stopNext = stop;
        return stop;
    }

    private static Call describe(String url, Instant at) {
        int unlock = url.indexOf(UNLOCK_PATH);
        if (unlock >= 0) {
            String rest = url.substring(unlock + UNLOCK_PATH.length());
            int slash = rest.indexOf('/');
            return new Call(Endpoint.UNLOCK, slash < 0 ? rest : rest.substring(0, slash), at, 0);
        }
        int pin = url.indexOf(PIN_CODE_PATH);
        if (pin >= 0) {
            return new Call(Endpoint.PIN_CODE, url.substring(pin + PIN_CODE_PATH.length()), at, 0);
        }
        return new Call(Endpoint.ROOT, "", at, 0);
    }

    /**
     * A call stopped on its way to the wire.
     *
     * @author KAS binding contributors - Initial contribution
     */
    static final class Stop {
        private final Endpoint endpoint;
        private final String factoryNumber;
        private final CountDownLatch reached = new CountDownLatch(1);
        private final CountDownLatch goOn = new CountDownLatch(1);
        private final Set<String> answeredElsewhere;

        Stop(Endpoint endpoint, String factoryNumber, Set<String> answeredElsewhere) {
            this.endpoint = endpoint;
            this.factoryNumber = factoryNumber;
            this.answeredElsewhere = answeredElsewhere;
        }

        /** @return whether a thread is stopped here (or was) */
        boolean reached() {
            return reached.getCount() == 0;
        }

        /** Lets the stopped call go on to the wire. */
        void goOn() {
            goOn.countDown();
        }

        private void hold() {
            reached.countDown();
            try {
                if (!goOn.await(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the stopped call was never let go on");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One call waiting for its answer. */
    private final class Pending {
        final Call call;
        final Consumer<HttpAnswer> onAnswer;
        final AtomicBoolean answered = new AtomicBoolean();
        volatile @Nullable ScheduledFuture<?> timer;
        volatile @Nullable Exchange exchange;

        Pending(Call call, Consumer<HttpAnswer> onAnswer) {
            this.call = call;
            this.onAnswer = onAnswer;
        }

        /** The answer of the real transport (after an abort: its failure). */
        void answer(HttpAnswer answer) {
            Stop stop = stopNext;
            if (stop != null && stop.answeredElsewhere.contains(call.factoryNumber())) {
                // processed on a thread of its own, so that a stop on that thread does not hold up the HTTP library
                Thread.ofVirtual().name("test-answer-" + call.factoryNumber()).start(() -> deliver(answer));
            } else {
                deliver(answer);
            }
        }

        /** Hands the answer to the caller; only the first answer counts. */
        void deliver(HttpAnswer answer) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            ScheduledFuture<?> running = timer;
            if (running != null) {
                running.cancel(false);
            }
            try {
                onAnswer.accept(answer);
            } finally {
                // only now: whatever the caller does with the answer (the next call of the gate, ...) has happened
                waiting.remove(this);
            }
        }

        /** The request timeout on the handlers' clock. */
        void timeOut(Duration timeout) {
            deliver(new HttpAnswer.Failed(new TimeoutException("Total timeout " + timeout.toMillis() + " ms elapsed"),
                    0));
            Exchange started = exchange;
            if (started != null) {
                started.abort();
            }
        }

        /** The caller aborts the exchange (it has its outcome already). */
        void abandon() {
            waiting.remove(this);
            ScheduledFuture<?> running = timer;
            if (running != null) {
                running.cancel(false);
            }
            Exchange started = exchange;
            if (started != null) {
                started.abort();
            }
        }
    }
}
