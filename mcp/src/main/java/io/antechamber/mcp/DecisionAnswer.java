package io.antechamber.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of request_approval and await_decision, shaped so the decision cannot be misread:
 * {@code {status, check_in_id, decision: {outcome, reason, modifications, by} | null, check_in}} and a text that says
 * what to do next (go ahead, go ahead with these changes, do not, or wait again with this id).
 */
final class DecisionAnswer {

    static final Map<String, Object> SCHEMA = Schema.object(Schema.properties(
            "status", Map.of("type", "string", "description", "pending, approved, modified, rejected, expired or "
                    + "withdrawn (for a task: open, claimed, submitted, approved, rejected...)"),
            "check_in_id", Map.of("type", "string"),
            "decision", Map.of("type", List.of("object", "null"), "description", "{outcome, reason, modifications, "
                    + "by}; null while nobody decided"),
            "check_in", Map.of("type", "object", "description", "the whole check-in, as the API returns it")),
            List.of("status", "check_in_id", "decision", "check_in"));

    private DecisionAnswer() {
    }

    static ToolOutcome of(JsonNode checkIn, int waitedSeconds) {
        String status = checkIn.path("status").asText();
        String id = checkIn.path("id").asText();
        JsonNode decision = checkIn.path("decision");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("status", status);
        answer.put("check_in_id", id);
        answer.put("decision", decision.isObject() ? decisionOf(decision) : null);
        answer.put("check_in", checkIn);
        return new ToolOutcome(answer, summary(status, id, decision, checkIn, waitedSeconds));
    }

    private static Map<String, Object> decisionOf(JsonNode decision) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("outcome", decision.path("outcome").asText(null));
        shown.put("reason", text(decision.path("reason")));
        shown.put("modifications", decision.path("modifications").isObject() ? decision.get("modifications") : null);
        shown.put("by", decision.path("by").isObject() ? decision.get("by") : null);
        return shown;
    }

    private static String summary(String status, String id, JsonNode decision, JsonNode checkIn,
            int waitedSeconds) {
        String reason = text(decision.path("reason")) == null ? "" : " (reason: " + decision.get("reason").asText() + ")";
        if ("human_to_agent".equals(checkIn.path("direction").asText())) {
            return taskSummary(status, id, decision, reason, waitedSeconds);
        }
        return switch (status) {
            case "approved" -> "approved" + reason + ": go ahead with the action as requested. check_in_id " + id;
            case "modified" -> "approved with modifications: " + decision.path("modifications") + reason
                    + ": do the action with these changes, not as originally requested. check_in_id " + id;
            case "rejected" -> "rejected" + reason + ": do not do the action. check_in_id " + id
                    + (checkIn.path("policy").path("source").asText().equals("forbid_rule")
                            ? " (forbidden by the room's policy, rule " + checkIn.path("policy").path("rule_id").asText()
                                    + ")" : "");
            case "expired" -> "expired: nobody decided in time; do not do the action. check_in_id " + id;
            case "withdrawn" -> "withdrawn: the request was withdrawn; do not do the action. check_in_id " + id;
            case "pending" -> "pending: no decision yet" + (waitedSeconds > 0 ? " after " + waitedSeconds + " s" : "")
                    + "; do not do the action yet. Call await_decision with check_in_id " + id
                    + " to keep waiting, or withdraw_request to give up.";
            default -> status + ": check_in_id " + id;
        };
    }

    /** A task's review, for an agent that submitted a result and waits on it. */
    private static String taskSummary(String status, String id, JsonNode decision, String reason, int waitedSeconds) {
        return switch (status) {
            case "approved" -> "task " + id + " done: your result was accepted" + reason + ".";
            case "rejected" -> "task " + id + ": your result was rejected" + reason + ".";
            case "claimed" -> "modified".equals(decision.path("outcome").asText())
                    ? "task " + id + ": changes requested: " + decision.path("modifications") + reason
                            + ": rework the result with these changes and call submit_result again."
                    : "task " + id + " is claimed and not yet submitted; call submit_result when the work is done.";
            case "submitted" -> "task " + id + ": your result waits for review"
                    + (waitedSeconds > 0 ? " (no review after " + waitedSeconds + " s)" : "")
                    + "; call await_decision again to keep waiting.";
            default -> "task " + id + " is " + status + ".";
        };
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }
}
