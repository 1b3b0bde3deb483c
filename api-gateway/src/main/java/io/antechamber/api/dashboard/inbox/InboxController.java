package io.antechamber.api.dashboard.inbox;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.MemberRooms;
import io.antechamber.api.dashboard.MemberRooms.MemberAgent;
import io.antechamber.api.dashboard.MemberRooms.MemberRoom;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.dashboard.TimeLeft;
import io.antechamber.api.web.ApiException;
import io.antechamber.events.checkin.CheckInState;
import io.antechamber.events.policy.RiskLevel;
import io.antechamber.query.checkin.PendingCheckInQueries;
import io.antechamber.query.checkin.PendingCheckInQueries.Filter;
import io.antechamber.query.checkin.PendingCheckInQueries.Order;
import io.antechamber.query.support.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reviewer's inbox at {@code /} (docs/dashboard.md "Inbox"): the pending check-ins of the rooms they are a member
 * of, newest first (or longest waiting first), filtered by room, risk and agent, a page at a time; the list refreshes
 * itself ({@code /inbox/list}) on the person's live stream.
 */
@DashboardController
public class InboxController {

    /** Rows per page: a screenful on a desktop, a few swipes on a phone. */
    static final int PAGE_SIZE = 30;

    private final PendingCheckInQueries pending;
    private final MemberRooms memberRooms;

    public InboxController(PendingCheckInQueries pending, MemberRooms memberRooms) {
        this.pending = pending;
        this.memberRooms = memberRooms;
    }

    /** One row of the list, ready to show. */
    public record Row(String id, String action, String roomSlug, String agent, String risk, String urgency,
            String timeLeft, Instant expiresAt, String age, Instant createdAt) {
    }

    @GetMapping("/")
    public String inbox(@RequestParam(required = false) String room, @RequestParam(required = false) String risk,
            @RequestParam(required = false) String agent, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
        fill(room, risk, agent, sort, cursor, request, model);
        return "inbox/inbox";
    }

    /** The list alone, for the page's live refresh. */
    @GetMapping("/inbox/list")
    public String list(@RequestParam(required = false) String room, @RequestParam(required = false) String risk,
            @RequestParam(required = false) String agent, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
        fill(room, risk, agent, sort, cursor, request, model);
        return "inbox/inbox :: list";
    }

    private void fill(String room, String risk, String agent, String sort, String cursor, HttpServletRequest request,
            Model model) {
        Caller caller = SignedIn.of(request).caller();
        List<MemberRoom> rooms = memberRooms.of(caller);
        List<String> roomIds = rooms.stream().map(MemberRoom::id).toList();
        String roomFilter = blankToNull(room);
        if (roomFilter != null && !roomIds.contains(roomFilter)) {
            throw ApiException.invalid("room", "is not one of your rooms");
        }
        List<MemberAgent> agents = memberRooms.agentsIn(caller, roomIds);
        String agentFilter = blankToNull(agent);
        if (agentFilter != null && agents.stream().noneMatch(a -> a.id().equals(agentFilter))) {
            throw ApiException.invalid("agent", "is not an agent of your rooms");
        }
        RiskLevel riskFilter = enumOf(RiskLevel.class, "risk", risk);
        Order order = "oldest".equals(sort) ? Order.OLDEST : Order.NEWEST;
        Page<CheckInState> page;
        try {
            page = pending.pending(caller.orgId(), new Filter(roomFilter == null ? roomIds : List.of(roomFilter),
                    riskFilter, agentFilter, order, blankToNull(cursor), PAGE_SIZE));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "is not a cursor of this list; start again from the first page");
        }
        Map<String, String> slugs = rooms.stream().collect(Collectors.toMap(MemberRoom::id, MemberRoom::slug));
        Map<String, String> agentNames = agents.stream()
                .collect(Collectors.toMap(MemberAgent::id, MemberAgent::name, (a, b) -> a));
        Instant now = Instant.now();
        List<Row> rows = page.items().stream().map(s -> row(s, slugs, agentNames, now)).toList();

        model.addAttribute("rooms", rooms);
        model.addAttribute("agents", agents);
        model.addAttribute("risks", Arrays.stream(RiskLevel.values()).map(RiskLevel::wire).toList());
        model.addAttribute("room", roomFilter);
        model.addAttribute("risk", riskFilter == null ? null : riskFilter.wire());
        model.addAttribute("agent", agentFilter);
        model.addAttribute("sort", order == Order.OLDEST ? "oldest" : "newest");
        model.addAttribute("rows", rows);
        model.addAttribute("firstPage", blankToNull(cursor) == null);
        Function<String, String> link = next -> UriComponentsBuilder.fromPath("/")
                .queryParamIfPresent("room", Optional.ofNullable(roomFilter))
                .queryParamIfPresent("risk", Optional.ofNullable(riskFilter).map(RiskLevel::wire))
                .queryParamIfPresent("agent", Optional.ofNullable(agentFilter))
                .queryParamIfPresent("sort", order == Order.OLDEST ? Optional.of("oldest")
                        : Optional.empty())
                .queryParamIfPresent("cursor", Optional.ofNullable(next))
                .encode().build().toUriString();
        model.addAttribute("firstPageLink", link.apply(null));
        model.addAttribute("nextPageLink", page.nextCursor() == null ? null : link.apply(page.nextCursor()));
        String self = link.apply(blankToNull(cursor));
        model.addAttribute("listLink", "/inbox/list" + self.substring(1));
        model.addAttribute("eventsLink", roomFilter == null ? "/events"
                : UriComponentsBuilder.fromPath("/events").queryParam("room", roomFilter).encode().build()
                        .toUriString());
    }

    private static Row row(CheckInState s, Map<String, String> slugs, Map<String, String> agentNames, Instant now) {
        String agentId = s.createdBy() == null ? null : s.createdBy().id();
        return new Row(s.id().value(), s.action(), slugs.getOrDefault(s.roomId().value(), s.roomId().value()),
                agentId == null ? null : agentNames.getOrDefault(agentId, agentId),
                s.riskLevel() == null ? null : s.riskLevel().wire(),
                s.urgency() == null ? null : s.urgency().wire(), TimeLeft.until(s.expiresAt(), now), s.expiresAt(),
                TimeLeft.since(s.createdAt(), now), s.createdAt());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String field, String wire) {
        String value = blankToNull(wire);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
