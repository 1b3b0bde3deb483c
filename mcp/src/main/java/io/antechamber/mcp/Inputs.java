package io.antechamber.mcp;

import io.antechamber.client.Attachment;
import io.antechamber.client.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The arguments several tools share: their schemas, described for a model, and how each is read. */
final class Inputs {

    static final String ROOM = "room";
    static final String CHECK_IN_ID = "check_in_id";
    static final String WAIT_SECONDS = "wait_seconds";
    static final String METADATA = "metadata";
    static final String ATTACHMENTS = "attachments";
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    private static final int DEFAULT_LIMIT = 20;
    /** A slug ({@code [a-z0-9][a-z0-9-]*}) or a room id ({@code room_...}): never blank, never a path's "." or "..". */
    private static final String ROOM_PATTERN = "^[a-z0-9][a-z0-9_-]*$";

    private Inputs() {
    }

    static Map<String, Object> room() {
        return Schema.string("The room's slug (e.g. \"deploys\") or id (room_...). Call list_rooms to see the rooms "
                + "this agent is a member of.", 1, ApiLimits.ROOM_CHARS, ROOM_PATTERN);
    }

    static Map<String, Object> checkInId(String what) {
        return Schema.checkInId(what + " Ids look like ci_a1b2c3d4e5.");
    }

    static Map<String, Object> waitSeconds() {
        return Schema.integer("How long to wait for a decision, in seconds (0 to " + ApiLimits.MAX_WAIT_SECONDS
                + "). The call returns as soon as there is one; with none by then it returns status \"pending\" and "
                + "the check_in_id for await_decision.", 0, ApiLimits.MAX_WAIT_SECONDS, ApiLimits.MAX_WAIT_SECONDS);
    }

    static Map<String, Object> metadata(String what) {
        return Schema.freeObject(what + " Any JSON object up to 10 KiB.");
    }

    static Map<String, Object> attachments() {
        Map<String, Object> attachment = Schema.object(Schema.properties(
                "name", Schema.string("File name shown to people.", 1, ApiLimits.ATTACHMENT_NAME_CHARS),
                "url", Schema.string("Where the file can be fetched (http or https).", 1, ApiLimits.ATTACHMENT_URL_CHARS),
                "content_type", Schema.string("MIME type, e.g. text/plain.", 1, ApiLimits.ATTACHMENT_CONTENT_TYPE_CHARS),
                "size_bytes", Schema.integer("Size of the file in bytes.", 0, Long.MAX_VALUE)),
                List.of("name", "url"));
        return Schema.array("Links to files (not the files themselves).", attachment, ApiLimits.ATTACHMENTS);
    }

    static Map<String, Object> limit() {
        return Schema.integer("How many to return (1 to " + ApiLimits.PAGE_LIMIT + ").", 1, ApiLimits.PAGE_LIMIT,
                DEFAULT_LIMIT);
    }

    static Map<String, Object> cursor() {
        return Schema.string("The cursor of the previous page, to read the next one; leave out for the first page.",
                1, ApiLimits.CURSOR_CHARS);
    }

    static Duration waitSeconds(Arguments arguments) {
        return Duration.ofSeconds(arguments.integer(WAIT_SECONDS, ApiLimits.MAX_WAIT_SECONDS));
    }

    static PageRequest page(Arguments arguments) {
        return new PageRequest(arguments.integer(LIMIT, DEFAULT_LIMIT), arguments.optionalString(CURSOR).orElse(null));
    }

    @SuppressWarnings("unchecked")
    static List<Attachment> attachments(Arguments arguments) {
        return arguments.optionalArray(ATTACHMENTS).map(items -> items.stream().map(item -> {
            Map<String, Object> a = (Map<String, Object>) item;
            Number size = (Number) a.get("size_bytes");
            return new Attachment((String) a.get("name"), (String) a.get("url"), (String) a.get("content_type"),
                    size == null ? null : size.longValue());
        }).toList()).orElse(null);
    }
}
