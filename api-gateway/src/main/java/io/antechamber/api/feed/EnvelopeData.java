package io.antechamber.api.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.checkin.CheckInJson;
import io.antechamber.api.checkin.MessageJson;
import io.antechamber.api.room.PolicyVersionJson;
import io.antechamber.api.room.SignalJson;
import io.antechamber.api.trust.TrustAdjustedJson;
import io.antechamber.events.checkin.CheckInEvent;
import io.antechamber.events.checkin.MessagePosted;
import io.antechamber.events.room.PolicyUpdated;
import io.antechamber.events.room.PolicyVersion;
import io.antechamber.events.room.SignalBroadcast;
import io.antechamber.events.trust.TrustAdjusted;
import org.springframework.stereotype.Component;

/**
 * An envelope's {@code data}, in the same JSON the API answers with: the check-in as it was right after the event, the
 * message, the trust change, the policy version or the signal.
 */
@Component
public class EnvelopeData {

    private final ObjectMapper json;
    private final CheckInStates checkIns;

    public EnvelopeData(ObjectMapper json, CheckInStates checkIns) {
        this.json = json;
        this.checkIns = checkIns;
    }

    public JsonNode of(Object event, long sequenceNumber) {
        return json.valueToTree(shape(event, sequenceNumber));
    }

    private Object shape(Object event, long sequenceNumber) {
        if (event instanceof MessagePosted message) {
            return MessageJson.of(message);
        }
        if (event instanceof CheckInEvent checkIn) {
            return CheckInJson.of(checkIns.after(checkIn, sequenceNumber));
        }
        if (event instanceof TrustAdjusted trust) {
            return TrustAdjustedJson.of(trust);
        }
        if (event instanceof PolicyUpdated policy) {
            return PolicyVersionJson.of(new PolicyVersion(policy.version(), policy.policy(), policy.by(), policy.at()));
        }
        if (event instanceof SignalBroadcast signal) {
            return SignalJson.of(signal);
        }
        throw new IllegalArgumentException("no envelope for " + event.getClass().getName());
    }
}
