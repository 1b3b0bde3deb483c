package io.antechamber.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.StandaloneApp;
import io.antechamber.api.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The admin token opens every organization: a configured one shorter than 32 characters stops the start. The
 * shortest allowed, 32 characters, is the one every integration test runs with ({@link IntegrationTest#ADMIN_TOKEN}).
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminTokenLengthTest {

    @Test
    void an_admin_token_of_31_characters_stops_the_start_with_a_message_that_does_not_show_it(CapturedOutput output) {
        String token = "a-token-of-thirty-one-character";
        assertThatThrownBy(() -> StandaloneApp.start(TestDatabase.freshProperties(), token).close())
                .hasRootCauseInstanceOf(WeakAdminTokenException.class)
                .rootCause().hasMessageContaining("has 31 characters; at least 32 are required");
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("ANTECHAMBER_ADMIN_TOKEN")
                .contains("openssl rand -hex 32")
                .doesNotContain(token);
    }

    @Test
    void the_shortest_allowed_token_is_the_one_the_integration_tests_run_with() {
        assertThat(IntegrationTest.ADMIN_TOKEN).hasSize(AdminToken.MIN_LENGTH);
    }
}
