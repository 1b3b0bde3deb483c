package io.antechamber.api.dashboard.trust;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.dashboard.tasks.PersonRooms;
import io.antechamber.api.identity.AgentController;
import io.antechamber.api.identity.AgentJson;
import io.antechamber.api.dashboard.MemberRooms.MemberRoom;
import io.antechamber.api.room.RoomResolver;
import io.antechamber.api.trust.TrustController;
import io.antechamber.api.trust.TrustController.AgentTrustJson;
import io.antechamber.api.web.ApiException;
import io.antechamber.events.room.RoomState;
import io.antechamber.query.trust.TrustHistoryEntry;
import io.antechamber.query.trust.TrustView;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Trust at {@code /trust}: each agent's score in each of the person's rooms, and at {@code /trust/{room}/{agent}} the
 * score's history as a chart and a table, with the check-ins that moved it. Read through the API's trust controller.
 */
@DashboardController
public class TrustPages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PersonRooms personRooms;
    private final TrustController trust;
    private final AgentController agents;
    private final RoomResolver rooms;

    public TrustPages(PersonRooms personRooms, TrustController trust, AgentController agents, RoomResolver rooms) {
        this.personRooms = personRooms;
        this.trust = trust;
        this.agents = agents;
        this.rooms = rooms;
    }

    /** One agent's standing in a room, as the list shows it. */
    public record Row(String agentId, String agentName, String score, long total, long approved, long rejected,
            long modified, long expired, String updated) {
    }

    public record RoomTrust(MemberRoom room, List<Row> rows) {
    }

    /** One adjustment as the history table shows it. */
    public record Change(int index, String at, String checkInId, String outcome, String delta, String scoreAfter) {
    }

    @GetMapping("/trust")
    public ModelAndView list(HttpServletRequest request, @RequestParam(required = false) String room) {
        Caller caller = SignedIn.of(request).caller();
        Map<String, String> names = new HashMap<>();
        List<RoomTrust> sections = new ArrayList<>();
        for (MemberRoom r : personRooms.filtered(caller, room)) {
            List<Row> rows = new ArrayList<>();
            for (TrustView v : trust.room(caller, r.id()).data()) {
                rows.add(new Row(v.agentId(), names.computeIfAbsent(v.agentId(), id -> name(caller, id)),
                        TrustChart.score(v.score()), v.totalCheckIns(), v.approvedCount(), v.rejectedCount(),
                        v.modifiedCount(), v.expiredCount(), v.updatedAt() == null ? null : TIME.format(v.updatedAt())));
            }
            sections.add(new RoomTrust(r, rows));
        }
        ModelAndView page = new ModelAndView("trust/list");
        page.addObject("rooms", personRooms.of(caller));
        page.addObject("filter", room == null || room.isBlank() ? null : room);
        page.addObject("sections", sections);
        return page;
    }

    @GetMapping("/trust/{room}/{agent}")
    public ModelAndView agent(HttpServletRequest request, @PathVariable String room, @PathVariable String agent) {
        Caller caller = SignedIn.of(request).caller();
        RoomState target = rooms.resolve(caller, room);
        AgentJson who = agents.get(caller, agent).data();
        AgentTrustJson standing = trust.agent(caller, target.id().value(), who.id()).data();
        List<Change> changes = new ArrayList<>();
        int i = 0;
        for (TrustHistoryEntry e : standing.history()) {
            changes.add(new Change(++i, TIME.format(e.at()), e.checkInId(), e.outcome(), TrustChart.signed(e.delta()),
                    TrustChart.score(e.scoreAfter())));
        }
        ModelAndView page = new ModelAndView("trust/agent");
        page.addObject("room", target);
        page.addObject("live", personRooms.isMember(caller, target.id().value()));
        page.addObject("agent", who);
        page.addObject("standing", standing);
        page.addObject("score", TrustChart.score(standing.score()));
        page.addObject("changes", changes);
        page.addObject("chart", TrustChart.of(who.name(), target.name(), standing.history(),
                target.policy().trustThresholds()));
        return page;
    }

    /** The agent's name, or its id when the org no longer lists it. */
    private String name(Caller caller, String agentId) {
        try {
            return agents.get(caller, agentId).data().name();
        } catch (ApiException e) {
            return agentId;
        }
    }
}
