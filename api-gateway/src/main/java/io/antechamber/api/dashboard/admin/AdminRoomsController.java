package io.antechamber.api.dashboard.admin;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.OrgAdmin;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.room.RoomController;
import io.antechamber.api.room.RoomController.AddMemberRequest;
import io.antechamber.api.room.RoomController.CreateRoomRequest;
import io.antechamber.api.room.RoomJson;
import io.antechamber.api.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/rooms}: the org's rooms, creating one, and each room's members (humans and agents) added and removed,
 * through {@link RoomController}.
 */
@DashboardController
@OrgAdmin
public class AdminRoomsController {

    private final RoomController rooms;
    private final AdminDirectory directory;

    public AdminRoomsController(RoomController rooms, AdminDirectory directory) {
        this.rooms = rooms;
        this.directory = directory;
    }

    @GetMapping("/admin/rooms")
    public String list(HttpServletRequest request, Model model) {
        return roomsPage(SignedIn.of(request).caller(), model);
    }

    @PostMapping("/admin/rooms")
    public String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String description, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        RoomJson room;
        try {
            room = rooms.create(caller, new CreateRoomRequest(name.strip(), slug.strip(),
                    description.isBlank() ? null : description.strip())).data();
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            model.addAttribute("form", new CreateForm(name, slug, description));
            return roomsPage(caller, model);
        }
        return "redirect:/admin/rooms/" + room.id();
    }

    @GetMapping("/admin/rooms/{room}")
    public String room(@PathVariable String room, HttpServletRequest request, Model model) {
        return roomPage(SignedIn.of(request).caller(), room, model);
    }

    /** {@code member} is {@code human:<id>} or {@code agent:<id>}, as the page's picker offers them. */
    @PostMapping("/admin/rooms/{room}/members")
    public String addMember(@PathVariable String room, @RequestParam(defaultValue = "") String member,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        RoomJson target = rooms.get(caller, room).data();
        try {
            rooms.addMember(caller, target.id(), memberRequest(member));
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            return roomPage(caller, target.id(), model);
        }
        return "redirect:/admin/rooms/" + target.id();
    }

    @PostMapping("/admin/rooms/{room}/members/{memberId}/remove")
    public String removeMember(@PathVariable String room, @PathVariable String memberId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Caller caller = SignedIn.of(request).caller();
        RoomJson target = rooms.get(caller, room).data();
        try {
            rooms.removeMember(caller, target.id(), memberId);
        } catch (RuntimeException e) {
            AdminPages.refusal(e, response, model);
            return roomPage(caller, target.id(), model);
        }
        return "redirect:/admin/rooms/" + target.id();
    }

    private static AddMemberRequest memberRequest(String member) {
        if (member.startsWith("human:")) {
            return new AddMemberRequest(null, member.substring("human:".length()));
        }
        if (member.startsWith("agent:")) {
            return new AddMemberRequest(member.substring("agent:".length()), null);
        }
        throw ApiException.invalid("member", "choose a human or an agent");
    }

    private String roomsPage(Caller caller, Model model) {
        model.addAttribute("rooms", directory.rooms(caller));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CreateForm("", "", ""));
        }
        return "admin/rooms";
    }

    private String roomPage(Caller caller, String room, Model model) {
        RoomJson found = rooms.get(caller, room).data();
        model.addAttribute("room", found);
        model.addAttribute("names", directory.names(caller));
        model.addAttribute("humans", directory.humans(caller).stream()
                .filter(h -> "active".equals(h.status()))
                .filter(h -> found.members().stream().noneMatch(m -> m.id().equals(h.id()))).toList());
        model.addAttribute("agents", directory.agents(caller).stream()
                .filter(a -> "active".equals(a.status()))
                .filter(a -> found.members().stream().noneMatch(m -> m.id().equals(a.id()))).toList());
        return "admin/room";
    }

    /** What the create form shows again after a refusal. */
    public record CreateForm(String name, String slug, String description) {
    }
}
