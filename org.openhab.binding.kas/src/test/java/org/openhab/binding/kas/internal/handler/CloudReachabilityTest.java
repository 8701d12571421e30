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

import static org.junit.jupiter.api.Assertions.*;
import static org.openhab.binding.kas.internal.handler.CloudReachability.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.kas.internal.api.ConnectionFailure;
import org.openhab.binding.kas.internal.api.KasOutcome;
import org.openhab.binding.kas.internal.api.KasResult;
import org.openhab.binding.kas.internal.handler.RecordingCloudClient.Kind;
import org.openhab.binding.kas.internal.test.ManualClock;
import org.openhab.binding.kas.internal.test.ManualScheduler;

/**
 * Tests of {@link CloudReachability} with a recording client, {@link ManualClock} and {@link ManualScheduler}: one
 * check at a time, a check after a failed request at most every {@link CloudReachability#MIN_CHECK_INTERVAL}, the
 * recheck delay doubling from {@link CloudReachability#FIRST_RECHECK_DELAY} up to
 * {@link CloudReachability#MAX_RECHECK_DELAY} and starting over after an answer, an answered request winning over a
 * failed check, and nothing after {@code close()}.
 *
 * @author KAS binding contributors - Initial contribution
 */
@NonNullByDefault
class CloudReachabilityTest {

    private static final Duration MILLI = Duration.ofMillis(1);

    /**
     * What the listener heard.
     *
     * @param unreachable the failed check, {@code null} for "reachable"
     * @param nextCheckIn the delay reported with it, {@code null} for "reachable"
     *
     * @author KAS binding contributors - Initial contribution
     */
    private record Report(@Nullable KasResult unreachable, @Nullable Duration nextCheckIn) {
        static final Report REACHABLE = new Report(null, null);
    }

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final RecordingCloudClient client = new RecordingCloudClient();
    private final List<Report> reports = new ArrayList<>();
    private final CloudReachability reachability = new CloudReachability(client, scheduler, clock,
            new CloudReachability.Listener() {
                @Override
                public void reachable() {
                    reports.add(Report.REACHABLE);
                }

                @Override
                public void unreachable(KasResult result, Duration nextCheckIn) {
                    reports.add(new Report(result, nextCheckIn));
                }
            });

    private static KasResult noAnswer() {
        return KasResult.connectionFailed(KasOutcome.COMMUNICATION_ERROR, ConnectionFailure.REFUSED, "Refused.", 0);
    }

    private int probes() {
        return client.calls(Kind.PROBE).size();
    }

    /** Completes the latest probe. */
    private void answerProbe(KasResult result) {
        assertTrue(client.last(Kind.PROBE).answer().complete(result), "the latest probe was answered already");
    }

    /** Fails the latest probe and returns the delay reported with it. */
    private Duration failProbe() {
        int before = reports.size();
        answerProbe(noAnswer());
        assertEquals(before + 1, reports.size());
        Duration next = reports.getLast().nextCheckIn();
        assertNotNull(next, "reported reachable after a failed check");
        return next;
    }

    /** Starts a check and fails it until the delay reported is the one wanted. */
    private void failChecksUntilTheDelayIs(Duration wanted) {
        reachability.check();
        Duration delay = failProbe();
        while (!delay.equals(wanted)) {
            scheduler.advance(delay);
            delay = failProbe();
        }
    }

    @Test
    void checkProbesOnceWhileACheckIsUnderWay() {
        reachability.check();
        reachability.check();
        clock.advance(MIN_CHECK_INTERVAL.multipliedBy(2));
        reachability.checkAfterFailure();

        assertEquals(1, probes());
        assertEquals(List.of(), reports);
    }

    @ParameterizedTest
    @ValueSource(ints = { 200, 404, 500, 503 })
    void anyHttpAnswerMeansReachableWithoutRecheck(int status) {
        reachability.check();
        answerProbe(KasResult.of(KasOutcome.ACCEPTED, "HTTP " + status + ".", status));

        assertEquals(List.of(Report.REACHABLE), reports);
        assertEquals(0, scheduler.liveTasks());
    }

    @Test
    void aCheckWithoutAnswerReportsUnreachableAndChecksAgainAfterTheFirstDelay() {
        reachability.check();
        KasResult failed = noAnswer();
        answerProbe(failed);

        assertEquals(List.of(new Report(failed, FIRST_RECHECK_DELAY)), reports);
        scheduler.advance(FIRST_RECHECK_DELAY.minus(MILLI));
        assertEquals(1, probes());
        scheduler.advance(MILLI);
        assertEquals(2, probes());
    }

    @Test
    void theRecheckDelayDoublesUpToItsMaximum() {
        reachability.check();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Duration delay = failProbe();
            delays.add(delay);
            scheduler.advance(delay);
        }

