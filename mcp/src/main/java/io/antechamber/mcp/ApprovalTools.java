package io.antechamber.mcp;

import static io.antechamber.mcp.Inputs.CHECK_IN_ID;
import static io.antechamber.mcp.Inputs.METADATA;
import static io.antechamber.mcp.Inputs.ROOM;
import static io.antechamber.mcp.Inputs.WAIT_SECONDS;

import io.antechamber.client.AntechamberClient;
import io.antechamber.client.CheckIn;
import io.antechamber.client.CheckInRequest;
import io.antechamber.client.CheckInResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The agent → human side: ask before acting, wait for the decision, give up. */
final class ApprovalTools {

    private static final String IDEMPOTENCY_KEY = "idempotency_key";
    /** Sent as an HTTP header: visible ASCII, so no value a model picks breaks the request. */
    private static final String VISIBLE_ASCII = "^[\\x21-\\x7E]+$";
    private static final String STATUSES = "status is one of approved (go ahead), modified (go ahead, but with "
            + "decision.modifications applied), rejected (do not), expired (nobody decided in time: do not), withdrawn, "
            + "or pending (no decision yet: call await_decision with check_in_id).";

    private static final String TASK = "human_to_agent";
    private static final String SUBMITTED = "submitted";
    /** How long one {@code /wait} of a task's review lasts, at most: how late a "changes requested" can be told. */
    private static final Duration REVIEW_SLICE = Duration.ofSeconds(2);

    private ApprovalTools() {
    }

    static List<AgentTool> all() {
        return List.of(requestApproval(), awaitDecision(), withdrawRequest());
    }

    static AgentTool requestApproval() {
        Tool tool = Tool.builder()
                .name("request_approval")
                .title("Request approval")
                .description("""
                        Ask the humans of a room for approval BEFORE doing an action that is risky, irreversible, \
                        costly or visible to others (deploying, deleting data, spending money, sending messages to \
                        people...). Creates a check-in in the room; the room's policy may approve or reject it at once, \
                        otherwise a human decides. Waits up to wait_seconds (default and most 50) for the decision. \
                        Returns {status, check_in_id, decision: {outcome, reason, modifications, by}, check_in}: \
                        """ + STATUSES + " Only act on approved or modified; follow the modifications exactly.")
                .inputSchema(Schema.object(Schema.properties(
                        ROOM, Inputs.room(),
                        "action", Schema.string("What you want to do, in one line a reviewer understands, e.g. "
                                + "\"Deploy build 1432 to production\".", 1, ApiLimits.ACTION_CHARS),
                        "reason", Schema.string("Why, and what happens if it goes wrong.", 1, ApiLimits.REASON_CHARS),
                        "risk_level", Schema.enumeration("How much harm the action can do if it is wrong "
                                + "(default medium).", List.of("low", "medium", "high", "critical")),
                        "urgency", Schema.enumeration("How soon a decision is needed (default normal).",
                                List.of("low", "normal", "high", "urgent")),
                        METADATA, Inputs.metadata("Details the reviewer or the room's policy may use, e.g. "
                                + "{\"environment\": \"production\", \"diff_url\": \"...\"}."),
                        "timeout_minutes", Schema.integer("After how long an undecided request times out (1 to "
                                + ApiLimits.MAX_TIMEOUT_MINUTES + "); default from the room's policy.", 1,
                                ApiLimits.MAX_TIMEOUT_MINUTES),
                        "timeout_action", Schema.enumeration("What happens at the timeout: auto_approve, cancel "
                                + "(status expired) or hold (stays pending); default from the room's policy.",
                                List.of("auto_approve", "cancel", "hold")),
                        WAIT_SECONDS, Inputs.waitSeconds(),
                        IDEMPOTENCY_KEY, Schema.string("Optional: a value of your own that names this request, e.g. "
                                + "a UUID. If you call request_approval again for the same request (say the call "
                                + "timed out), reuse the same value with the same arguments: you get the request "
                                + "made the first time instead of a second one. Use a new value for a new request. "
                                + "1 to " + ApiLimits.IDEMPOTENCY_KEY_CHARS + " characters, letters, digits and "
                                + "punctuation, no spaces.", 1, ApiLimits.IDEMPOTENCY_KEY_CHARS, VISIBLE_ASCII)),
                        List.of(ROOM, "action")))
                .outputSchema(DecisionAnswer.SCHEMA)
                .annotations(Schema.annotations(false, false))
                .build();
        return new AgentTool(tool, ApprovalTools::requestApproval);
    }

