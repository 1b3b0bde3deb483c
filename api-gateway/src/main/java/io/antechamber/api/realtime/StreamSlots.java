package io.antechamber.api.realtime;

import io.antechamber.api.feed.FeedProperties;
import io.antechamber.api.web.CredentialSlots;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The SSE and WebSocket streams each credential holds open on this replica, at most
 * {@code feed.max-streams-per-credential}: a stream costs a connection, a buffer and a share of every entry's
 * fan-out for as long as it lasts.
 */
@Component
public class StreamSlots {

    private final CredentialSlots slots;

    public StreamSlots(FeedProperties properties) {
        this.slots = new CredentialSlots(properties.maxStreamsPerCredential(),
                "this credential already holds %d event streams open on this server; close one first",
                Duration.ofSeconds(5));
    }

    public CredentialSlots.Slot take(String credential) {
        return slots.take(credential);
    }
}
