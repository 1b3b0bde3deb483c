package io.antechamber.api.evidence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as evidence states them: ISO-8601 UTC with exactly three fraction digits, as the API writes them. */
final class Timestamps {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    static String text(Instant instant) {
        return MILLIS.format(instant);
    }
}