    private static ToolOutcome requestApproval(AntechamberClient client, Arguments arguments) {
        CheckInRequest request = CheckInRequest.builder(arguments.string("action"))
                .reason(arguments.optionalString("reason").orElse(null))
                .riskLevel(arguments.optionalString("risk_level").orElse(null))
                .urgency(arguments.optionalString("urgency").orElse(null))
                .metadata(arguments.optionalObject(METADATA).orElse(null))
                .timeoutMs(arguments.optionalInteger("timeout_minutes").map(minutes -> minutes * 60_000L).orElse(null))
                .timeoutAction(arguments.optionalString("timeout_action").orElse(null))
                .build();
        Duration wait = Inputs.waitSeconds(arguments);
        // creates once (one Idempotency-Key across retries, the host's too when it sends one); a policy's forbid comes
        // back as a rejected check-in
        Optional<String> key = arguments.optionalString(IDEMPOTENCY_KEY);
        CheckInResult result = key.isPresent()
                ? client.checkIns().checkInAndWait(arguments.string(ROOM), request, wait, key.get())
                : client.checkIns().checkInAndWait(arguments.string(ROOM), request, wait);
        return DecisionAnswer.of(client.json().valueToTree(result.checkIn()), (int) wait.toSeconds());
    }

    static AgentTool awaitDecision() {
        Tool tool = Tool.builder()
                .name("await_decision")
                .title("Wait for a decision")
                .description("""
                        Wait for the decision on a request made with request_approval that answered "pending" \
                        (or check where it stands with wait_seconds 0). Also tells how a task you submitted was \
                        reviewed, as soon as it is. Returns as soon as there is a decision, or after wait_seconds (default and most 50) \
                        with status pending; call it again to keep waiting. Returns {status, check_in_id, decision, \
                        check_in}: \
                        """ + STATUSES)
                .inputSchema(Schema.object(Schema.properties(
                        CHECK_IN_ID, Inputs.checkInId("The check_in_id that request_approval returned."),
                        WAIT_SECONDS, Inputs.waitSeconds()),
                        List.of(CHECK_IN_ID)))
                .outputSchema(DecisionAnswer.SCHEMA)
                .annotations(Schema.annotations(true, true))
                .build();
        return new AgentTool(tool, ApprovalTools::awaitDecision);
    }

    private static ToolOutcome awaitDecision(AntechamberClient client, Arguments arguments) {
        String id = arguments.string(CHECK_IN_ID);
        Duration wait = Inputs.waitSeconds(arguments);
        CheckIn current = client.checkIns().get(id);
        CheckIn answer = wait.isZero() || !current.isAwaitingAction() ? current
                : TASK.equals(current.direction()) ? awaitReview(client, current, wait)
                : client.checkIns().await(id, wait);
        return DecisionAnswer.of(client.json().valueToTree(answer), (int) wait.toSeconds());
    }

    /**
     * A task's review: only a submitted task has one coming (open or claimed, the next move is the agent's), and it
     * ends at the first state that is no longer {@code submitted}. Waited in slices, since the API's {@code /wait}
     * holds on through "changes requested", which sends the task back to {@code claimed}, still awaiting action.
     */
    private static CheckIn awaitReview(AntechamberClient client, CheckIn task, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        CheckIn last = task;
        while (SUBMITTED.equals(last.status())) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return last;
            }
            last = client.checkIns().await(task.id(), left.compareTo(REVIEW_SLICE) > 0 ? REVIEW_SLICE : left);
        }
        return last;
    }

    static AgentTool withdrawRequest() {
        Tool tool = Tool.builder()
                .name("withdraw_request")
                .title("Withdraw a request")
                .description("""
                        Withdraw your own pending approval request (from request_approval) when you no longer \
                        need it, e.g. the plan changed or you waited long enough. Only a pending request can be \
                        withdrawn (CONFLICT otherwise: it was already decided; check it with await_decision). \
                        Returns {status: "withdrawn", check_in_id, decision, check_in}.""")
                .inputSchema(Schema.object(Schema.properties(
                        CHECK_IN_ID, Inputs.checkInId("The check_in_id of your pending request.")),
                        List.of(CHECK_IN_ID)))
                .outputSchema(DecisionAnswer.SCHEMA)
                .annotations(Schema.annotations(false, true))
                .build();
        return new AgentTool(tool,
                (client, arguments) -> DecisionAnswer.of(
                        client.json().valueToTree(client.checkIns().withdraw(arguments.string(CHECK_IN_ID))), 0));
    }
}
