package io.antechamber.api.dashboard.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.audit.AuditController;
import io.antechamber.api.audit.AuditMapping;
import io.antechamber.api.audit.VerifyResult;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.DashboardProblem;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.evidence.AuditEvidenceController;
import io.antechamber.api.evidence.ReceiptController;
import io.antechamber.api.room.RoomController;
import io.antechamber.api.room.RoomJson;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.Data;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.Pages;
import io.antechamber.events.common.CheckInId;
import io.antechamber.verify.Checkpoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit page at {@code /audit}: the organization's audit log with the API's filters and pages, a check of the
 * whole chain and tree, the latest signed checkpoint, and a signed receipt of a resolved check-in to download. All of
 * it through the API's own controllers with the signed-in person (any human of the org may read the log).
 */
@DashboardController
public class AuditPageController {

    /** A time typed without an offset ({@code 2026-12-04T10:00}, what a datetime field sends) is taken as UTC. */
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private final AuditController auditApi;
    private final AuditEvidenceController evidenceApi;
    private final ReceiptController receiptApi;
    private final RoomController roomApi;
    private final ObjectMapper json;

    public AuditPageController(AuditController auditApi, AuditEvidenceController evidenceApi,
            ReceiptController receiptApi, RoomController roomApi, ObjectMapper json) {
        this.auditApi = auditApi;
        this.evidenceApi = evidenceApi;
        this.receiptApi = receiptApi;
        this.roomApi = roomApi;
        this.json = json;
    }

    /** The filters of the page, as typed (empty when not given). */
    public record Filters(String room, String actor, String target, String action, String from, String to) {

        static Filters of(String room, String actor, String target, String action, String from, String to) {
            return new Filters(text(room), text(actor), text(target), text(action), text(from), text(to));
        }

        boolean any() {
            return !(room + actor + target + action + from + to).isEmpty();
        }
    }

    /** One entry as the table shows it. */
    public record Row(long seq, String at, String actorType, String actorId, String action, String targetType,
            String targetId, String roomId, String changes) {
    }

    @GetMapping("/audit")
    public String audit(@RequestParam(required = false) String room, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String target, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return page(Filters.of(room, actor, target, action, from, to), text(cursor), request, response, model);
    }

    /** Recomputes the organization's whole hash chain and Merkle tree and shows the answer. */
    @GetMapping("/audit/verify")
    public String verify(HttpServletRequest request, HttpServletResponse response, Model model) {
        VerifyResult result = auditApi.verify(SignedIn.of(request).caller(), null, null).data();
        model.addAttribute("verify", result);
        return page(Filters.of(null, null, null, null, null, null), "", request, response, model);
    }

    /**
     * The signed receipt of a resolved check-in as a JSON file, exactly the API's answer (the verifier reads it as it
     * is); a refusal (a pending check-in's 409, an unknown id's 404) is shown on the page with its status.
     */
    @GetMapping("/audit/receipt")
    public ModelAndView receipt(@RequestParam(name = "check_in", required = false) String checkIn,
            HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        String id = text(checkIn);
        try {
            if (id.isEmpty()) {
                throw ApiException.invalid("check_in", "is required: the id of a resolved check-in (ci_...)");
            }
            Data<?> receipt = Data.of(receiptApi.receipt(SignedIn.of(request).caller(), id).data());
            byte[] body = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(receipt);
            String filename = "receipt-" + (CheckInId.isValid(id) ? id : "check-in") + ".json";
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename).build().toString());
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return null; // the response is written: no view
        } catch (RuntimeException e) {
            DashboardProblem problem = DashboardProblem.of(e).orElseThrow(() -> e);
            response.setStatus(problem.status());
            model.addAttribute("receiptProblem", problem.message());
            model.addAttribute("receiptCheckIn", id);
            return new ModelAndView(page(Filters.of(null, null, null, null, null, null), "", request, response,
                    model));
        }
    }

    private String page(Filters filters, String cursor, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        Caller caller = SignedIn.of(request).caller();
        model.addAttribute("filters", filters);
        model.addAttribute("actions", AuditMapping.ACTIONS);
        model.addAttribute("rooms", rooms(caller));
        model.addAttribute("fields", Map.of());
        try {
            ListData<JsonNode> page = auditApi.list(caller, orNull(filters.room()), orNull(filters.actor()),
                    orNull(filters.target()), orNull(filters.action()), time(filters.from()), time(filters.to()),
                    null, orNull(cursor));
            model.addAttribute("entries", page.data().stream().map(this::row).toList());
            model.addAttribute("nextCursor", page.hasMore() ? page.cursor() : null);
        } catch (RuntimeException e) {
            DashboardProblem problem = DashboardProblem.of(e).orElseThrow(() -> e);
            response.setStatus(problem.status());
            model.addAttribute("problem", problem.message());
            model.addAttribute("fields", problem.fields());
            model.addAttribute("entries", List.of());
            model.addAttribute("nextCursor", null);
        }
        model.addAttribute("filtered", filters.any());
        model.addAttribute("checkpoint", checkpoint(caller));
        return "audit/audit";
    }

    private Checkpoint checkpoint(Caller caller) {
        try {
            return evidenceApi.checkpoint(caller).data();
        } catch (ApiException e) {
            if (e.error() == ApiError.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** The org's rooms for the room filter (the first page: a filter by slug works for any other). */
    private List<RoomJson> rooms(Caller caller) {
        return roomApi.list(caller, Pages.MAX_LIMIT, null).data();
    }

    private Row row(JsonNode entry) {
        String changes;
        try {
            changes = json.writerWithDefaultPrettyPrinter().writeValueAsString(entry.get("changes"));
        } catch (IOException e) {
            throw new IllegalStateException("an entry's changes always serialize", e);
        }
        return new Row(entry.path("seq").asLong(), entry.path("at").asText(), entry.path("actor").path("type").asText(),
                textOrNull(entry.path("actor").path("id")), entry.path("action").asText(),
                entry.path("target").path("type").asText(), textOrNull(entry.path("target").path("id")),
                textOrNull(entry.path("room_id")), changes);
    }

    private static String time(String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        return LOCAL_TIME.matcher(typed).matches() ? typed + (typed.length() == 16 ? ":00Z" : "Z") : typed;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
