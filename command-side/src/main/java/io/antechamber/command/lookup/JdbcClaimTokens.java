package io.antechamber.command.lookup;

import io.antechamber.events.common.AgentId;
import io.antechamber.events.identity.AgentSelfRegistered;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code agent_claim_tokens} table: claim-token hash → self-registered agent. A claimed token stays, so a second claim is a conflict, not a miss. */
@Component
@ProcessingGroup(LookupTables.PROCESSING_GROUP)
public class JdbcClaimTokens implements ClaimTokens {

    private final JdbcTemplate jdbc;

    public JdbcClaimTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<AgentId> agentFor(String claimTokenHash) {
        return jdbc.queryForList("SELECT agent_id FROM agent_claim_tokens WHERE token_hash = ?", String.class,
                claimTokenHash).stream().findFirst().map(AgentId::new);
    }

    @EventHandler
    void on(AgentSelfRegistered e) {
        jdbc.update("INSERT INTO agent_claim_tokens (token_hash, agent_id) VALUES (?, ?)", e.claimTokenHash(),
                e.agentId().value());
    }
}
