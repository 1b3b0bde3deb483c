package io.antechamber.api.checkin;

import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.api.web.CredentialSlots;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The long-polls each credential holds open on this replica, at most {@code waits.max-per-credential}: a wait costs
 * the server a subscription and a connection for up to a minute. A slot frees whenever any of the credential's waits
 * ends, so a second is a fair first guess for Retry-After.
 */
@Component
public class WaitSlots {

    private final CredentialSlots slots;

    public WaitSlots(AntechamberProperties properties) {
        this.slots = new CredentialSlots(properties.waits().maxPerCredential(),
                "this credential already holds %d waits open; retry when one has answered", Duration.ofSeconds(1));
    }

    public CredentialSlots.Slot take(String credential) {
        return slots.take(credential);
    }
}
