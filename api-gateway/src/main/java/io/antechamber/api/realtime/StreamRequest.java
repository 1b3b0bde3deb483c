package io.antechamber.api.realtime;

import io.antechamber.api.feed.EventNames;
import io.antechamber.api.feed.FeedReader;
import io.antechamber.api.web.ApiException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Reads what SSE and WebSocket clients choose: {@code ?types=} and the id to resume after. */
@Component
public class StreamRequest {

    private static final Pattern ID = Pattern.compile("0|[1-9][0-9]{0,17}");

    private final FeedReader reader;

    public StreamRequest(FeedReader reader) {
        this.reader = reader;
    }

    /** {@code ?types=a,b}: the event names to send, null for all; an unknown name is a 400. */
    public static Set<String> types(String types) {
        if (types == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(types.split(",")).map(String::trim).filter(name -> !name.isEmpty()).forEach(names::add);
        Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(EventNames.ALL);
        if (names.isEmpty() || !unknown.isEmpty()) {
            throw ApiException.invalid("types", names.isEmpty() ? "names no event type"
                    : "names unknown event types " + unknown + "; known: " + new TreeSet<>(EventNames.ALL));
        }
        return Set.copyOf(names);
    }

    /**
     * The id a client resumes after: an envelope id it received (a non-negative integer). An id above any the
     * feed has issued is a 400: the client holds an id of another deployment or database, and would wait in vain.
     * An id older than the retention is accepted: the stream starts at the oldest entry still kept
     * (docs/api.md "Resuming").
     */
    public long resumeAfter(String field, String id) {
        String trimmed = id.trim();
        if (!ID.matcher(trimmed).matches()) {
            throw ApiException.invalid(field, "must be an event id received from this feed (a non-negative integer)");
        }
        long after = Long.parseLong(trimmed);
        if (after > reader.lastIssuedSeq()) {
            throw ApiException.invalid(field, "is ahead of this feed: no event with this id was ever sent");
        }
        return after;
    }
}
