package io.antechamber.query.agent;

import io.antechamber.events.identity.AgentState;
import io.antechamber.events.query.FindAgent;
import io.antechamber.events.query.FindAgents;
import io.antechamber.query.support.KeysetPages;
import io.antechamber.query.support.Page;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers agent queries from the agent view. */
@Component
public class AgentViewQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final KeysetPages pages;

    public AgentViewQueries(JdbcTemplate jdbc, ViewJson json, KeysetPages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    @QueryHandler
    public Optional<AgentState> handle(FindAgent query) {
        return jdbc.query("SELECT state FROM agent_view WHERE id = ? AND org_id = ?",
                (rs, i) -> json.read(rs.getString(1), AgentState.class), query.agentId().value(),
                query.orgId().value()).stream().findFirst();
    }

    /** Declared raw: Axon matches query response types by class, and {@code Page<X>} is not {@code Page}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindAgents query) {
        return pages.fetch("agent_view WHERE org_id = ?", List.of(query.orgId().value()), query.page(),
                AgentState.class);
    }
}
