package io.antechamber.api.web;

import io.antechamber.query.support.Page;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a list query and returns its page. Axon matches response types by raw class, so list handlers declare a raw
 * {@link Page}; the unchecked step lives here once instead of in every controller.
 */
@Component
public class PagedQueries {

    private final QueryGateway queries;

    public PagedQueries(QueryGateway queries) {
        this.queries = queries;
    }

    @SuppressWarnings("unchecked")
    public <T> Page<T> page(Object query) {
        return queries.query(query, ResponseTypes.instanceOf(Page.class)).join();
    }
}
