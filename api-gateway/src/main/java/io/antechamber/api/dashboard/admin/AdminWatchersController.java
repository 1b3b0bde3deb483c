package io.antechamber.api.dashboard.admin;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.dashboard.DashboardController;
import io.antechamber.api.dashboard.OrgAdmin;
import io.antechamber.api.dashboard.SignedIn;
import io.antechamber.api.room.RoomController;
import io.antechamber.api.room.RoomJson;
import io.antechamber.api.watcher.WatcherController;
import io.antechamber.api.watcher.WatcherJson;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.Pages;
import io.antechamber.api.webhook.DeliveryController;
import io.antechamber.api.webhook.DeliveryJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/watchers}: every watcher of the org, room by room, with its status; one watcher's delivery log, a
 * retry of a failed or dead delivery, re-enabling a disabled watcher and removing one, through
 * {@link WatcherController} and {@link DeliveryController}. No secret is ever shown: the pages offer no registration
 * or rotation, which stay with the API (where the secret is answered once to whoever asked).
 */
@DashboardController
@OrgAdmin
public class AdminWatchersController {

    private final WatcherController watchers;
    private final DeliveryController deliveries;
    private final RoomController rooms;
    private final AdminDirectory directory;

    public AdminWatchersController(WatcherController watchers, DeliveryController deliveries, RoomController rooms,
            AdminDirectory directory) {
        this.watchers = watchers;
        this.rooms = rooms;
        this.deliveries = deliveries;
        this.directory = directory;
    }

    /** A room and its watchers (all of them, page after page). */
    public record RoomWatchers(RoomJson room, List<WatcherJson> watchers) {
    }

    /** {@code ?room=} (an id or slug) shows one room's watchers only. */
    @GetMapping("/admin/watchers")
    public String list(@RequestParam(required = false) String room, HttpServletRequest request, Model model) {
        Caller caller = SignedIn.of(request).caller();
        List<RoomJson> shown = room == null || room.isBlank() ? directory.rooms(caller)
                : List.of(rooms.get(caller, room).data());
        List<RoomWatchers> found = new ArrayList<>();
        for (RoomJson each : shown) {
            List<WatcherJson> ofRoom = new ArrayList<>();
            String cursor = null;
            do {
                ListData<WatcherJson> page = watchers.list(caller, each.id(), Pages.MAX_LIMIT, cursor);
                ofRoom.addAll(page.data());
                cursor = page.hasMore() ? page.cursor() : null;
            } while (cursor != null);
            found.add(new RoomWatchers(each, ofRoom));
        }
        model.addAttribute("rooms", found);
        model.addAttribute("names", directory.names(caller));
        return "admin/watchers";
    }

    /** The watcher and a page of its delivery log, newest first, optionally of one status. */
    @GetMapping("/admin/watchers/{id}")
    public String watcher(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String retried,
            HttpServletRequest request, Model model) {
        Caller caller = SignedIn.of(request).caller();
        WatcherJson watcher = watchers.get(caller, id).data();
        String wanted = status == null || status.isBlank() ? null : status;
        ListData<DeliveryJson> log = deliveries.list(caller, watcher.id(), wanted, Pages.DEFAULT_LIMIT,
                cursor == null || cursor.isBlank() ? null : cursor);
        model.addAttribute("watcher", watcher);
        model.addAttribute("deliveries", log);
        model.addAttribute("status", wanted);
        model.addAttribute("retried", retried);
        model.addAttribute("names", directory.names(caller));
        model.addAttribute("statuses", List.of("pending", "delivered", "failed", "dead", "cancelled"));
        return "admin/watcher";
    }

    /** Sends a failed or dead delivery again now; 409 (shown as a page) for any other, or a disabled watcher. */
    @PostMapping("/admin/watchers/{id}/deliveries/{deliveryId}/retry")
    public String retry(@PathVariable String id, @PathVariable String deliveryId, HttpServletRequest request) {
        Caller caller = SignedIn.of(request).caller();
        DeliveryJson retried = deliveries.retry(caller, id, deliveryId).data();
        return "redirect:/admin/watchers/" + id + "?retried=" + retried.id();
    }

    @PostMapping("/admin/watchers/{id}/enable")
    public String enable(@PathVariable String id, HttpServletRequest request) {
        watchers.enable(SignedIn.of(request).caller(), id);
        return "redirect:/admin/watchers/" + id;
    }

    /** Removes the watcher: its pending deliveries are cancelled and it answers 404 from now on. */
    @PostMapping("/admin/watchers/{id}/remove")
    public String remove(@PathVariable String id, HttpServletRequest request) {
        watchers.remove(SignedIn.of(request).caller(), id);
        return "redirect:/admin/watchers";
    }
}
