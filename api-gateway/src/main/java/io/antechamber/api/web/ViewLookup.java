package io.antechamber.api.web;

import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Reads one resource from its view. The views commit with the events that change them (ADR 0017), so a miss is
 * final: whatever a client was told exists is already in the view, on every replica.
 */
@Component
public class ViewLookup {

    private final QueryGateway queries;

    public ViewLookup(QueryGateway queries) {
        this.queries = queries;
    }

    /** The one answer of {@code query}, or 404 naming {@code what}. */
    public <T> T one(Object query, Class<T> type, String what) {
        return find(query, type).orElseThrow(() -> ApiException.notFound(what));
    }

    /** The one answer of {@code query}, if any: for a filter, where a missing resource is a bad value, not a 404. */
    public <T> Optional<T> find(Object query, Class<T> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type)).join();
    }
}
