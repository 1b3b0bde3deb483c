package io.antechamber.api.dashboard;

import io.antechamber.api.auth.Caller;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rooms a signed-in person is a member of, read from the room view: what the dashboard's live stream follows and
 * the inbox lists; and the agents in them, for the inbox's filter. An org admin acts in every room of the org, but
 * their inbox, task board and trust pages cover only the rooms they joined: {@code ?room=} naming another room is
 * refused there (the inbox answers 400, tasks and trust 404). Only {@code /events?room=} and a room's policy page
 * admit an admin to any room of the org.
 */
@Component
public class MemberRooms {

    /** A room as the dashboard names it. */
    public record MemberRoom(String id, String slug, String name) {
    }

    /** An agent as the dashboard names it. */
    public record MemberAgent(String id, String name) {
    }

    private final JdbcTemplate jdbc;

    public MemberRooms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's rooms in their org, by slug. */
    public List<MemberRoom> of(Caller caller) {
        return jdbc.query("SELECT id, slug, state->>'name' AS name FROM room_view WHERE org_id = ? "
                        + "AND (state->'members')::jsonb @> jsonb_build_array(jsonb_build_object('actor', "
                        + "jsonb_build_object('type', ?::text, 'id', ?::text))) ORDER BY slug, id",
                (rows, n) -> new MemberRoom(rows.getString("id"), rows.getString("slug"), rows.getString("name")),
                caller.orgId().value(), caller.actor().type().name().toLowerCase(Locale.ROOT), caller.id());
    }

    /** The agents that are members of these rooms of the caller's org, by name. */
    public List<MemberAgent> agentsIn(Caller caller, Collection<String> roomIds) {
        if (roomIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement("SELECT a.id, a.state->>'name' AS name "
                    + "FROM agent_view a WHERE a.org_id = ? AND a.id IN (SELECT m->'actor'->>'id' FROM room_view r, "
                    + "json_array_elements(r.state->'members') m WHERE r.id = ANY (?) AND r.org_id = ? "
                    + "AND m->'actor'->>'type' = 'agent') ORDER BY name, a.id");
            statement.setString(1, caller.orgId().value());
            statement.setArray(2, con.createArrayOf("text", roomIds.toArray()));
            statement.setString(3, caller.orgId().value());
            return statement;
        }, (rows, n) -> new MemberAgent(rows.getString("id"), rows.getString("name")));
    }
}
