package io.antechamber.api.backtest;

/** What the proposed policy decides for the same check-in, in the words of a check-in's {@code policy}. */
public record WouldBeJson(String decision, String source, String ruleId) {
}
