package io.antechamber.query.rebuild;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * A stored event as a rebuild reads it, handed to the upcaster chain: its payload and its place in its aggregate's
 * stream. A rebuild does not read the aggregate's type, event identifiers, timestamps or metadata (they would cost
 * every event of a pass): the type and identifier read as null, and an upcaster that asks for the timestamp or the
 * metadata fails instead of getting a made-up value.
 */
record PayloadOnlyEventData(String aggregateId, long sequenceNumber, SerializedObject<byte[]> payload)
        implements DomainEventData<byte[]> {

    private static final SerializedObject<byte[]> UNREAD_METADATA = new SerializedObject<>() {
        @Override
        public Class<byte[]> getContentType() {
            return byte[].class;
        }

        @Override
        public SerializedType getType() {
            return new SimpleSerializedType(MetaData.class.getName(), null);
        }

        @Override
        public byte[] getData() {
            throw new UnsupportedOperationException("a rebuild does not read event metadata");
        }
    };

    @Override
    public String getType() {
        return null;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateId;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return null;
    }

    @Override
    public Instant getTimestamp() {
        throw new UnsupportedOperationException("a rebuild does not read event timestamps");
    }

    @Override
    public SerializedObject<byte[]> getMetaData() {
        return UNREAD_METADATA;
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return payload;
    }
}
