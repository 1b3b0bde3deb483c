package io.antechamber.api.checkin;

import java.util.Map;

/** The optional body of approve/reject, and the body of modify. */
public record DecisionRequest(String reason, Map<String, Object> modifications) {

    static final DecisionRequest EMPTY = new DecisionRequest(null, null);
}
