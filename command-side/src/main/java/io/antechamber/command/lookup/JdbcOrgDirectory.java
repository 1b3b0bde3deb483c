package io.antechamber.command.lookup;

import io.antechamber.events.common.Actor;
import io.antechamber.events.common.OrgId;
import io.antechamber.events.identity.OrganizationCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code org_directory} table (org → owner); membership comes from the credentials of the org. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcOrgDirectory implements OrgDirectory {

    private final JdbcTemplate jdbc;

    public JdbcOrgDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean exists(OrgId orgId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM org_directory WHERE org_id = ?)",
                Boolean.class, orgId.value()));
    }

    @Override
    public boolean hasActiveMember(OrgId orgId, Actor actor) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM credentials WHERE actor_id = ? "
                + "AND actor_type = ? AND org_id = ? AND active)", Boolean.class, actor.id(), actor.type().name(),
                orgId.value()));
    }

    @EventHandler
    void on(OrganizationCreated e) {
        jdbc.update("INSERT INTO org_directory (org_id, owner_id) VALUES (?, ?)", e.orgId().value(),
                e.ownerId().value());
    }
}
