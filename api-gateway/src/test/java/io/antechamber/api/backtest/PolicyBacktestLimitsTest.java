package io.antechamber.api.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.events.checkin.CheckInCreated;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.checkin.CheckInStatus;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.AgentId;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.DecisionSource;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.policy.Urgency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

/**
 * A backtest's time and number are bounded: a valid proposal of many {@code matches} conditions over long inputs can
 * take minutes per check-in (a 481-character pattern in 200 rules of 20 conditions took 45 s over one 9,000-character
 * metadata value), each reads up to 10,000 whole check-ins into memory, and any human may send one. Time is read from
 * a clock the test moves; the check-ins come from a query gateway the test holds.
 */
class PolicyBacktestLimitsTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final OrgId ORG = new OrgId("org_backtest00001");
    private static final RoomId ROOM = new RoomId("room_backtest0001");
    private static final Policy REQUIRE_APPROVAL = new Policy(DefaultAction.REQUIRE_APPROVAL, 3_600_000,
            TimeoutAction.CANCEL, Map.of(), List.of());

    /** A clock that moves on by {@code step} each time it is read. */
    private static final class SteppingClock extends Clock {

        private final Duration step;
        private Instant now = START;

        SteppingClock(Duration step) {
            this.step = step;
        }

        @Override
        public Instant instant() {
            Instant read = now;
            now = now.plus(step);
            return read;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static List<CheckInState> past(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> CheckInState.created(new CheckInCreated(
                new CheckInId("ci_backtest" + String.format("%04d", i)), ROOM, ORG,
                Actor.agent(new AgentId("agt_backtest00001")), "deploy " + i, null, RiskLevel.MEDIUM, Urgency.NORMAL,
                Map.of(), CheckInStatus.PENDING, 3_600_000, TimeoutAction.CANCEL, START.plusSeconds(3600), new PolicyDecision(PolicyOutcome.REQUIRE_APPROVAL, DecisionSource.DEFAULT,
                        null, 15.0, 1), START))).toList();
    }

    @Test
    void a_backtest_within_its_time_evaluates_every_check_in() {
        PolicyBacktest backtest = new PolicyBacktest(null, new BacktestProperties(Duration.ofSeconds(10), 2),
                new SteppingClock(Duration.ofSeconds(1)));

        BacktestJson result = backtest.evaluate(REQUIRE_APPROVAL, past(5));

        assertThat(result.evaluated()).isEqualTo(5);
        assertThat(result.summary().before()).isEqualTo(new OutcomeCountsJson(0, 0, 5));
        assertThat(result.summary().after()).isEqualTo(new OutcomeCountsJson(0, 0, 5));
        assertThat(result.changed()).isEmpty();
    }

    @Test
    void a_backtest_that_outruns_its_time_stops_and_is_refused_naming_limit_and_how_far_it_got() {
        PolicyBacktest backtest = new PolicyBacktest(null, new BacktestProperties(Duration.ofSeconds(10), 2),
                new SteppingClock(Duration.ofSeconds(4)));

        assertThatThrownBy(() -> backtest.evaluate(REQUIRE_APPROVAL, past(5)))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.error()).isEqualTo(ApiError.VALIDATION_ERROR);
                    assertThat(refused.details()).isEqualTo(Map.of("fields", Map.of("limit",
                            "the proposed policy took more than 10000 ms over the newest 2 of these 5 check-ins:"
                                    + " ask for fewer, or a narrower window")));
                });
    }

    @Test
    void a_backtest_beyond_the_replicas_limit_is_refused_with_retry_after_until_one_ends() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger queried = new AtomicInteger();
        QueryGateway firstHolds = (QueryGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {QueryGateway.class}, (proxy, method, args) -> {
                    if (queried.incrementAndGet() == 1) {
                        inside.countDown();
                        release.await(10, TimeUnit.SECONDS);
                    }
                    return CompletableFuture.completedFuture(past(3));
                });
        PolicyBacktest backtest = new PolicyBacktest(firstHolds, new BacktestProperties(Duration.ofSeconds(10), 1),
                Clock.systemUTC());
        BacktestRequest request = new BacktestRequest(REQUIRE_APPROVAL, null, null, null);
        CompletableFuture<BacktestJson> first = CompletableFuture.supplyAsync(() -> backtest.run(ORG, ROOM, request));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> backtest.run(ORG, ROOM, request)).isInstanceOfSatisfying(ApiException.class,
                refused -> {
                    assertThat(refused.error()).isEqualTo(ApiError.RATE_LIMITED);
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(10));
                });

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).evaluated()).isEqualTo(3);
        assertThat(backtest.run(ORG, ROOM, request).evaluated()).isEqualTo(3);
        assertThat(queried).hasValue(2);
    }
}
