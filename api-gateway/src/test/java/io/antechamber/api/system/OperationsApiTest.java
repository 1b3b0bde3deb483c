package io.antechamber.api.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.antechamber.api.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsApiTest extends IntegrationTest {

    @Test
    void health_is_open_to_everyone() {
        assertThat(http.get("/actuator/health").send().expect(200).json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void metrics_need_the_admin_token() {
        http.get("/actuator/prometheus").send().expectError(401, "UNAUTHORIZED");
        http.get("/actuator/prometheus").auth(api.newOrg().humanKey()).send().expectError(403, "FORBIDDEN");
        assertThat(http.get("/actuator/prometheus").auth(ADMIN_TOKEN).send().expect(200).text())
                .contains("http_server_requests");
    }

    /** The views commit with their events: a latency gauge would time part of a command, not a lag. */
    @Test
    void metrics_count_the_events_each_view_handled_and_report_no_lag() {
        String metrics = http.get("/actuator/prometheus").auth(ADMIN_TOKEN).send().expect(200).text();
        assertThat(metrics).contains("check_in_view_processedCounter_total");
        assertThat(metrics).doesNotContain("_latency");
    }

    @Test
    void the_openapi_document_describes_the_api_without_internal_parameters() {
        JsonNode doc = http.get("/v1/openapi.json").send().expect(200).json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        assertThat(doc.get("paths").has("/v1/rooms/{room}/check-in")).isTrue();
        assertThat(doc.get("paths").has("/v1/rooms/{room}/tasks")).isTrue();
        assertThat(doc.get("paths").get("/v1/check-ins/{id}/messages").has("get")).isTrue();
        assertThat(doc.get("paths").get("/v1/check-ins/{id}/messages").has("post")).isTrue();
        assertThat(doc.toString()).doesNotContain("\"name\":\"caller\"");
        assertThat(doc.get("paths").fieldNames()).toIterable().allMatch(path -> path.startsWith("/v1/"));
    }

    @Test
    void unknown_paths_and_methods_answer_in_the_error_shape() {
        http.get("/v1/nothing-here").send().expectError(404, "NOT_FOUND");
        http.get("/nope").send().expectError(404, "NOT_FOUND");
        http.delete("/v1/me").auth(api.newOrg().humanKey()).send().expectError(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void every_response_carries_a_request_id_and_echoes_the_clients() {
        assertThat(http.get("/v1/me").send().header("X-Request-Id")).isNotBlank();
        assertThat(http.get("/v1/me").header("X-Request-Id", "abc-123").send().header("X-Request-Id"))
                .isEqualTo("abc-123");
    }
}
