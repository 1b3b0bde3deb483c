package io.antechamber.query.thread;

import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.events.common.OrgId;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;

/**
 * How a thread message becomes a row of {@code thread_messages}: the statements of the live handler and the rebuild
 * ({@code {thread_messages}} is the live table or its shadow). Plain columns, with JSON only for metadata and
 * attachments, and none written for the empty ones most system messages have: serializing a whole document per
 * message was a third of the view's rebuild.
 */
final class ThreadViewRows {

    static final String TABLE = "thread_messages";

    static final String COLUMNS = "check_in_id, created_at, id, org_id, type, author_type, author_id, content, "
            + "metadata, attachments";

    static final String INSERT = "INSERT INTO {thread_messages} (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::json, ?::json) ON CONFLICT DO NOTHING";

    static final String COPY = "COPY {thread_messages} (" + COLUMNS + ") FROM STDIN";

    private ThreadViewRows() {
    }

    static Object[] row(ThreadMessage message, OrgId orgId, ViewJson json) {
        return new Object[] {message.checkInId().value(), Timestamps.of(message.createdAt()), message.id().value(),
                orgId.value(), message.type().wire(), message.author().type().wire(), message.author().id(),
                message.content(), message.metadata().isEmpty() ? "{}" : json.write(message.metadata()),
                message.attachments().isEmpty() ? "[]" : json.write(message.attachments())};
    }
}
