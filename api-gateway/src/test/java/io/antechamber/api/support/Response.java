package io.antechamber.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP response as the tests see it, with assertions that print the body when they fail. */
public record Response(int status, String text, Map<String, List<String>> headers) {

    public JsonNode json() {
        return Http.parse(text);
    }

    public JsonNode data() {
        return json().get("data");
    }

    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    public Response expect(int expectedStatus) {
        assertThat(status).as("status of response %s", text).isEqualTo(expectedStatus);
        return this;
    }

    /** The fields a validation error names, with their problems. */
    public Map<String, String> errorFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        json().get("error").get("details").path("fields").fields()
                .forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
        return fields;
    }

    /** Asserts the API.md error shape with this status and code. */
    public Response expectError(int expectedStatus, String code) {
        expect(expectedStatus);
        JsonNode error = json().get("error");
        assertThat(error).as("error body of %s", text).isNotNull();
        assertThat(error.get("code").asText()).as("error code of %s", text).isEqualTo(code);
        assertThat(error.get("statusCode").asInt()).isEqualTo(expectedStatus);
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.has("details")).isTrue();
        return this;
    }
}
