package io.antechamber.command.lookup;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the {@code credentials} lookup, which holds each human's role and whether the human is active. */
@Component
public class JdbcOrgAdmins implements OrgAdmins {

    private final JdbcTemplate jdbc;

    public JdbcOrgAdmins(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean isAdmin(OrgId orgId, Actor actor) {
        return actor.isHuman() && Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM credentials "
                + "WHERE org_id = ? AND actor_id = ? AND actor_type = 'HUMAN' AND role = 'ADMIN' AND active)",
                Boolean.class, orgId.value(), actor.id()));
    }
}
