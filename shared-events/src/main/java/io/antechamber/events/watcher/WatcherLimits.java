package io.antechamber.events.watcher;

import java.time.Duration;

/** The bounds of a watcher, defined once (docs/api.md lists them). */
public final class WatcherLimits {

    /** Watchers a room may have that are not removed; a soft cap (two racing registrations may both pass). */
    public static final int MAX_PER_ROOM = 50;
    public static final int MAX_URL_CHARS = 2048;
    public static final int MAX_DESCRIPTION_CHARS = 500;
    public static final int MAX_EVENT_TYPES = 50;
    public static final int MAX_FILTER_KEYS = 20;
    public static final int MAX_FILTER_PATH_CHARS = 200;
    public static final int MAX_FILTER_PATH_SEGMENTS = 10;
    public static final int MAX_FILTER_VALUES = 50;
    public static final int MAX_FILTER_VALUE_CHARS = 500;
    public static final int MAX_DISABLED_REASON_CHARS = 500;
    /** How long a rotated-out secret keeps signing, beside the new one. */
    public static final Duration SECRET_OVERLAP = Duration.ofHours(24);

    private WatcherLimits() {
    }
}
