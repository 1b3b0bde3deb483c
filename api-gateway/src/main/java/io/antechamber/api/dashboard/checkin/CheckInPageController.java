package io.antechamber.api.dashboard.checkin;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.checkin.CheckInController;
import io.antechamber.api.checkin.CheckInJson;
import io.antechamber.api.checkin.DecisionRequest;
import io.antechamber.api.checkin.MessageController;
import io.antechamber.api.checkin.MessageJson;
import io.antechamber.api.checkin.MetadataLimit;
import io.antechamber.api.checkin.PostMessageRequest;
import io.antechamber.api.checkin.ReasonRequest;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.DashboardJson;
import io.antechamber.api.dashboard.DashboardProblem;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.dashboard.TimeLeft;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ListData;
import io.antechamber.events.policy.PolicyDecision;
import io.antechamber.events.room.RoomState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A check-in's page at {@code /check-ins/{id}} (docs/dashboard.md "Check-in"): what the agent asks and why the policy
 * asked a human, the thread, and the forms that decide it and post to it. Every action is the API's own controller
 * method, called with the signed-in person, so the API's validation, org and membership checks and read-your-writes
 * hold here too; a refusal is shown on the page beside the form, with the API's status. The status and the thread
 * refresh themselves on the room's live stream.
 */
@DashboardController
public class CheckInPageController {

    /** Messages read for the page: the API's largest page, a few times over; a longer thread shows its start. */
    private static final int THREAD_PAGE = 100;
    private static final int THREAD_PAGES = 10;

    private final CheckInController checkIns;
    private final MessageController messages;
    private final RoomResolver rooms;
    private final MetadataLimit metadataLimit;
    private final DashboardJson dashboardJson;

    public CheckInPageController(CheckInController checkIns, MessageController messages, RoomResolver rooms,
            MetadataLimit metadataLimit, DashboardJson dashboardJson) {
        this.checkIns = checkIns;
        this.messages = messages;
        this.rooms = rooms;
        this.metadataLimit = metadataLimit;
        this.dashboardJson = dashboardJson;
    }

    /** Why the policy asked a human, as the page shows it. */
    public record Why(String decision, String source, String ruleId, double trustScore, Double threshold,
            int policyVersion, boolean currentPolicy, int roomPolicyVersion) {
    }

    @GetMapping("/check-ins/{id}")
    public String page(@PathVariable String id, HttpServletRequest request, Model model) {
        fill(id, request, model);
        return "checkin/check-in";
    }

    /** The status, decision and decide forms alone, for the live refresh. */
    @GetMapping("/check-ins/{id}/status")
    public String status(@PathVariable String id, HttpServletRequest request, Model model) {
        fill(id, request, model);
        return "checkin/check-in :: status";
    }

    /** The thread alone, for the live refresh. */
    @GetMapping("/check-ins/{id}/thread")
    public String thread(@PathVariable String id, HttpServletRequest request, Model model) {
        fill(id, request, model);
        return "checkin/check-in :: thread";
    }

    @PostMapping("/check-ins/{id}/approve")
    public String approve(@PathVariable String id, @RequestParam(required = false) String reason,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return act(id, request, response, model, "decide", () -> checkIns.approve(caller(request), id,
                new ReasonRequest(blankToNull(reason))));
    }

    @PostMapping("/check-ins/{id}/reject")
    public String reject(@PathVariable String id, @RequestParam(required = false) String reason,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        return act(id, request, response, model, "decide", () -> checkIns.reject(caller(request), id,
                new ReasonRequest(blankToNull(reason))));
    }

    @PostMapping("/check-ins/{id}/modify")
    public String modify(@PathVariable String id, @RequestParam(required = false) String modifications,
            @RequestParam(required = false) String reason, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        model.addAttribute("modificationsText", modifications);
        model.addAttribute("modifyReason", reason);
        return act(id, request, response, model, "modify", () -> checkIns.modify(caller(request), id,
                new DecisionRequest(blankToNull(reason), parse(modifications))));
    }

    /**
     * Checks the JSON editor's text as the page's htmx sends it on change: what modify would refuse about it (not
     * JSON, not an object, over the metadata limits), or nothing. Decides nothing.
     */
    @PostMapping("/check-ins/{id}/modifications/check")
    public String checkModifications(@PathVariable String id, @RequestParam(required = false) String modifications,
            HttpServletRequest request, Model model) {
        checkIns.get(caller(request), id); // another org's check-in is a 404 here too
        String problem = null;
        try {
            metadataLimit.check("modifications", parse(modifications));
        } catch (ApiException refused) {
            problem = DashboardProblem.of(refused).map(p -> p.fields().getOrDefault("modifications", p.message()))
                    .orElse(refused.getMessage());
        }
        model.addAttribute("modificationsProblem", problem);
        return "checkin/check-in :: modifications-problem";
    }

