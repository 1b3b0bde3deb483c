package io.antechamber.events.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TypedIdTest {

    @Test
    void generated_ids_are_valid() {
        for (int i = 0; i < 1_000; i++) {
            assertThat(TypedId.isValid("ci_", TypedId.generate("ci_"))).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ci_0123456789", "ci_abcdefghijklmnopqrstuvwxyz", "ci_0000000000000000000000000000000000000000000000000000000000000000"})
    void accepts_ten_to_sixty_four_lowercase_base36_characters(String id) {
        assertThat(TypedId.isValid("ci_", id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ci_012345678", "ci_ABCDEFGHIJ", "ci_abcdefghi-", "rm_abcdefghij", "ci_", "abcdefghijkl",
            "ci_00000000000000000000000000000000000000000000000000000000000000000", "ci_abcdéfghij"})
    void refuses_anything_else(String id) {
        assertThat(TypedId.isValid("ci_", id)).isFalse();
    }
}
