package io.antechamber.client;

import java.util.function.Consumer;

/**
 * The event-stream format of the HTML standard ("Server-sent events", "Interpreting an event stream"): fields
 * {@code id}, {@code event}, {@code data} (several join with a line feed), {@code retry}; lines starting with a colon
 * are comments (the server's heartbeats); a blank line dispatches the event.
 */
final class SseParser {

    /** One dispatched event: the last {@code id} seen (ids persist across events, as the standard says). */
    record Frame(String id, String event, String data) {
    }

    /** The longest {@code retry} honoured (1 h); a longer or unparsable one is ignored, as a bad value should be. */
    static final long MAX_RETRY_MILLIS = 3_600_000;

    private final Consumer<Frame> onFrame;
    private String lastId;
    private String event;
    private StringBuilder data;
    private Long retryMillis;

    SseParser(String lastId, Consumer<Frame> onFrame) {
        this.lastId = lastId;
        this.onFrame = onFrame;
    }

    /** @throws SseLines.TooLong when the event's data grows past the line limit */
    void line(String line) throws SseLines.TooLong {
        if (line.isEmpty()) {
            dispatch();
            return;
        }
        if (line.startsWith(":")) {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastId = value;
                }
            }
            case "event" -> event = value;
            case "data" -> {
                if (data == null) {
                    data = new StringBuilder(value);
                } else {
                    data.append('\n').append(value);
                }
                if (data.length() > SseLines.MAX_LINE_BYTES) {
                    reset();
                    throw new SseLines.TooLong("an event's data");
                }
            }
            case "retry" -> {
                // at most 7 ASCII digits, so parsing cannot overflow
                if (!value.isEmpty() && value.length() <= 7 && value.chars().allMatch(c -> c >= '0' && c <= '9')
                        && Long.parseLong(value) <= MAX_RETRY_MILLIS) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored, as the standard says
            }
        }
    }

    /** A connection that ends mid-event drops the partial event, as the standard says. */
    void reset() {
        event = null;
        data = null;
    }

    String lastId() {
        return lastId;
    }

    Long retryMillis() {
        return retryMillis;
    }

    private void dispatch() {
        if (data != null) {
            onFrame.accept(new Frame(lastId, event == null ? "message" : event, data.toString()));
        }
        reset();
    }
}
