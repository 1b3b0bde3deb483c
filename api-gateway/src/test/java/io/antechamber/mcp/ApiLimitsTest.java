package io.antechamber.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.web.Pages;
import io.antechamber.api.web.RequestLimits;
import io.antechamber.events.policy.PolicyLimits;
import org.junit.jupiter.api.Test;

/**
 * The bounds the MCP tools tell a model in their schemas are the API's own, value for value: mcp cannot depend on
 * the server's classes, so it keeps a copy, and this test (here, where both modules are seen) keeps the copy true.
 * {@code ROOM_CHARS} and {@code CURSOR_CHARS} are the tools' own sanity bounds on path and query values.
 */
class ApiLimitsTest {

    @Test
    void the_tools_bounds_are_the_apis() {
        assertThat(ApiLimits.ACTION_CHARS).isEqualTo(RequestLimits.ACTION_CHARS);
        assertThat(ApiLimits.REASON_CHARS).isEqualTo(RequestLimits.REASON_CHARS);
        assertThat(ApiLimits.CONTENT_CHARS).isEqualTo(RequestLimits.CONTENT_CHARS);
        assertThat(ApiLimits.ATTACHMENTS).isEqualTo(RequestLimits.ATTACHMENTS);
        assertThat(ApiLimits.ATTACHMENT_NAME_CHARS).isEqualTo(RequestLimits.ATTACHMENT_NAME_CHARS);
        assertThat(ApiLimits.ATTACHMENT_URL_CHARS).isEqualTo(RequestLimits.ATTACHMENT_URL_CHARS);
        assertThat(ApiLimits.ATTACHMENT_CONTENT_TYPE_CHARS).isEqualTo(RequestLimits.ATTACHMENT_CONTENT_TYPE_CHARS);
        assertThat(ApiLimits.IDEMPOTENCY_KEY_CHARS).isEqualTo(RequestLimits.IDEMPOTENCY_KEY_CHARS);
        assertThat((long) ApiLimits.MAX_TIMEOUT_MINUTES).isEqualTo(RequestLimits.MAX_TIMEOUT_MINUTES)
                .isEqualTo(PolicyLimits.MAX_TIMEOUT_MS / 60_000L);
        assertThat(ApiLimits.PAGE_LIMIT).isEqualTo(Pages.MAX_LIMIT);
    }

    @Test
    void a_tools_longest_wait_is_one_wait_of_the_api() {
        assertThat(ApiLimits.MAX_WAIT_SECONDS * 1_000L).isLessThanOrEqualTo(RequestLimits.MAX_WAIT_MS);
    }
}
