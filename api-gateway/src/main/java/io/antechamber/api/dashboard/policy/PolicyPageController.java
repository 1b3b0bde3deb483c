package io.antechamber.api.dashboard.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.backtest.BacktestJson;
import io.antechamber.api.backtest.BacktestRequest;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.DashboardJson;
import io.antechamber.api.dashboard.DashboardProblem;
import io.antechamber.api.dashboard.OrgAdmin;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.identity.HumanController;
import io.antechamber.api.room.PolicyController;
import io.antechamber.api.room.PolicyDocumentJson;
import io.antechamber.api.room.PolicyJson;
import io.antechamber.api.room.PolicyVersionJson;
import io.antechamber.api.room.RoomController;
import io.antechamber.api.room.RoomJson;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.web.ListData;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.WireEnums;
import io.antechamber.events.policy.ConditionOp;
import io.antechamber.events.policy.DefaultAction;
import io.antechamber.events.policy.Policy;
import io.antechamber.events.policy.RuleEffect;
import io.antechamber.events.policy.TimeoutAction;
import io.antechamber.events.room.RoomState;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policy pages: {@code /policies} lists the person's rooms with their policy's version, and
 * {@code /rooms/{room}/policy} edits one room's policy as a form or as JSON, backtests the edit against the room's
 * past check-ins, saves it, and shows every earlier version. Everything goes through {@link PolicyController} with
 * the signed-in person, so the page refuses what the API refuses; saving is for org admins, as
 * {@code PUT /v1/rooms/:room/policy} is.
 */
@DashboardController
public class PolicyPageController {

    static final String MODE_FORM = "form";
    static final String MODE_JSON = "json";
    private static final int HISTORY_PAGE = 20;

    private final RoomController roomApi;
    private final HumanController humanApi;
    private final PolicyController policyApi;
    private final RoomResolver rooms;
    private final DashboardJson reader;
    private final ObjectMapper json;

    public PolicyPageController(RoomController roomApi, HumanController humanApi, PolicyController policyApi,
            RoomResolver rooms, DashboardJson reader, ObjectMapper json) {
        this.roomApi = roomApi;
        this.humanApi = humanApi;
        this.policyApi = policyApi;
        this.rooms = rooms;
        this.reader = reader;
        this.json = json;
    }

    /** The person's rooms: every room of the org for an admin, the rooms they are a member of for a reviewer. */
    @GetMapping("/policies")
    public String list(@RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
        SignedIn signedIn = SignedIn.of(request);
        ListData<RoomJson> page = roomApi.list(signedIn.caller(), null, cursor);
        List<RoomJson> shown = page.data().stream()
                .filter(room -> signedIn.admin() || room.members().stream()
                        .anyMatch(m -> m.id().equals(signedIn.caller().actor().id())))
                .toList();
        model.addAttribute("rooms", shown);
        model.addAttribute("nextCursor", page.hasMore() ? page.cursor() : null);
        return "policy/list";
    }

    @GetMapping("/rooms/{room}/policy")
    public String edit(@PathVariable String room, @RequestParam(required = false) Integer saved,
            @RequestParam(name = "history", required = false) String historyCursor, HttpServletRequest request,
            Model model) {
        Caller caller = SignedIn.of(request).caller();
        Policy policy = rooms.resolve(caller, room).policy();
        model.addAttribute("saved", saved);
        return page(request, caller, room, PolicyForm.of(policy, json), pretty(PolicyDocumentJson.of(policy)),
                MODE_FORM, historyCursor, model);
    }

    /** Runs the edited policy against the room's past check-ins; saves nothing. */
    @PostMapping("/rooms/{room}/policy/backtest")
    public String backtest(@PathVariable String room, @RequestParam(defaultValue = MODE_FORM) String mode,
            @RequestParam(name = "policy", required = false) String policyText, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        Edit edit = edit(mode, policyText, request);
        try {
            Policy policy = reader.read(edit.text(), Policy.class, "policy");
            BacktestJson result = policyApi.backtest(caller, room, new BacktestRequest(policy, null, null, null))
                    .data();
            model.addAttribute("backtest", result);
        } catch (RuntimeException e) {
            refused(e, response, model);
        }
        return page(request, caller, room, edit.form(), edit.text(), edit.mode(), null, model);
    }

    /** Saves the edited policy as the room's next version; org admins only, as the API's endpoint. */
    @PostMapping("/rooms/{room}/policy")
    @OrgAdmin
    public String save(@PathVariable String room, @RequestParam(defaultValue = MODE_FORM) String mode,
            @RequestParam(name = "policy", required = false) String policyText, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        Edit edit = edit(mode, policyText, request);
        try {
            Policy policy = reader.read(edit.text(), Policy.class, "policy");
            PolicyJson saved = policyApi.replace(caller, room, policy).data();
            return "redirect:/rooms/" + saved.roomId() + "/policy?saved=" + saved.version();
        } catch (RuntimeException e) {
            refused(e, response, model);
        }
        return page(request, caller, room, edit.form(), edit.text(), edit.mode(), null, model);
    }

