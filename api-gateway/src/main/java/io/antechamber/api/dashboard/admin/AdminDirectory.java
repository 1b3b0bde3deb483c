package io.antechamber.api.dashboard.admin;

import io.antechamber.api.auth.Caller;
import io.antechamber.api.identity.AgentController;
import io.antechamber.api.identity.AgentJson;
import io.antechamber.api.identity.HumanController;
import io.antechamber.api.identity.HumanJson;
import io.antechamber.api.room.RoomController;
import io.antechamber.api.room.RoomJson;
import io.antechamber.api.web.ListData;
import io.antechamber.api.web.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * The org's humans, agents and rooms for the admin pages, read whole through the API's own list endpoints (page after
 * page): an org's directory is small, and the pages need it to name members and fill pickers.
 */
@Component
public class AdminDirectory {

    private final HumanController humans;
    private final AgentController agents;
    private final RoomController rooms;

    public AdminDirectory(HumanController humans, AgentController agents, RoomController rooms) {
        this.humans = humans;
        this.agents = agents;
        this.rooms = rooms;
    }

    public List<HumanJson> humans(Caller caller) {
        return all((limit, cursor) -> humans.list(caller, limit, cursor));
    }

    public List<AgentJson> agents(Caller caller) {
        return all((limit, cursor) -> agents.list(caller, limit, cursor));
    }

    public List<RoomJson> rooms(Caller caller) {
        return all((limit, cursor) -> rooms.list(caller, limit, cursor));
    }

    /** Display names by actor id (humans and agents), for member lists. */
    public Map<String, String> names(Caller caller) {
        Map<String, String> names = new LinkedHashMap<>();
        humans(caller).forEach(h -> names.put(h.id(), h.name()));
        agents(caller).forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    private static <T> List<T> all(BiFunction<Integer, String, ListData<T>> page) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            ListData<T> next = page.apply(Pages.MAX_LIMIT, cursor);
            items.addAll(next.data());
            cursor = next.hasMore() ? next.cursor() : null;
        } while (cursor != null);
        return items;
    }
}
