package io.antechamber.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tools' arguments are checked against their own input schemas, each refusal naming the argument. */
class ArgumentsTest {

    private static final Map<String, Object> SCHEMA = AgentTools.all().stream()
            .filter(tool -> tool.name().equals("submit_result")).findFirst().orElseThrow()
            .definition().inputSchema();

    private static Map<String, Object> valid() {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("check_in_id", "ci_a1b2c3d4e5");
        arguments.put("content", "done");
        return arguments;
    }

    private static void refused(Map<String, Object> arguments, String argument, String problem) {
        assertThatThrownBy(() -> Arguments.check(SCHEMA, arguments))
                .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
                    assertThat(e.argument()).isEqualTo(argument);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void arguments_the_schema_allows_are_read() {
        Map<String, Object> arguments = valid();
        arguments.put("attachments", List.of(Map.of("name", "log.txt", "url", "https://files.example/log.txt",
                "size_bytes", 512.0)));

        Arguments checked = Arguments.check(SCHEMA, arguments);

        assertThat(checked.string("content")).isEqualTo("done");
        assertThat(checked.optionalObject("metadata")).isEmpty();
        assertThat(Inputs.attachments(checked)).singleElement()
                .satisfies(attachment -> assertThat(attachment.sizeBytes()).isEqualTo(512L));
    }

    @Test
    void each_kind_of_bad_argument_is_refused_by_name() {
        Map<String, Object> missing = valid();
        missing.remove("content");
        refused(missing, "content", "is required");

        Map<String, Object> unknown = valid();
        unknown.put("force", true);
        refused(unknown, "force", "is not an argument of this tool");

        Map<String, Object> wrongType = valid();
        wrongType.put("content", 7);
        refused(wrongType, "content", "must be a string");

        Map<String, Object> empty = valid();
        empty.put("content", "");
        refused(empty, "content", "must not be empty");

        Map<String, Object> badId = valid();
        badId.put("check_in_id", "room_1234567890");
        refused(badId, "check_in_id", "must match");

        Map<String, Object> notAnObject = valid();
        notAnObject.put("metadata", List.of());
        refused(notAnObject, "metadata", "must be an object");

        Map<String, Object> badAttachment = valid();
        badAttachment.put("attachments", List.of(Map.of("name", "x")));
        refused(badAttachment, "attachments[0].url", "is required");

        Map<String, Object> fraction = valid();
        fraction.put("attachments", List.of(Map.of("name", "x", "url", "https://x.example", "size_bytes", 1.5)));
        refused(fraction, "attachments[0].size_bytes", "must be an integer");
    }

    @Test
    void integers_are_held_to_their_bounds() {
        Map<String, Object> schema = AgentTools.all().stream().filter(tool -> tool.name().equals("await_decision"))
                .findFirst().orElseThrow().definition().inputSchema();

        assertThat(Arguments.check(schema, Map.of("check_in_id", "ci_a1b2c3d4e5", "wait_seconds", 50))
                .integer("wait_seconds", 0)).isEqualTo(50);
        assertThatThrownBy(() -> Arguments.check(schema, Map.of("check_in_id", "ci_a1b2c3d4e5", "wait_seconds", 51)))
                .hasMessage("argument 'wait_seconds' must be between 0 and 50");
        assertThatThrownBy(() -> Arguments.check(schema, Map.of("check_in_id", "ci_a1b2c3d4e5", "wait_seconds", -1)))
                .hasMessage("argument 'wait_seconds' must be between 0 and 50");
    }
}
