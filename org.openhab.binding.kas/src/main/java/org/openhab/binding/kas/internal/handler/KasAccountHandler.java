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
package org.openhab.binding.kas.internal.handler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.kas.internal.api.ApiKey;
import org.openhab.binding.kas.internal.api.FactoryNumber;
import org.openhab.binding.kas.internal.api.InvalidInputException;
import org.openhab.binding.kas.internal.api.KasCloudClient;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.api.PinCodeRequest;
import org.openhab.binding.kas.internal.api.gate.RequestGate;
import org.openhab.binding.kas.internal.api.transport.HttpTransport;
import org.openhab.binding.kas.internal.config.AccountSettings;
import org.openhab.binding.kas.internal.config.EnvReferences.Unresolved;
import org.openhab.binding.kas.internal.config.KasAccountConfiguration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.types.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code kas:account} bridge: holds the API key, owns the KAS cloud client and the request gate of the account
 * (concurrency limit, queue, coalescing, maximum age) in an {@link AccountSession}, and tells whether the KAS cloud
 * answers ({@link CloudReachability}).
 * <p>
 * Status: invalid configuration gives OFFLINE/CONFIGURATION_ERROR saying what is wrong; otherwise UNKNOWN until the
 * key-less check of the cloud gets an HTTP answer (ONLINE) or fails (OFFLINE/COMMUNICATION_ERROR, checked again with a
 * growing delay); a request that fails in a way that may mean the cloud is gone starts a check, nothing else.
 * "Invalid Token." from any request gives OFFLINE/CONFIGURATION_ERROR, and nothing is sent until the key changes.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
public class KasAccountHandler extends SecretConfigBridgeHandler {

    /** Numbers the keys of all account handlers of this runtime: a new handler or a new key gets a new number. */
    private static final AtomicInteger KEY_GENERATIONS = new AtomicInteger();

    private final Logger logger = LoggerFactory.getLogger(KasAccountHandler.class);
    private final HttpTransport transport;
    private final Clock clock;
    private final ScheduledExecutorService timers;

    /** Everything that lives from one {@link #initialize()} to the next {@link #dispose()}. */
    private volatile @Nullable AccountSession session = null;
    /** The key of the latest valid configuration (never logged), to tell when the key changes. */
    private @Nullable ApiKey lastKey = null;
    /** Counts the keys this account has had: a lock's configuration problem lasts while the key stays the same. */
    private volatile int keyGeneration;

    /**
     * @param bridge the bridge thing
     * @param transport sends the requests (on openHAB's shared HTTP client, never started or stopped here)
     * @param clock the clock that dates commands (for the maximum age of unlocks)
     * @param timers runs the reachability rechecks and the gate's expiry timers (openHAB's thing handler pool, the
     *            same as {@link #scheduler})
     */
    public KasAccountHandler(Bridge bridge, HttpTransport transport, Clock clock, ScheduledExecutorService timers) {
        super(bridge);
        this.transport = transport;
        this.clock = clock;
        this.timers = timers;
    }