        assertEquals(
                List.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                        Duration.ofSeconds(80), Duration.ofSeconds(160), MAX_RECHECK_DELAY, MAX_RECHECK_DELAY),
                delays);
        assertEquals(9, probes(), "one probe per delay, and the one that is under way");
    }

    @Test
    void anAnsweredCheckStartsTheDelaysOver() {
        failChecksUntilTheDelayIs(Duration.ofSeconds(20));
        scheduler.advance(Duration.ofSeconds(20));
        answerProbe(KasResult.of(KasOutcome.ACCEPTED, "HTTP 404.", 404));
        assertEquals(Report.REACHABLE, reports.getLast());
        assertEquals(0, scheduler.liveTasks());

        clock.advance(MIN_CHECK_INTERVAL);
        reachability.checkAfterFailure();
        assertEquals(FIRST_RECHECK_DELAY, failProbe());
    }

    @Test
    void aFailedRequestStartsACheckAtOnceWhenTheIntervalHasPassedSinceTheLastCheckBegan() {
        reachability.check();
        clock.advance(Duration.ofSeconds(3));
        answerProbe(KasResult.of(KasOutcome.ACCEPTED, "HTTP 404.", 404));

        clock.advance(MIN_CHECK_INTERVAL.minus(Duration.ofSeconds(3)));
        reachability.checkAfterFailure();
        assertEquals(2, probes());
        assertEquals(0, scheduler.liveTasks());
    }

    @Test
    void aFailedRequestSoonerIsCheckedOnceWhenTheIntervalIsOver() {
        Instant started = clock.instant();
        reachability.check();
        answerProbe(KasResult.of(KasOutcome.ACCEPTED, "HTTP 404.", 404));
        scheduler.advance(Duration.ofSeconds(3));

        reachability.checkAfterFailure();
        reachability.checkAfterFailure();
        assertEquals(1, probes(), "not within the interval");
        assertEquals(started.plus(MIN_CHECK_INTERVAL), scheduler.nextDue());
        assertEquals(1, scheduler.liveTasks(), "one check waits, however many requests failed");

        scheduler.advance(MIN_CHECK_INTERVAL.minus(Duration.ofSeconds(3)).minus(MILLI));
        assertEquals(1, probes());
        scheduler.advance(MILLI);
        assertEquals(2, probes());
    }

    @Test
    void anAnswerWhileAFailureWaitsForItsCheckMakesTheCheckUnnecessary() {
        reachability.check();
        answerProbe(KasResult.of(KasOutcome.ACCEPTED, "HTTP 404.", 404));
        scheduler.advance(Duration.ofSeconds(3));
        reachability.checkAfterFailure();

        reachability.answered();

        assertEquals(0, scheduler.liveTasks());
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(1, probes());
    }

    @Test
    void aProbeThatFailsInsteadOfGivingAResultEndsItsCheckAsUnreachable() {
        reachability.check();
        assertTrue(client.last(Kind.PROBE).answer().completeExceptionally(new IllegalStateException("broken")));

        KasResult unreachable = reports.getLast().unreachable();
        assertNotNull(unreachable, "reported unreachable");
        assertEquals(KasOutcome.COMMUNICATION_ERROR, unreachable.outcome());
        assertEquals(FIRST_RECHECK_DELAY, reports.getLast().nextCheckIn());
        // the check is over: the recheck runs
        scheduler.advance(FIRST_RECHECK_DELAY);
        assertEquals(2, probes());
    }

    @Test
    void theFirstFailedRequestStartsACheckAtOnce() {
        reachability.checkAfterFailure();
        assertEquals(1, probes());
    }

    @Test
    void aFailedRequestStartsNoCheckWhileARecheckIsScheduled() {
        failChecksUntilTheDelayIs(Duration.ofSeconds(20));
        clock.advance(MIN_CHECK_INTERVAL.plus(MILLI));
        int before = probes();

        reachability.checkAfterFailure();
        assertEquals(before, probes());
        assertEquals(1, scheduler.liveTasks());
    }

    @Test
    void anAnsweredRequestWinsOverACheckThatFailsLater() {
        reachability.check();
        reachability.answered();
        answerProbe(noAnswer());

        assertEquals(List.of(Report.REACHABLE, Report.REACHABLE), reports);
        assertEquals(0, scheduler.liveTasks());
    }

    @Test
    void anAnsweredRequestCancelsTheRecheckAndStartsTheDelaysOver() {
        failChecksUntilTheDelayIs(Duration.ofSeconds(10));
        int before = probes();

        reachability.answered();
        assertEquals(Report.REACHABLE, reports.getLast());
        assertEquals(0, scheduler.liveTasks());
        scheduler.advance(MAX_RECHECK_DELAY);
        assertEquals(before, probes());

        reachability.checkAfterFailure();
        assertEquals(FIRST_RECHECK_DELAY, failProbe());
    }

    @Test
    void afterCloseNothingIsCheckedOrReported() {
        reachability.check();
        reachability.close();

        answerProbe(noAnswer());
        reachability.answered();
        reachability.check();
        clock.advance(MIN_CHECK_INTERVAL);
        reachability.checkAfterFailure();

        assertEquals(1, probes());
        assertEquals(List.of(), reports);
        assertEquals(0, scheduler.liveTasks());
    }

    @Test
    void closeCancelsAScheduledRecheck() {
        failChecksUntilTheDelayIs(FIRST_RECHECK_DELAY);
        reachability.close();

        assertEquals(0, scheduler.liveTasks());
        scheduler.advance(MAX_RECHECK_DELAY);
        assertEquals(1, probes());
    }

    @Test
    void aRecheckTheSchedulerRefusesStillReportsAndLeavesTheNextFailedRequestFreeToCheck() {
        scheduler.shutdown();
        reachability.check();
        assertEquals(FIRST_RECHECK_DELAY, failProbe());
        assertEquals(0, scheduler.liveTasks());

        clock.advance(MIN_CHECK_INTERVAL);
        reachability.checkAfterFailure();
        assertEquals(2, probes());
    }
}
