package io.antechamber.mcp;

/**
 * The API's bounds (API.md), told to the model in the input schemas so it gets them right the first time; the API
 * still enforces its own, and a refusal there comes back as the same VALIDATION_ERROR.
 */
final class ApiLimits {

    static final int ROOM_CHARS = 200;
    static final int ACTION_CHARS = 500;
    static final int REASON_CHARS = 5_000;
    static final int CONTENT_CHARS = 20_000;
    static final int ATTACHMENTS = 20;
    static final int ATTACHMENT_NAME_CHARS = 255;
    static final int ATTACHMENT_URL_CHARS = 2_048;
    static final int ATTACHMENT_CONTENT_TYPE_CHARS = 255;
    static final int MAX_TIMEOUT_MINUTES = 10_080;
    static final int PAGE_LIMIT = 200;
    static final int CURSOR_CHARS = 1_000;
    static final int IDEMPOTENCY_KEY_CHARS = 255;
    /**
     * Hosts give up on a tool call after about 60 s, so a tool never waits longer than this; a longer wait is a
     * pending answer and another call.
     */
    static final int MAX_WAIT_SECONDS = 50;

    private ApiLimits() {
    }
}
