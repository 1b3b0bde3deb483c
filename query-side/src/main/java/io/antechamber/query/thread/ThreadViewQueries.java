package io.antechamber.query.thread;

import io.antechamber.events.checkin.Attachment;
import io.antechamber.events.checkin.MessageType;
import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.events.common.Actor;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.CheckInId;
import io.antechamber.events.common.MessageId;
import io.antechamber.events.common.WireEnums;
import io.antechamber.events.query.FindThreadMessages;
import io.antechamber.query.support.KeysetPages;
import io.antechamber.query.support.Page;
import io.antechamber.query.support.ViewJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers thread queries from the thread view, oldest first by (created_at, id) like every list, a keyset page at a
 * time; another org's messages are never found.
 */
@Component
public class ThreadViewQueries {

    private final KeysetPages pages;
    private final ViewJson json;

    public ThreadViewQueries(KeysetPages pages, ViewJson json) {
        this.pages = pages;
        this.json = json;
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    public Page handle(FindThreadMessages query) {
        return pages.fetch(ThreadViewRows.COLUMNS, "thread_messages WHERE check_in_id = ? AND org_id = ?",
                List.of(query.checkInId().value(), query.orgId().value()), query.page(), (rs, i) -> message(rs));
    }

    @SuppressWarnings("unchecked")
    private ThreadMessage message(ResultSet rs) throws SQLException {
        return new ThreadMessage(new MessageId(rs.getString("id")), new CheckInId(rs.getString("check_in_id")),
                WireEnums.require(MessageType.class, rs.getString("type")),
                new Actor(WireEnums.require(ActorType.class, rs.getString("author_type")), rs.getString("author_id")),
                rs.getString("content"), json.read(rs.getString("metadata"), Map.class),
                List.of(json.read(rs.getString("attachments"), Attachment[].class)),
                rs.getTimestamp("created_at").toInstant());
    }
}
