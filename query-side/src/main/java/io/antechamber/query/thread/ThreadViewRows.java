package io.antechamber.query.thread;

import io.antechamber.events.checkin.ThreadMessage;
import io.antechamber.events.common.OrgId;
import io.antechamber.query.support.Timestamps;
import io.antechamber.query.support.ViewJson;

/** How a thread message becomes a row of {@code thread_messages}: one statement for the projection and the rebuild. */
final class ThreadViewRows {

    private static final String COLUMNS = "id, check_in_id, org_id, created_at, state";

    static final String INSERT = "INSERT INTO thread_messages (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?::json) "
            + "ON CONFLICT (id) DO NOTHING";

    static final String COPY = "COPY thread_messages (" + COLUMNS + ") FROM STDIN";

    private ThreadViewRows() {
    }

    static Object[] row(ThreadMessage message, OrgId orgId, ViewJson json) {
        return new Object[] {message.id().value(), message.checkInId().value(), orgId.value(),
                Timestamps.of(message.createdAt()), json.write(message)};
    }
}
