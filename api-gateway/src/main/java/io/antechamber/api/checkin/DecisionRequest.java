package io.antechamber.api.checkin;

import java.util.Map;

/** The body of modify: the modifications (a free-form object) and an optional reason. */
public record DecisionRequest(String reason, Map<String, Object> modifications) {
}