    @PostMapping("/check-ins/{id}/messages")
    public String post(@PathVariable String id, @RequestParam(required = false) String type,
            @RequestParam(required = false) String content, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        model.addAttribute("messageType", type);
        model.addAttribute("messageContent", content);
        String answer = act(id, request, response, model, "message", () -> messages.post(caller(request), id,
                new PostMessageRequest(type, content, null, null)));
        return answer.startsWith("redirect:") ? answer + "#thread" : answer;
    }

    /** Runs the API call; on success back to the page, on a refusal the page with the problem beside the form. */
    private String act(String id, HttpServletRequest request, HttpServletResponse response, Model model, String form,
            Supplier<?> call) {
        try {
            call.get();
            return "redirect:/check-ins/" + id;
        } catch (RuntimeException e) {
            DashboardProblem problem = DashboardProblem.of(e).orElseThrow(() -> e);
            if (problem.status() == 404) {
                throw e; // another org's or an unknown check-in: the error page, like GET
            }
            response.setStatus(problem.status());
            model.addAttribute("problemForm", form);
            model.addAttribute("problem", problem);
            fill(id, request, model);
            return "checkin/check-in";
        }
    }

    private void fill(String id, HttpServletRequest request, Model model) {
        SignedIn signedIn = SignedIn.of(request);
        Caller caller = signedIn.caller();
        CheckInJson checkIn = checkIns.get(caller, id).data();
        RoomState room = rooms.resolve(caller, checkIn.roomId());
        Instant now = Instant.now();
        model.addAttribute("checkIn", checkIn);
        model.addAttribute("room", room);
        model.addAttribute("pending", "pending".equals(checkIn.status()));
        model.addAttribute("metadataJson", pretty(checkIn.metadata()));
        model.addAttribute("timeLeft", TimeLeft.until(checkIn.expiresAt(), now));
        model.addAttribute("age", TimeLeft.since(checkIn.createdAt(), now));
        model.addAttribute("why", why(checkIn, room));
        if (checkIn.decision() != null && checkIn.decision().modifications() != null) {
            model.addAttribute("modificationsJson", pretty(checkIn.decision().modifications()));
        }
        if (!model.containsAttribute("modificationsText")) {
            model.addAttribute("modificationsText", pretty(checkIn.metadata()));
        }
        model.addAttribute("thread", thread(caller, id));
        model.addAttribute("eventsLink", "/events?room=" + checkIn.roomId());
        // the live stream only for those GET /events?room= admits: a reviewer outside the room may read the
        // check-in, but their stream would answer 403 and the SSE extension would retry it forever
        model.addAttribute("live", signedIn.admin() || room.members().stream()
                .anyMatch(m -> m.actor().equals(caller.actor())));
    }

    private List<MessageJson> thread(Caller caller, String id) {
        List<MessageJson> all = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < THREAD_PAGES; page++) {
            ListData<MessageJson> read = messages.list(caller, id, THREAD_PAGE, cursor);
            all.addAll(read.data());
            if (!read.hasMore()) {
                break;
            }
            cursor = read.cursor();
        }
        return all;
    }

    private static Why why(CheckInJson checkIn, RoomState room) {
        PolicyDecision policy = checkIn.policy();
        if (policy == null) {
            return null;
        }
        boolean current = policy.policyVersion() == room.policyVersion();
        Double threshold = current && checkIn.riskLevel() != null
                ? room.policy().trustThresholds().get(checkIn.riskLevel()) : null;
        return new Why(policy.decision() == null ? null : policy.decision().wire(),
                policy.source() == null ? null : policy.source().wire(), policy.ruleId(), policy.trustScore(),
                threshold, policy.policyVersion(), current, room.policyVersion());
    }

    private Map<String, Object> parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("modifications", "is required: a JSON object");
        }
        return dashboardJson.readObject(text, "modifications");
    }

    private String pretty(Object value) {
        return dashboardJson.pretty(value == null ? Map.of() : value);
    }

    private static Caller caller(HttpServletRequest request) {
        return SignedIn.of(request).caller();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