    @Override
    public void initialize() {
        Unresolved unresolved = unresolvedVariable(getThing().getConfiguration().getProperties());
        if (unresolved != null) {
            // openHAB would log the whole configuration, API key included, if getConfig() met this reference
            logger.debug("Account {}: parameter {} refers to the environment variable {}, which is not set",
                    getThing().getUID(), unresolved.parameter(), unresolved.variable());
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, StatusTexts
                    .text("offline.config-error.unset-variable", unresolved.parameter(), unresolved.variable()));
            return;
        }
        AccountSettings settings;
        try {
            // the API key is read here and never handed to openHAB's ConfigParser, which logs values at TRACE
            settings = KasAccountConfiguration.read(getConfig());
        } catch (InvalidInputException e) {
            logger.debug("Account {} has an invalid configuration: {}", getThing().getUID(), e.getMessage());
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, StatusTexts.configError(e));
            return;
        } catch (IllegalArgumentException e) {
            // a value of the wrong type, which openHAB's configuration mapping could not convert
            logger.debug("Account {} has an invalid configuration: {}", getThing().getUID(), e.getMessage());
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    "@text/offline.config-error.unreadable");
            return;
        }
        if (!settings.apiKey().equals(lastKey)) {
            lastKey = settings.apiKey();
            keyGeneration = KEY_GENERATIONS.incrementAndGet();
        }
        KasCloudClient client = new KasCloudClient(transport, settings.baseUrl(), settings.requestTimeout());
        RequestGate gate = new RequestGate(settings.maxConcurrentRequests(), settings.maxQueuedRequests(), timers,
                clock);
        AccountSession newSession = new AccountSession(settings, client, gate,
                new CloudReachability(client, timers, clock, new StatusFollower(settings)));
        session = newSession;
        updateStatus(ThingStatus.UNKNOWN);
        // the check is sent asynchronously: initialize() still returns at once
        newSession.reachability.check();
    }

    @Override
    public void dispose() {
        AccountSession oldSession = session;
        session = null;
        if (oldSession != null) {
            oldSession.close();
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        // the bridge has no channels
    }

    /**
     * Sends a remote unlock through the account's gate: merged with an unlock of the same lock that is still pending,
     * never sent after {@code requestedAt + unlockMaxAge}, retried once at most after a KAS 504.
     *
     * @param lock the lock
     * @param requestedAt when the user asked for it
     * @return the outcome; the future always completes normally
     */
    public CompletableFuture<KasResult> unlock(FactoryNumber lock, Instant requestedAt) {
        AccountSession current = session;
        KasResult notReady = notReady(current, "Unlock of " + lock);
        if (current == null || notReady != null) {
            return CompletableFuture.completedFuture(notReady != null ? notReady : KasResult.cancelled("not sent"));
        }
        return observe(current, current.unlock(lock, requestedAt));
    }

    /**
     * Withdraws the lock's unlock if it still waits in the account's queue: it is never sent and completes with
     * {@link KasOutcome#CANCELLED}. An unlock already in flight is left alone (KAS may have received it; its outcome
     * still comes). For a lock thing that is removed or disposed.
     *
     * @param lock the lock
     * @return whether a waiting unlock was withdrawn
     */
    public boolean withdrawUnlock(FactoryNumber lock) {
        AccountSession current = session;
        boolean withdrawn = current != null && current.withdrawUnlock(lock);
        if (withdrawn) {
            logger.debug("Unlock of {} withdrawn from the queue of account {} before it was sent", lock,
                    getThing().getUID());
        }
        return withdrawn;
    }

    /**
     * Merges a repeated unlock command into the lock's pending unlock: a waiting unlock may then be sent until
     * {@code requestedAt + unlockMaxAge}. Sends nothing, also when no unlock of the lock is pending any more.
     *
     * @param lock the lock
     * @param requestedAt when the user asked for it again
     * @return whether an unlock of the lock was pending in the account's gate
     */
    public boolean extendUnlock(FactoryNumber lock, Instant requestedAt) {
        AccountSession current = session;
        return current != null && current.extendUnlock(lock, requestedAt);
    }

    /**
     * Asks KAS for a PIN code (never merged, retried once at most after a KAS 500 or 504).
     *
     * @param lock the lock
     * @param request the validated parameters
     * @return the outcome with the code; the future always completes normally
     */
    public CompletableFuture<KasResult> createPinCode(FactoryNumber lock, PinCodeRequest request) {
        AccountSession current = session;
        KasResult notReady = notReady(current, "PIN code request for " + lock);
        if (current == null || notReady != null) {
            return CompletableFuture.completedFuture(notReady != null ? notReady : KasResult.cancelled("not sent"));
        }
        return observe(current, current.createPinCode(lock, request));
    }

    /**
     * @return the longest time a rule action waits for an outcome: the maximum age of an unlock (a PIN request may
     *         wait in the queue as long) plus two attempts
     */
    public Duration outcomeBound() {
        AccountSession current = session;
        if (current == null) {
            return Duration.ZERO;
        }
        return current.settings.unlockMaxAge().plus(current.settings.requestTimeout().multipliedBy(2));
    }

    /**
     * @return a one-line summary of the gate's counters, for the console, or an empty string when not initialized
     */
    public String gateSummary() {
        AccountSession current = session;
        return current == null ? "" : current.gate.stats().toString();
    }

    private @Nullable KasResult notReady(@Nullable AccountSession current, String what) {
        if (current == null) {
            return KasResult.of(KasOutcome.INVALID_INPUT,
                    what + " not sent: the KAS account has no valid configuration (see its status)");
        }
        if (current.isTokenRejected()) {
            return KasResult.of(KasOutcome.INVALID_TOKEN,
                    what + " not sent: KAS rejected the API key (Invalid Token.); enter a valid key in the account");
        }
        return null;
    }

    /** Follows every result for what it says about the account: a rejected key, or a cloud that answers. */
    private CompletableFuture<KasResult> observe(AccountSession current, CompletableFuture<KasResult> result) {
        result.thenAccept(r -> onCallResult(current, r));
        return result;
    }

    private void onCallResult(AccountSession current, KasResult result) {
        if (!isCurrent(current)) {
            return; // disposed or reconfigured meanwhile
        }
        switch (result.outcome()) {
            case INVALID_TOKEN -> rejectToken(current);
            // failures that may mean the cloud is gone (even with an HTTP status: a proxy may answer for it): the
            // key-less check decides the account's status
            case TIMEOUT, COMMUNICATION_ERROR, SERVICE_UNAVAILABLE, SERVER_ERROR ->
                current.reachability.checkAfterFailure();
            default -> {
                if (result.httpStatus() > 0 && !current.isTokenRejected()) {
                    // any other HTTP answer proves the cloud is reachable
                    current.reachability.answered();
                }
            }
        }
    }

    /** @return whether the session is the one of the current initialisation (sessions compare by identity) */
    private boolean isCurrent(AccountSession current) {
        return current.equals(session);
    }

    private void rejectToken(AccountSession current) {
        if (current.rejectToken()) {
            // the status says it; no warning repeats it
            logger.debug("KAS rejected the API key of account {} (Invalid Token.); nothing is sent until the account "
                    + "is initialized again", getThing().getUID());
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, "@text/offline.invalid-token");
        }
    }

    /**
     * @return a number that changes whenever the account gets another API key (a lock's configuration problem, found
     *         with one key, lasts until the key changes)
     */
    public int apiKeyGeneration() {
        return keyGeneration;
    }

    /** Turns what the reachability checks find into the account's status, while its session is the current one. */
    @SuppressWarnings("PMD.CompareObjectsWithEquals")
    private final class StatusFollower implements CloudReachability.Listener {
        private final AccountSettings settings;

        StatusFollower(AccountSettings settings) {
            this.settings = settings;
        }

        @Override
        public void reachable() {
            AccountSession current = session;
            if (current != null && current.settings == settings && !current.isTokenRejected()
                    && getThing().getStatus() != ThingStatus.ONLINE) {
                logger.debug("KAS cloud {} answers", settings.baseUrl());
                updateStatus(ThingStatus.ONLINE);
            }
        }

        @Override
        public void unreachable(KasResult result, Duration nextCheckIn) {
            AccountSession current = session;
            if (current != null && current.settings == settings && !current.isTokenRejected()) {
                logger.debug("KAS cloud {} does not answer: {}; checking again in {} s", settings.baseUrl(),
                        result.message(), nextCheckIn.toSeconds());
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        StatusTexts.cloudUnreachable(settings.baseUrl(), result, nextCheckIn));
            }
        }
    }
}
