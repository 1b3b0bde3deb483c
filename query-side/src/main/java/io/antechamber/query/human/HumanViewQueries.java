package io.antechamber.query.human;

import io.antechamber.events.identity.HumanState;
import io.antechamber.events.query.FindHuman;
import io.antechamber.events.query.FindHumans;
import io.antechamber.query.support.KeysetPages;
import io.antechamber.query.support.Page;
import io.antechamber.query.support.ViewJson;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers human queries from the human view. */
@Component
public class HumanViewQueries {

    private final JdbcTemplate jdbc;
    private final ViewJson json;
    private final KeysetPages pages;

    public HumanViewQueries(JdbcTemplate jdbc, ViewJson json, KeysetPages pages) {
        this.jdbc = jdbc;
        this.json = json;
        this.pages = pages;
    }

    @QueryHandler
    public Optional<HumanState> handle(FindHuman query) {
        return jdbc.query("SELECT state FROM human_view WHERE id = ? AND org_id = ?",
                (rs, i) -> json.read(rs.getString(1), HumanState.class), query.humanId().value(),
                query.orgId().value()).stream().findFirst();
    }

    /** Declared raw: Axon matches query response types by class, and {@code Page<X>} is not {@code Page}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindHumans query) {
        return pages.fetch("human_view WHERE org_id = ?", List.of(query.orgId().value()), query.page(),
                HumanState.class);
    }
}
