package io.antechamber.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /*
     * The specification's published signing vector: github.com/standard-webhooks/standard-webhooks,
     * libraries/go/webhook_test.go TestWebhookSign (the same values in every library's tests, e.g.
     * libraries/java/src/test/java/com/standardwebhooks/TestScenario.java validSigned), commit b2fa7b8.
     */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final String SPEC_BODY = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signing_the_specifications_test_vector_gives_its_published_signature() {
        assertThat(WebhookSignature.sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, SPEC_SECRET)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void one_secret_gives_one_signature() {
        assertThat(WebhookSignature.header(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(SPEC_SECRET)))
                .isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void while_a_rotated_secret_overlaps_each_secret_signs_and_the_signatures_are_space_separated() {
        String newer = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

        String header = WebhookSignature.header(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, List.of(newer, SPEC_SECRET));

        assertThat(header.split(" ")).containsExactly(
                WebhookSignature.sign(SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY, newer), SPEC_SIGNATURE);
        assertThat(header.split(" ")[0]).isNotEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void a_different_timestamp_changes_the_signature() {
        assertThat(WebhookSignature.sign(SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY, SPEC_SECRET))
                .isNotEqualTo(SPEC_SIGNATURE);
    }
}
