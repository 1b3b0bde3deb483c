package io.antechamber.query.support;

import java.sql.Timestamp;
import java.time.Instant;

public final class Timestamps {

    private Timestamps() {
    }

    public static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    public static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
