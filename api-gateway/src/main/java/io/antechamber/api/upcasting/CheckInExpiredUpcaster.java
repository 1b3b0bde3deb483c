package io.antechamber.api.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.antechamber.events.checkin.CheckInExpired;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link CheckInExpired} revision 1 to 2. Revision 1 did not say who resolved the check-in, so every reader of a
 * resolution (the thread, the check-in's decision, its history, the audit log) had to know that an expiry is the
 * system's; revision 2 carries {@code by} like every other resolution. A timeout is always the system's, so a
 * revision-1 event gains {@code "by": {"type": "system", "id": null}}, written out here as revision 2 stores it,
 * whatever later revisions of {@code Actor} look like.
 */
public class CheckInExpiredUpcaster extends SingleEventUpcaster {

    private static final String TYPE = CheckInExpired.class.getName();
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode by = ((ObjectNode) payload).putObject("by");
            by.put("type", "system");
            by.putNull("id");
            return payload;
        });
    }
}
