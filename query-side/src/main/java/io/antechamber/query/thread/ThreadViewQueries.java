package io.antechamber.query.thread;

import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.events.query.FindThreadMessages;
import io.antechamber.query.support.KeysetPages;
import io.antechamber.query.support.Page;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers thread queries from the thread view; another org's messages are never found. */
@Component
public class ThreadViewQueries {

    private final KeysetPages pages;

    public ThreadViewQueries(KeysetPages pages) {
        this.pages = pages;
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindThreadMessages query) {
        return pages.fetch("thread_messages WHERE org_id = ? AND check_in_id = ?",
                List.of(query.orgId().value(), query.checkInId().value()), query.page(), ThreadMessage.class,
                message -> message.id().value());
    }
}
