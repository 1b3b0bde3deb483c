package io.antechamber.api.dashboard;

import java.time.Duration;
import java.time.Instant;

/** Durations as the dashboard writes them for people: the two largest units, rounded down. */
public final class TimeLeft {

    private TimeLeft() {
    }

    /** "2 h 5 min left", "40 s left", or "timing out" once the moment has passed; null without a timeout. */
    public static String until(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return null;
        }
        Duration left = Duration.between(now, expiresAt);
        return left.isNegative() || left.isZero() ? "timing out" : human(left) + " left";
    }

    /** "3 min ago". */
    public static String since(Instant at, Instant now) {
        Duration ago = Duration.between(at, now);
        return ago.isNegative() ? "just now" : human(ago) + " ago";
    }

    static String human(Duration d) {
        long days = d.toDays();
        if (days > 0) {
            return days + " d " + d.toHoursPart() + " h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
