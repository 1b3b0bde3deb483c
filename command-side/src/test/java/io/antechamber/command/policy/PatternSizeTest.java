package io.antechamber.command.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatternSizeTest {

    static Stream<Arguments> patterns() {
        return Stream.of(
                arguments("a literal counts each character", "abc", 3),
                arguments("a counted repetition multiplies its atom", "ab{10}", 11),
                arguments("the larger bound counts", "a{2,30}", 30),
                arguments("an open bound counts its lower bound", "a{7,}", 7),
                arguments("a group counts what it holds", "(ab){3}", 6),
                arguments("nested repetitions multiply", "((a{10}){10}){10}", 1000),
                arguments("deep nesting saturates instead of overflowing", "((((a{1000}){1000}){1000}){1000}){1000}",
                        Integer.MAX_VALUE),
                arguments("a class counts one however long", "[a-z0-9_]{4}", 4),
                arguments("braces in a class are literal", "[{100}]", 1),
                arguments("a class may start with ]", "[]{]{5}", 5),
                arguments("a POSIX class inside a class counts one", "[[:alpha:]]{3}", 3),
                arguments("an escaped brace is a literal", "a\\{100}", 6),
                arguments("a quoted run is a literal", "\\Qa{1000}\\E", 1),
                arguments("a Unicode class with braces counts one", "\\p{Greek}{5}", 5),
                arguments("a brace that is no repetition is a literal", "a{x}{,5}", 8));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("patterns")
    void the_size_of_a_pattern_is_its_expansion(String scenario, String pattern, long size) {
        assertThat(PatternSize.of(pattern)).isEqualTo(size);
    }
}
