package io.antechamber.query.delivery;

import io.antechamber.events.common.WireEnums;
import io.antechamber.events.delivery.DeliveryLogEntry;
import io.antechamber.events.query.FindDeliveries;
import io.antechamber.events.query.FindDelivery;
import io.antechamber.query.support.Cursor;
import io.antechamber.query.support.Page;
import io.antechamber.query.support.Timestamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers the delivery log: a watcher's deliveries newest first, by keyset on (created_at, id) descending. */
@Component
public class DeliveryViewQueries {

    private final JdbcTemplate jdbc;

    public DeliveryViewQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<DeliveryLogEntry> handle(FindDelivery query) {
        return jdbc.query("SELECT " + DeliveryViewRows.COLUMNS + " FROM webhook_delivery_view WHERE id = ? "
                        + "AND org_id = ?", (rs, i) -> DeliveryViewRows.entry(rs), query.deliveryId().value(),
                query.orgId().value()).stream().findFirst();
    }

    /** Declared raw: Axon matches query response types by class, and {@code Page<X>} is not {@code Page}. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindDeliveries query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(DeliveryViewRows.COLUMNS)
                .append(" FROM webhook_delivery_view WHERE watcher_id = ? AND org_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.watcherId().value(), query.orgId().value()));
        if (query.status() != null) {
            sql.append(" AND status = ?");
            args.add(WireEnums.wire(query.status()));
        }
        Cursor.decode(query.page().cursor()).ifPresent(after -> {
            sql.append(" AND (created_at, id) < (?, ?)");
            args.add(Timestamps.of(after.createdAt()));
            args.add(after.id());
        });
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        args.add(query.page().limit() + 1);
        List<DeliveryLogEntry> rows = jdbc.query(sql.toString(), (rs, i) -> DeliveryViewRows.entry(rs),
                args.toArray());
        return Page.of(rows, query.page().limit(), row -> row,
                row -> new Cursor(row.createdAt(), row.id().value()));
    }
}
