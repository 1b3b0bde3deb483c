package io.antechamber.query.support;

import java.sql.Timestamp;
import java.time.Instant;

public final class Timestamps {

    private Timestamps() {
    }

    public static Timestamp of(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
