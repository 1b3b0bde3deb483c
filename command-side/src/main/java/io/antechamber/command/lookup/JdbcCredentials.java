package io.antechamber.command.lookup;

import io.antechamber.events.common.ActorType;
import io.antechamber.events.identity.AgentClaimed;
import io.antechamber.events.identity.AgentDeactivated;
import io.antechamber.events.identity.AgentKeyRotated;
import io.antechamber.events.identity.AgentRegistered;
import io.antechamber.events.identity.AgentSelfRegistered;
import io.antechamber.events.identity.HumanAdded;
import io.antechamber.events.identity.OrganizationCreated;
import io.antechamber.events.identity.UnclaimedAgentRemoved;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code credentials} table: key hash → holder, written in the transaction of the identity events. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcCredentials implements Credentials {

    private final JdbcTemplate jdbc;

    public JdbcCredentials(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Credential> findByKeyHash(String keyHash) {
        return jdbc.query("SELECT actor_type, actor_id, org_id, name, active FROM credentials WHERE key_hash = ?",
                (rs, i) -> new Credential(ActorType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5)), keyHash).stream().findFirst();
    }

    @EventHandler
    void on(OrganizationCreated e) {
        insert(e.ownerKeyHash(), ActorType.HUMAN, e.ownerId().value(), e.orgId().value(), e.ownerName(), true);
    }

    @EventHandler
    void on(HumanAdded e) {
        insert(e.keyHash(), ActorType.HUMAN, e.humanId().value(), e.orgId().value(), e.name(), true);
    }

    @EventHandler
    void on(AgentRegistered e) {
        insert(e.keyHash(), ActorType.AGENT, e.agentId().value(), e.orgId().value(), e.name(), true);
    }

    @EventHandler
    void on(AgentSelfRegistered e) {
        insert(e.keyHash(), ActorType.AGENT, e.agentId().value(), null, e.name(), true);
    }

    @EventHandler
    void on(AgentClaimed e) {
        jdbc.update("UPDATE credentials SET org_id = ? WHERE actor_id = ?", e.orgId().value(), e.agentId().value());
    }

    @EventHandler
    void on(AgentKeyRotated e) {
        jdbc.update("UPDATE credentials SET key_hash = ? WHERE actor_id = ?", e.keyHash(), e.agentId().value());
    }

    @EventHandler
    void on(AgentDeactivated e) {
        jdbc.update("UPDATE credentials SET active = false WHERE actor_id = ?", e.agentId().value());
    }

    @EventHandler
    void on(UnclaimedAgentRemoved e) {
        jdbc.update("DELETE FROM credentials WHERE actor_id = ?", e.agentId().value());
    }

    private void insert(String keyHash, ActorType type, String actorId, String orgId, String name, boolean active) {
        jdbc.update("INSERT INTO credentials (key_hash, actor_type, actor_id, org_id, name, active) "
                + "VALUES (?, ?, ?, ?, ?, ?)", keyHash, type.name(), actorId, orgId, name, active);
    }
}
