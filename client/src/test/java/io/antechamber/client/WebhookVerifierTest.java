package io.antechamber.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Standard Webhooks check against the specification's own test vector: the reference libraries'
 * {@code test_sign_function} (standard-webhooks/standard-webhooks, libraries/python/tests/test_webhooks.py) signs
 * {@code {"test": 2432232314}} as message {@code msg_p5jXN8AQM9LWM0D4loKWxJek} at {@code 1614265330} with secret
 * {@code whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw} and expects {@code v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=}.
 */
class WebhookVerifierTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final WebhookVerifier verifier = WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP));

    @Test
    void the_specification_vector_signs_and_verifies() {
        assertThat(verifier.sign(ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
        assertThatCode(() -> verifier.verify(headers(SIGNATURE), BODY)).doesNotThrowAnyException();
    }

    @Test
    void the_secret_works_with_or_without_its_prefix_and_header_names_in_any_case() {
        Map<String, Object> shouted = Map.of("Webhook-Id", ID, "WEBHOOK-TIMESTAMP", List.of(Long.toString(TIMESTAMP)),
                "Webhook-Signature", SIGNATURE);

        assertThatCode(() -> WebhookVerifier.of(SECRET.substring("whsec_".length())).withClock(at(TIMESTAMP))
                .verify(shouted, BODY)).doesNotThrowAnyException();
    }

    @Test
    void one_matching_signature_among_several_is_enough() {
        String several = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= "
                + SIGNATURE;

        assertThatCode(() -> verifier.verify(headers(several), BODY)).doesNotThrowAnyException();
    }

    @Test
    void a_tampered_body_or_signature_or_another_secret_is_refused() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> verifier.verify(headers(SIGNATURE), tampered))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("no v1 signature");
        // the reference tests' "invalid signature": the vector's with its last character changed
        assertThatThrownBy(() -> verifier.verify(headers("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA="), BODY))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> WebhookVerifier.of("whsec_" + "A".repeat(32)).withClock(at(TIMESTAMP))
                .verify(headers(SIGNATURE), BODY)).isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void a_timestamp_outside_the_tolerance_is_refused_either_way() {
        Duration tolerance = WebhookVerifier.DEFAULT_TOLERANCE;

        assertThatThrownBy(() -> WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP + tolerance.toSeconds() + 1))
                .verify(headers(SIGNATURE), BODY)).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("older");
        assertThatThrownBy(() -> WebhookVerifier.of(SECRET).withClock(at(TIMESTAMP - tolerance.toSeconds() - 1))
                .verify(headers(SIGNATURE), BODY)).isInstanceOf(WebhookVerificationException.class)
                .hasMessageContaining("future");
        assertThatCode(() -> WebhookVerifier.of(SECRET).withTolerance(Duration.ofMinutes(10))
                .withClock(at(TIMESTAMP + tolerance.toSeconds() + 1)).verify(headers(SIGNATURE), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void a_missing_or_malformed_header_is_refused_with_its_name() {
        Map<String, Object> noId = headers(SIGNATURE);
        noId.remove("webhook-id");
        Map<String, Object> badTimestamp = headers(SIGNATURE);
        badTimestamp.put("webhook-timestamp", "hello");
        Map<String, Object> noSignature = headers(SIGNATURE);
        noSignature.remove("webhook-signature");

        assertThatThrownBy(() -> verifier.verify(noId, BODY)).hasMessageContaining("webhook-id");
        assertThatThrownBy(() -> verifier.verify(badTimestamp, BODY)).hasMessageContaining("webhook-timestamp");
        assertThatThrownBy(() -> verifier.verify(noSignature, BODY)).hasMessageContaining("webhook-signature");
    }

    @Test
    void a_forged_timestamp_far_outside_any_clock_is_refused_not_crashed_on() {
        for (String forged : List.of("99999999999999999", "-99999999999999999", Long.toString(Long.MAX_VALUE),
                Long.toString(Long.MIN_VALUE), "99999999999999999999999")) {
            Map<String, Object> headers = headers(SIGNATURE);
            headers.put("webhook-timestamp", forged);

            assertThatThrownBy(() -> verifier.verify(headers, BODY)).as(forged)
                    .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("webhook-timestamp");
        }
    }

    @Test
    void signatures_that_are_not_base64_or_not_v1_are_refused_not_crashed_on() {
        for (String garbage : List.of("v1,%%%not-base64%%%", "v1,", "v1", ",", "   ", "v1,=", "v1,g0hM9SsE+OTPJTGt")) {
            assertThatThrownBy(() -> verifier.verify(headers(garbage), BODY)).as(garbage)
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void an_empty_or_non_base64_secret_is_refused_at_once_without_echoing_it() {
        for (String bad : List.of("whsec_", "whsec_   ", "", " ", "whsec_not*base64!secret", "not*base64!secret")) {
            assertThatThrownBy(() -> WebhookVerifier.of(bad)).as("\"" + bad + "\"")
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not*base64").doesNotContain("secret!"));
        }
        assertThatThrownBy(() -> WebhookVerifier.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_secret_never_shows_in_the_verifier_text() {
        assertThat(verifier.toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    }

    private static Map<String, Object> headers(String signature) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("webhook-id", ID);
        headers.put("webhook-timestamp", Long.toString(TIMESTAMP));
        headers.put("webhook-signature", signature);
        return headers;
    }

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
