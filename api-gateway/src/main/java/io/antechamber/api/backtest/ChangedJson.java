package io.antechamber.api.backtest;

/** A check-in the proposed policy decides otherwise than the policy it was created with. */
public record ChangedJson(String checkInId, String action, WasJson was, WouldBeJson wouldBe) {
}
