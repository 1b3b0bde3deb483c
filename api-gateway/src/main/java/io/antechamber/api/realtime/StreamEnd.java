package io.antechamber.api.realtime;

/** Why a stream ended. */
enum StreamEnd {
    /** The client went away or a write to it failed. */
    CLIENT_GONE("client gone"),
    /** The client fell more than {@code feed.subscriber-queue} entries behind; it resumes with its last id. */
    TOO_SLOW("too slow: resume with the last id received"),
    /** Its credential was revoked, or its holder may no longer act in the room. */
    ACCESS_REVOKED("access revoked"),
    /** The client broke the protocol (a WebSocket frame other than one first {@code resume_from}). */
    PROTOCOL("protocol error"),
    /** This replica is shutting down; the client reconnects, to any replica, and resumes. */
    SHUTDOWN("server shutting down");

    private final String text;

    StreamEnd(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
