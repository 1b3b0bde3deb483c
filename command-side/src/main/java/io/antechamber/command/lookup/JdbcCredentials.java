package io.antechamber.command.lookup;

import io.antechamber.events.common.ActorType;
import io.antechamber.events.identity.AgentClaimed;
import io.antechamber.events.identity.AgentDeactivated;
import io.antechamber.events.identity.AgentKeyRotated;
import io.antechamber.events.identity.AgentRegistered;
import io.antechamber.events.identity.AgentSelfRegistered;
import io.antechamber.events.identity.HumanAdded;
import io.antechamber.events.identity.HumanDeactivated;
import io.antechamber.events.identity.HumanKeyRotated;
import io.antechamber.events.identity.HumanRole;
import io.antechamber.events.identity.HumanRoleChanged;
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
        return jdbc.query("SELECT actor_type, actor_id, org_id, name, active, role FROM credentials "
                + "WHERE key_hash = ?",
                (rs, i) -> new Credential(ActorType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6) == null ? null
                                : HumanRole.valueOf(rs.getString(6))), keyHash).stream().findFirst();
    }

    @EventHandler
    void on(OrganizationCreated e) {
        insert(e.ownerKeyHash(), ActorType.HUMAN, e.ownerId().value(), e.orgId().value(), e.ownerName(),
                HumanRole.ADMIN);
    }

    @EventHandler
    void on(HumanAdded e) {
        insert(e.keyHash(), ActorType.HUMAN, e.humanId().value(), e.orgId().value(), e.name(), e.role());
    }

    /** Every later request with this key sees the new role: the row changes in the command's own transaction. */
    @EventHandler
    void on(HumanRoleChanged e) {
        jdbc.update("UPDATE credentials SET role = ? WHERE actor_id = ?", e.role().name(), e.humanId().value());
    }

    /** The old key stops working when the rotation commits: its hash is no longer in the table. */
    @EventHandler
    void on(HumanKeyRotated e) {
        jdbc.update("UPDATE credentials SET key_hash = ? WHERE actor_id = ?", e.keyHash(), e.humanId().value());
    }

    @EventHandler
    void on(HumanDeactivated e) {
        jdbc.update("UPDATE credentials SET active = false WHERE actor_id = ?", e.humanId().value());
    }

    @EventHandler
    void on(AgentRegistered e) {
        insert(e.keyHash(), ActorType.AGENT, e.agentId().value(), e.orgId().value(), e.name(), null);
    }

    @EventHandler
    void on(AgentSelfRegistered e) {
        insert(e.keyHash(), ActorType.AGENT, e.agentId().value(), null, e.name(), null);
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

    private void insert(String keyHash, ActorType type, String actorId, String orgId, String name, HumanRole role) {
        jdbc.update("INSERT INTO credentials (key_hash, actor_type, actor_id, org_id, name, active, role) "
                + "VALUES (?, ?, ?, ?, ?, true, ?)", keyHash, type.name(), actorId, orgId, name,
                role == null ? null : role.name());
    }
}
