package io.antechamber.api.realtime;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.antechamber.api.feed.FeedEntry;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The SSE frame of each entry, encoded once for all the subscribers of its room rather than once per subscriber:
 * with a thousand subscribers, encoding was the fan-out's main cost. Recent entries only; one that fell out (a slow
 * client, a resume) is encoded again.
 */
@Component
public class SseFrames {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private final Cache<Long, byte[]> recent = Caffeine.newBuilder().maximumSize(4096).build();

    byte[] of(FeedEntry entry) {
        return recent.get(entry.seq(), seq -> encode(entry));
    }

    /** {@code id:} the seq, {@code event:} the type, {@code data:} the envelope (a line per line of it). */
    static byte[] encode(FeedEntry entry) {
        StringBuilder frame = new StringBuilder(entry.envelope().length() + 64);
        frame.append("id: ").append(entry.seq()).append('\n');
        frame.append("event: ").append(entry.type()).append('\n');
        for (String line : LINE_BREAK.split(entry.envelope(), -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