    /** The policy's current version, for the page's live notice when {@code room.policy_updated} arrives. */
    @GetMapping("/rooms/{room}/policy/version")
    public String version(@PathVariable String room, @RequestParam(required = false) Integer shown,
            HttpServletRequest request, Model model) {
        PolicyJson current = policyApi.get(SignedIn.of(request).caller(), room).data();
        model.addAttribute("current", current);
        model.addAttribute("shown", shown);
        return "policy/edit :: version";
    }

    /** What was submitted, as a form and as the JSON document it says. */
    private record Edit(String mode, PolicyForm form, String text) {
    }

    private Edit edit(String mode, String policyText, HttpServletRequest request) {
        if (MODE_JSON.equals(mode)) {
            PolicyForm form;
            try {
                form = PolicyForm.of(reader.read(policyText, Policy.class, "policy"), json);
            } catch (RuntimeException unreadable) {
                form = null;
            }
            return new Edit(MODE_JSON, form, policyText == null ? "" : policyText);
        }
        PolicyForm form = PolicyForm.parse(request.getParameterMap());
        return new Edit(MODE_FORM, form, form.document(json));
    }

    private static void refused(RuntimeException e, HttpServletResponse response, Model model) {
        DashboardProblem problem = DashboardProblem.of(e).orElseThrow(() -> e);
        response.setStatus(problem.status());
        Map<String, String> fields = new LinkedHashMap<>();
        // a backtest names the policy's problems under "policy." (its body nests the policy); the form does not
        problem.fields().forEach((field, text) -> fields.put(field.startsWith("policy.")
                ? field.substring("policy.".length()) : field, text));
        model.addAttribute("problem", problem.message());
        model.addAttribute("fields", fields);
    }

    private String page(HttpServletRequest request, Caller caller, String roomRef, PolicyForm form, String text,
            String mode, String historyCursor, Model model) {
        RoomState room = rooms.resolve(caller, roomRef);
        PolicyJson current = PolicyJson.of(room);
        if (form == null) {
            form = PolicyForm.of(room.policy(), json);
        }
        ListData<PolicyVersionJson> history = policyApi.history(caller, room.id().value(), HISTORY_PAGE,
                historyCursor);
        model.addAttribute("room", room);
        // the page's live stream is for the rooms the person may act in (GET /events?room= refuses others)
        model.addAttribute("live", SignedIn.of(request).admin() || room.members().stream()
                .anyMatch(m -> m.actor().equals(caller.actor())));
        model.addAttribute("current", current);
        model.addAttribute("form", form.withBlankSlots());
        model.addAttribute("policyJson", text);
        model.addAttribute("mode", mode);
        model.addAttribute("riskLevels", PolicyForm.RISK_LEVELS);
        Map<String, String> names = new HashMap<>();
        model.addAttribute("history", history.data().stream()
                .map(v -> new HistoryRow(v, pretty(v.policy()), nameOf(caller, v.updatedBy(), names))).toList());
        model.addAttribute("olderHistory", history.hasMore() ? history.cursor() : null);
        if (!model.containsAttribute("fields")) {
            model.addAttribute("fields", Map.of());
        }
        Object fields = model.getAttribute("fields");
        model.addAttribute("formFields", MODE_FORM.equals(mode) ? fields : Map.of());
        model.addAttribute("jsonFields", MODE_JSON.equals(mode) ? fields : Map.of());
        model.addAttribute("shown", current.version());
        model.addAttribute("defaultActions", wires(DefaultAction.values()));
        model.addAttribute("timeoutActions", wires(TimeoutAction.values()));
        model.addAttribute("effects", wires(RuleEffect.values()));
        model.addAttribute("ops", wires(ConditionOp.values()));
        return "policy/edit";
    }

    /** A version of the history with its document pretty-printed and the name of the human who made it. */
    public record HistoryRow(PolicyVersionJson version, String document, String by) {
    }

    /** The name of the human who made a version (looked up once a page), or null for anyone else. */
    private String nameOf(Caller caller, Actor actor, Map<String, String> names) {
        if (actor == null || actor.type() != ActorType.HUMAN || actor.id() == null) {
            return null;
        }
        return names.computeIfAbsent(actor.id(), id -> {
            try {
                return humanApi.get(caller, id).data().name();
            } catch (RuntimeException unknown) {
                return null;
            }
        });
    }

    private static List<String> wires(Enum<?>[] values) {
        return Arrays.stream(values).map(WireEnums::wire).toList();
    }

    private String pretty(Object value) {
        return reader.pretty(value);
    }
}
