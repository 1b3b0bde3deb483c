package io.antechamber.api.backtest;

import io.antechamber.events.policy.Policy;

/**
 * The body of {@code POST /v1/rooms/:room/policy/backtest}: a proposed policy document (as {@code PUT .../policy}
 * takes it), the window of creation times {@code [from, to)} (ISO-8601; open when absent) and how many of the newest
 * check-ins in it to evaluate.
 */
public record BacktestRequest(Policy policy, String from, String to, Long limit) {
}
