package io.antechamber.api.dashboard.tasks;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.checkin.CheckInController;
import io.antechamber.api.checkin.CheckInJson;
import io.antechamber.api.checkin.DecisionRequest;
import io.antechamber.api.checkin.MessageController;
import io.antechamber.api.checkin.MessageJson;
import io.antechamber.api.checkin.PostTaskRequest;
import io.antechamber.api.checkin.ReasonRequest;
import io.antechamber.api.checkin.TaskController;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.DashboardJson;
import io.antechamber.api.dashboard.DashboardProblem;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.room.RoomController;
import io.antechamber.api.dashboard.MemberRooms.MemberRoom;
import io.antechamber.api.room.RoomJson;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.Pages;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.api.web.Validation;
import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.Direction;
import io.antechamber.events.policy.Urgency;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The task board at {@code /tasks} (open, claimed and submitted tasks of the person's rooms), posting a task, and a
 * task's page at {@code /tasks/{id}} with its result, its thread and the review of a submitted result. Every read and
 * move goes through the API's controllers, which validate and check org and membership.
 */
@DashboardController
public class TasksController {

    static final List<String> URGENCIES = Arrays.stream(Urgency.values()).map(Urgency::wire).toList();

    private final PersonRooms personRooms;
    private final TaskBoard board;
    private final TaskController tasks;
    private final CheckInController checkIns;
    private final MessageController messages;
    private final RoomController rooms;
    private final DashboardJson dashboardJson;

    public TasksController(PersonRooms personRooms, TaskBoard board, TaskController tasks, CheckInController checkIns,
            MessageController messages, RoomController rooms, DashboardJson dashboardJson) {
        this.personRooms = personRooms;
        this.board = board;
        this.tasks = tasks;
        this.checkIns = checkIns;
        this.messages = messages;
        this.rooms = rooms;
        this.dashboardJson = dashboardJson;
    }

    /** What the post-a-task form holds, as typed, so a refused form comes back as it was. */
    public record TaskForm(String room, String action, String reason, String urgency, String timeoutMinutes,
            String metadata) {

        static TaskForm empty(String room) {
            return new TaskForm(room, "", "", Urgency.NORMAL.wire(), "", "");
        }
    }

    @GetMapping("/tasks")
    public ModelAndView board(HttpServletRequest request, @RequestParam(required = false) String room) {
        Caller caller = SignedIn.of(request).caller();
        return boardPage(caller, room, TaskForm.empty(room), null);
    }

    /** The board alone, for the page's live refresh. */
    @GetMapping("/tasks/board")
    public ModelAndView boardFragment(HttpServletRequest request, @RequestParam(required = false) String room) {
        Caller caller = SignedIn.of(request).caller();
        List<MemberRoom> shown = personRooms.filtered(caller, room);
        ModelAndView fragment = new ModelAndView("tasks/board :: board");
        fragment.addObject("board", board.of(caller, shown));
        fragment.addObject("filter", blankToNull(room));
        return fragment;
    }

    @PostMapping("/tasks")
    public ModelAndView post(HttpServletRequest request, HttpServletResponse response,
            @RequestParam(required = false) String room, @RequestParam(required = false) String action,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String urgency,
            @RequestParam(name = "timeout_minutes", required = false) String timeoutMinutes,
            @RequestParam(required = false) String metadata) {
        Caller caller = SignedIn.of(request).caller();
        TaskForm form = new TaskForm(room, action, reason, urgency, timeoutMinutes, metadata);
        try {
            List<MemberRoom> mine = personRooms.of(caller);
            Validation validation = new Validation();
            validation.check(room != null && !room.isBlank(), "room", "choose a room");
            validation.check(room == null || room.isBlank() || mine.stream().anyMatch(r -> r.id().equals(room)),
                    "room", "is not one of your rooms");
            Long timeoutMs = minutes(validation, timeoutMinutes);
            Map<String, Object> meta = object(validation, "metadata", metadata);
            validation.orThrow();
            CheckInJson posted = tasks.post(caller, room, new PostTaskRequest(action, blankToNull(reason), meta,
                    blankToNull(urgency), timeoutMs)).data();
            return new ModelAndView("redirect:/tasks/" + posted.id());
        } catch (RuntimeException e) {
            DashboardProblem problem = DashboardProblem.of(e).orElseThrow(() -> e);
            response.setStatus(problem.status());
            return boardPage(caller, null, form, problem);
        }
    }

    @GetMapping("/tasks/{id}")
    public ModelAndView task(HttpServletRequest request, @PathVariable String id) {
        return taskPage(SignedIn.of(request).caller(), id, null, null);
    }

    @PostMapping("/tasks/{id}/approve")
    public ModelAndView approve(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
            @RequestParam(required = false) String reason) {
        Caller caller = SignedIn.of(request).caller();
        return review(caller, response, id, "approve",
                () -> checkIns.approve(caller, id, new ReasonRequest(blankToNull(reason))).data());
    }

    @PostMapping("/tasks/{id}/reject")
    public ModelAndView reject(HttpServletRequest request, HttpServletResponse response, @PathVariable String id,
            @RequestParam(required = false) String reason) {
        Caller caller = SignedIn.of(request).caller();
        return review(caller, response, id, "reject",
                () -> checkIns.reject(caller, id, new ReasonRequest(blankToNull(reason))).data());
    }

    /** Sends a submitted result back to its agent: the API's modify, which returns the task to {@code claimed}. */
    @PostMapping("/tasks/{id}/request-changes")
    public ModelAndView requestChanges(HttpServletRequest request, HttpServletResponse response,
            @PathVariable String id, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String modifications) {
        Caller caller = SignedIn.of(request).caller();
        return review(caller, response, id, "request-changes", () -> {
            Validation validation = new Validation();
            Map<String, Object> changes = object(validation, "modifications", modifications);
            validation.check(changes != null || (reason != null && !reason.isBlank()), "reason",
                    "say what should change, or give the changes as JSON");
            validation.orThrow();
            return checkIns.modify(caller, id, new DecisionRequest(blankToNull(reason),
                    changes == null ? Map.of() : changes)).data();
        });
    }

    private ModelAndView review(Caller caller, HttpServletResponse response, String id, String verb,
            Supplier<CheckInJson> decide) {
        try {
            decide.get();
            return new ModelAndView("redirect:/tasks/" + id);
        } catch (RuntimeException e) {
            DashboardProblem problem = DashboardProblem.of(e).orElseThrow(() -> e);
            response.setStatus(problem.status());
            return taskPage(caller, id, verb, problem);
        }
    }

    private ModelAndView boardPage(Caller caller, String room, TaskForm form, DashboardProblem problem) {
        List<MemberRoom> mine = personRooms.of(caller);
        List<MemberRoom> shown = personRooms.filtered(caller, room);
        ModelAndView page = new ModelAndView("tasks/board");
        page.addObject("rooms", mine);
        page.addObject("filter", blankToNull(room));
        page.addObject("board", board.of(caller, shown));
        page.addObject("form", form);
        page.addObject("urgencies", URGENCIES);
        page.addObject("maxTimeoutMinutes", RequestLimits.MAX_TIMEOUT_MINUTES);
        page.addObject("problem", problem);
        page.addObject("errors", problem == null ? Map.of() : fieldErrors(problem));
        return page;
    }

    private ModelAndView taskPage(Caller caller, String id, String failedAction, DashboardProblem problem) {
        CheckInJson task = checkIns.get(caller, id).data();
        if (!Direction.HUMAN_TO_AGENT.wire().equals(task.direction())) {
            return new ModelAndView("redirect:/check-ins/" + task.id());
        }
        RoomJson room = rooms.get(caller, task.roomId()).data();
        List<ThreadEntry> thread = thread(caller, task.id());
        ThreadEntry result = null;
        for (ThreadEntry entry : thread) {
            if ("result".equals(entry.type())) {
                result = entry;
            }
        }
        ModelAndView page = new ModelAndView("tasks/task");
        page.addObject("task", task);
        page.addObject("room", room);
        page.addObject("live", personRooms.isMember(caller, room.id()));
        page.addObject("metadata", pretty(task.metadata()));
        page.addObject("created", TaskBoard.TIME.format(task.createdAt()));
        page.addObject("updated", TaskBoard.TIME.format(task.updatedAt()));
        page.addObject("thread", thread);
        page.addObject("result", result);
        page.addObject("decision", task.decision());
        page.addObject("decisionChanges", task.decision() == null ? null : pretty(task.decision().modifications()));
        page.addObject("failedAction", failedAction);
        page.addObject("problem", problem);
        page.addObject("errors", problem == null ? Map.of() : fieldErrors(problem));
        return page;
    }

    /** A thread message as the page shows it: metadata pretty-printed, the time readable. */
    public record ThreadEntry(String id, String type, String authorType, String authorId, String content,
            String metadata, List<Attachment> attachments, String at) {
    }

    private List<ThreadEntry> thread(Caller caller, String id) {
        List<ThreadEntry> entries = new ArrayList<>();
        String cursor = null;
        do {
            ListData<MessageJson> page = messages.list(caller, id, Pages.MAX_LIMIT, cursor);
            for (MessageJson m : page.data()) {
                entries.add(new ThreadEntry(m.id(), m.type(), m.author() == null ? null : m.author().type().wire(),
                        m.author() == null ? null : m.author().id(), m.content(), pretty(m.metadata()),
                        m.attachments(), TaskBoard.TIME.format(m.createdAt())));
            }
            cursor = page.hasMore() ? page.cursor() : null;
        } while (cursor != null);
        return entries;
    }

    /** The JSON object typed into {@code field}, read by the API's strict rules; null when blank or refused. */
    private Map<String, Object> object(Validation validation, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return dashboardJson.readObject(text, field);
        } catch (ApiException refused) {
            String problem = DashboardProblem.of(refused).map(p -> p.fields().getOrDefault(field, p.message()))
                    .orElse(refused.getMessage());
            validation.check(false, field, problem);
            return null;
        }
    }

    private static Long minutes(Validation validation, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long minutes = Long.parseLong(text.trim());
            validation.range("timeout_minutes", minutes, 1, RequestLimits.MAX_TIMEOUT_MINUTES);
            return minutes * 60_000L;
        } catch (NumberFormatException e) {
            validation.check(false, "timeout_minutes", "must be a whole number of minutes");
            return null;
        }
    }

    private String pretty(Map<String, Object> value) {
        return value == null || value.isEmpty() ? null : dashboardJson.pretty(value);
    }

    /** The problem's fields, with the API's {@code timeout_ms} shown beside the form's minutes. */
    private static Map<String, String> fieldErrors(DashboardProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>(problem.fields());
        if (errors.containsKey("timeout_ms")) {
            errors.putIfAbsent("timeout_minutes", errors.remove("timeout_ms"));
        }
        return errors;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
