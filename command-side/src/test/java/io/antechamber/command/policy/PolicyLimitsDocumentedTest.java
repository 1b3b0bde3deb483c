package io.antechamber.command.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.events.policy.PolicyLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The limits a client reads about are the limits the validator enforces: both come from {@link PolicyLimits}. */
class PolicyLimitsDocumentedTest {

    private static final String API_NOTES = "docs/api.md";

    @Test
    void the_api_reference_states_the_policy_limits_the_validator_enforces() throws IOException {
        String notes = Files.readString(repoRoot().resolve(API_NOTES)).replaceAll("\\s+", " ");

        assertThat(notes).contains("at most " + PolicyLimits.MAX_RULES + " rules",
                "1 to " + PolicyLimits.MAX_CONDITIONS_PER_RULE + " conditions",
                "at most " + PolicyLimits.MAX_PATTERN_CHARS + " characters",
                "at most " + PolicyLimits.MAX_PATTERN_SIZE + " elements");
    }

    private static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(API_NOTES))) {
                return dir;
            }
        }
        throw new IllegalStateException(API_NOTES + " not found above " + Path.of("").toAbsolutePath());
    }
}
