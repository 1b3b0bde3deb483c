package io.antechamber.api.backtest;

import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Validation;
import io.antechamber.command.policy.CheckInFacts;
import io.antechamber.command.policy.PolicyEngine;
import io.antechamber.command.policy.PolicyValidator;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.common.RoomId;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.policy.PolicyOutcome;
import io.antechamber.events.query.FindPastCheckIns;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Evaluates a proposed policy against a room's past agent→human check-ins with the command side's own pure
 * {@link PolicyEngine}, each with the inputs and the trust score it was created with, and reports where the outcome
 * would differ. The check-ins come from the check-in view in one query; nothing is written. The proposed policy is
 * checked by the same {@link PolicyValidator} as {@code PUT .../policy}, its problems named under {@code policy.}.
 * This is the gateway between the endpoint and the engine: controllers never reach the command side themselves.
 * <p>
 * A backtest stops once it has evaluated for {@code antechamber.backtest.max-duration} and is refused naming
 * {@code limit}: the engine's cost grows with the proposal's {@code matches} conditions times the length of what they
 * read, so a valid proposal may take minutes per check-in, and the endpoint is open to any human of the org. For the
 * same reason, and the memory its check-ins take, a replica runs at most {@code antechamber.backtest.max-concurrent}
 * backtests at once; one more is 429 with {@code Retry-After}.
 */
@Component
public class PolicyBacktest {

    public static final int DEFAULT_LIMIT = 1_000;
    public static final int MAX_LIMIT = 10_000;
    /** The proposed policy was never stored, so its decisions have no version; the answer does not show one. */
    private static final int UNSTORED = 0;

    private final QueryGateway queries;
    private final Duration maxDuration;
    private final int maxConcurrent;
    private final Semaphore running;
    private final Clock clock;

    @Autowired
    public PolicyBacktest(QueryGateway queries, BacktestProperties properties) {
        this(queries, properties, Clock.systemUTC());
    }

    PolicyBacktest(QueryGateway queries, BacktestProperties properties, Clock clock) {
        this.queries = queries;
        this.maxDuration = properties.maxDuration();
        this.maxConcurrent = properties.maxConcurrent();
        this.running = new Semaphore(maxConcurrent);
        this.clock = clock;
    }

    public BacktestJson run(OrgId org, RoomId room, BacktestRequest request) {
        Validation validation = new Validation();
        Instant from = validation.timestamp("from", request.from());
        Instant to = validation.timestamp("to", request.to());
        validation.window(from, to);
        Long limit = validation.range("limit", request.limit(), 1, MAX_LIMIT);
        problems(request.policy()).forEach((field, problem) -> validation.check(false, field, problem));
        validation.orThrow();

        if (!running.tryAcquire()) {
            throw ApiException.rateLimited("a server runs at most " + maxConcurrent + " backtests at once; try again"
                    + " shortly", maxDuration);
        }
        try {
            List<CheckInState> past = queries.query(new FindPastCheckIns(org, room, from, to,
                    limit == null ? DEFAULT_LIMIT : limit.intValue()),
                    ResponseTypes.multipleInstancesOf(CheckInState.class)).join();
            return evaluate(request.policy(), past);
        } finally {
            running.release();
        }
    }

    /** Evaluates {@code past}, newest first, until done or {@link #maxDuration} has passed. */
    BacktestJson evaluate(Policy policy, List<CheckInState> past) {
        Instant deadline = clock.instant().plus(maxDuration);
        Map<PolicyOutcome, Long> before = new EnumMap<>(PolicyOutcome.class);
        Map<PolicyOutcome, Long> after = new EnumMap<>(PolicyOutcome.class);
        List<ChangedJson> changed = new ArrayList<>();
        int evaluated = 0;
        for (CheckInState checkIn : past) {
            if (clock.instant().isAfter(deadline)) {
                throw tooSlow(evaluated, past.size());
            }
            evaluated++;
            PolicyDecision was = checkIn.policy();
            PolicyDecision wouldBe = PolicyEngine.evaluate(policy, UNSTORED, was.trustScore(), facts(checkIn));
            before.merge(was.decision(), 1L, Long::sum);
            after.merge(wouldBe.decision(), 1L, Long::sum);
            if (wouldBe.decision() != was.decision()) {
                changed.add(new ChangedJson(checkIn.id().value(), checkIn.action(),
                        new WasJson(was.decision().createdStatus().wire(), was.source().wire(), was.ruleId(),
                                checkIn.status().wire()),
                        new WouldBeJson(wouldBe.decision().wire(), wouldBe.source().wire(), wouldBe.ruleId())));
            }
        }
        return new BacktestJson(evaluated, changed,
                new SummaryJson(OutcomeCountsJson.of(before), OutcomeCountsJson.of(after)));
    }

    private ApiException tooSlow(int evaluated, int asked) {
        return new ApiException(ApiError.VALIDATION_ERROR, "the backtest ran out of time", Map.<String, Object>of("fields",
                Map.of("limit", "the proposed policy took more than " + maxDuration.toMillis() + " ms over the newest "
                        + evaluated + " of these " + asked + " check-ins: ask for fewer, or a narrower window")));
    }

    private static CheckInFacts facts(CheckInState checkIn) {
        return new CheckInFacts(checkIn.action(), checkIn.reason(), checkIn.riskLevel(), checkIn.urgency(),
                checkIn.createdBy().id(), checkIn.metadata());
    }

    private static Map<String, String> problems(Policy policy) {
        if (policy == null) {
            return Map.of("policy", "is required");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        PolicyValidator.problems(policy).forEach((field, problem) -> problems.put("policy." + field, problem));
        return problems;
    }
}
