package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.identity.AgentClaimed;
import io.antechamber.events.identity.AgentSelfRegistered;
import io.antechamber.events.identity.UnclaimedAgentRemoved;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@code agent_claim_tokens} table: claim-token hash → self-registered agent, with when it registered and whether
 * it was claimed. A claimed token stays, so a second claim is a conflict, not a miss; the token of an agent removed
 * unclaimed goes, so claiming with it is a miss.
 */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcClaimTokens implements ClaimTokens, UnclaimedAgents {

    private final JdbcTemplate jdbc;

    public JdbcClaimTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AgentId> agentFor(String claimTokenHash) {
        return jdbc.queryForList("SELECT agent_id FROM agent_claim_tokens WHERE token_hash = ?", String.class,
                claimTokenHash).stream().findFirst().map(AgentId::new);
    }

    @Override
    public List<Registration> registeredBefore(Instant cutoff, Registration after, int limit) {
        Timestamp afterAt = Timestamp.from(after == null ? Instant.EPOCH : after.registeredAt());
        String afterId = after == null ? "" : after.agentId().value();
        return jdbc.query("SELECT agent_id, registered_at FROM agent_claim_tokens "
                        + "WHERE NOT claimed AND registered_at < ? AND (registered_at, agent_id) > (?, ?) "
                        + "ORDER BY registered_at, agent_id LIMIT ?",
                (rs, i) -> new Registration(new AgentId(rs.getString(1)), rs.getTimestamp(2).toInstant()),
                Timestamp.from(cutoff), afterAt, afterId, limit);
    }

    @EventHandler
    void on(AgentSelfRegistered e) {
        jdbc.update("INSERT INTO agent_claim_tokens (token_hash, agent_id, registered_at, claimed) "
                + "VALUES (?, ?, ?, false)", e.claimTokenHash(), e.agentId().value(), Timestamp.from(e.at()));
    }

    @EventHandler
    void on(AgentClaimed e) {
        jdbc.update("UPDATE agent_claim_tokens SET claimed = true WHERE agent_id = ?", e.agentId().value());
    }

    @EventHandler
    void on(UnclaimedAgentRemoved e) {
        jdbc.update("DELETE FROM agent_claim_tokens WHERE agent_id = ?", e.agentId().value());
    }
}
