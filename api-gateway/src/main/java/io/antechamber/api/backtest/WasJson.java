package io.antechamber.api.backtest;

/**
 * What the policy a check-in was created with decided: the status it gave it ({@code approved}, {@code rejected}, or
 * {@code pending} when it asked a human), by which step and rule; and the check-in's status now.
 */
public record WasJson(String status, String source, String ruleId, String currentStatus) {
}
