package io.antechamber.client;

import java.util.Map;

/**
 * POLICY_FORBIDS, 403: the room's policy forbids the check-in. The check-in still exists, with status
 * {@code rejected}: {@link #checkInId()} names it and {@link #ruleId()} the forbidding rule (null when the room's
 * default action forbids).
 */
public class PolicyForbidsException extends ForbiddenException {

    public PolicyForbidsException(String code, String message, int status, String requestId,
            Map<String, Object> details) {
        super(code, message, status, requestId, details);
    }

    public String checkInId() {
        Object id = details().get("check_in_id");
        return id == null ? null : id.toString();
    }

    public String ruleId() {
        Object rule = details().get("rule_id");
        return rule == null ? null : rule.toString();
    }
}
