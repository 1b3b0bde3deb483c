package io.antechamber.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.api.support.IntegrationTest;
import io.antechamber.api.support.RawHttp;
import io.antechamber.api.support.Response;
import io.antechamber.api.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What Tomcat and Spring answer before any controller runs is the API.md error shape too, with a request id: paths
 * that cannot be decoded or normalised, request lines and headers Tomcat refuses, methods, media types and Accept
 * headers no endpoint serves, and the error dispatch itself. Sent on a raw socket, byte for byte, because an HTTP
 * client would normalise or refuse most of these paths.
 */
class ErrorsBeforeControllersTest extends IntegrationTest {

    @LocalServerPort
    private int port;

    private RawHttp raw;

    @BeforeEach
    void socket() {
        raw = new RawHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/check-ins/%2e%2e%2f",
            "/v1/check-ins/%2e%2e/%2e%2e/etc/passwd",
            "/v1/check-ins/ci_abcdefghij%2Fapprove",
            "/v1/rooms/%2F",
            "/v1/check-ins/ci_abc%00def",
            "/v1/check-ins/%C0%AF",
            "/v1/check-ins/%E0%80%AF",
            "/v1/check-ins/%FF%FE",
            "/v1/check-ins/%ED%A0%80",
            "/v1/check-ins/%zz",
            "/v1/check-ins/%",
            "/v1/../v1/me",
            "/../../etc/passwd",
            "/v1/check-ins/..%5c..%5cwindows",
    })
    void an_encoded_path_that_cannot_be_decoded_or_escapes_the_root_is_refused_in_the_error_shape(String path) {
        Response response = raw.send("GET " + path + " HTTP/1.1");
        assertThat(response.status()).as("status of %s: %s", path, response.text()).isBetween(400, 404);
        expectShape(response, response.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/check-ins/ci_abcdefghij;jsessionid=0123456789ABCDEF",
            "/v1/rooms;a=b/default",
            "//v1//rooms",
            "/v1/rooms//default",
            "/v1/check-ins/%2e%2e",
            "/v1/check-ins/.",
    })
    void a_path_with_parameters_empty_or_dot_segments_is_answered_in_the_error_shape(String path) {
        Response response = raw.send("GET " + path + " HTTP/1.1");
        assertThat(response.status()).as("status of %s: %s", path, response.text()).isIn(400, 401, 404);
        expectShape(response, response.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /v1\\rooms HTTP/1.1",
            "GET /v1/rooms/\\..\\..\\ HTTP/1.1",
            "GET /v1/rooms/{x} HTTP/1.1",
            "GET /v1/rooms/a|b HTTP/1.1",
            "GET /v1/rooms/\"x\" HTTP/1.1",
            "GET /v1/rooms/<script> HTTP/1.1",
            "HELLO",
            "GET",
            "GET /v1/rooms HTTP/9.9",
            "GET /v1/rooms HTTP/1.1 extra",
            "GET v1/rooms HTTP/1.1",
            "G(T /v1/rooms HTTP/1.1",
    })
    void a_request_line_tomcat_refuses_is_answered_in_the_error_shape(String requestLine) {
        Response response = raw.send(requestLine);
        assertThat(response.status()).as("status of %s: %s", requestLine, response.text()).isEqualTo(400);
        expectShape(response, 400);
    }

    @Test
    void raw_bytes_outside_ascii_in_the_request_target_are_refused_in_the_error_shape() {
        byte[] request = "GET /v1/rooms/\u00ff\u00c0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        expectShape(raw.sendBytes(request), 400);
    }

    @Test
    void a_malformed_header_is_refused_in_the_error_shape() {
        expectShape(raw.send("GET /v1/me HTTP/1.1", "Bad Header: x"), 400);
        expectShape(raw.send("POST /v1/rooms HTTP/1.1", "Content-Length: abc"), 400);
    }

    @Test
    void oversized_request_headers_are_refused_with_431_in_the_error_shape() {
        expectShapeWithCode(raw.send("GET /v1/me HTTP/1.1", "X-Padding: " + "a".repeat(20_000)), 431,
                "HEADERS_TOO_LARGE");
        expectShapeWithCode(raw.send("GET /v1/me?" + "q=1&".repeat(5_000) + " HTTP/1.1"), 431, "HEADERS_TOO_LARGE");
    }

    @Test
    void an_unsupported_transfer_encoding_is_refused_as_a_client_error_in_the_error_shape() {
        expectShape(raw.send("POST /v1/rooms HTTP/1.1", "Transfer-Encoding: gzip"), 400);
    }

    @Test
    void a_method_no_endpoint_serves_answers_405_with_the_allowed_ones() {
        String key = api.newOrg().humanKey();
        for (String method : new String[] {"PATCH", "PUT", "DELETE", "FOO", "TRACE"}) {
            Response response = raw.send(method + " /v1/rooms HTTP/1.1", "Authorization: Bearer " + key);
            expectShapeWithCode(response, 405, "METHOD_NOT_ALLOWED");
            assertThat(response.json().get("error").get("details").get("allowed")).as(method).isNotEmpty();
        }
        Response unknown = raw.send("PATCH /v1/me HTTP/1.1");
        expectShapeWithCode(unknown, 405, "METHOD_NOT_ALLOWED");
        assertThat(unknown.header("Allow")).contains("GET");
    }

    @Test
    void an_options_request_answers_the_allowed_methods_and_no_error() {
        for (String path : new String[] {"/v1/rooms", "/v1/check-ins/ci_abcdefghij/participants", "/v1/me"}) {
            Response response = raw.send("OPTIONS " + path + " HTTP/1.1");
            assertThat(response.status()).as("%s: %s", path, response.text()).isEqualTo(200);
            assertThat(response.header("Allow")).as(path).contains("GET");
        }
    }

    @Test
    void a_body_that_is_not_json_is_a_validation_error_naming_the_content_type() {
        String key = api.newOrg().humanKey();
        for (String type : new String[] {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "multipart/form-data", "multipart/mixed; boundary=\"",
                "application/*", "*/*", "*/json", "nonsense"}) {
            Response response = http.post("/v1/rooms", "name=x").auth(key).header("Content-Type", type).send();
            response.expectError(400, "VALIDATION_ERROR");
            assertThat(response.errorFields()).as(type).containsKey("Content-Type");
        }
    }

    @Test
    void an_accept_header_that_excludes_json_is_answered_406_in_json() {
        String key = api.newOrg().humanKey();
        Response refused = http.get("/v1/rooms").auth(key).header("Accept", "text/html").send();
        refused.expectError(406, "NOT_ACCEPTABLE");
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        http.get("/v1/rooms").auth(key).header("Accept", "text/html, application/json;q=0.1").send().expect(200);
        http.get("/v1/rooms").auth(key).header("Accept", "*/*").send().expect(200);
    }

    @Test
    void an_accept_header_that_excludes_json_is_refused_before_anything_changes() {
        TestApi.Org org = api.newOrg();
        TestApi.Agent agent = api.newAgent(org, "keeper");
        for (String accept : new String[] {"text/event-stream", "application/xml", "nonsense/", "application/yaml"}) {
            http.post("/v1/agents/" + agent.id() + "/rotate-key", null).auth(org.humanKey()).header("Accept", accept)
                    .send().expectError(406, "NOT_ACCEPTABLE");
        }
        http.get("/v1/me").auth(agent.key()).send().expect(200);
    }

    @Test
    void errors_are_json_whatever_the_client_accepts() {
        for (String accept : new String[] {"text/html", "application/xml", "image/png", "nonsense/"}) {
            Response response = http.get("/v1/me").header("Accept", accept).send();
            response.expectError(401, "UNAUTHORIZED");
            assertThat(response.header("Content-Type")).as(accept).startsWith("application/json");
            http.get("/v1/nowhere").header("Accept", accept).send().expectError(404, "NOT_FOUND");
        }
    }

    @Test
    void the_error_dispatch_path_is_not_an_endpoint() {
        http.get("/error").send().expectError(404, "NOT_FOUND");
        http.post("/error", "{}").send().expectError(404, "NOT_FOUND");
    }

    @Test
    void the_openapi_document_is_also_served_as_yaml() {
        Response yaml = http.get("/v1/openapi.json.yaml").send().expect(200);
        assertThat(yaml.text()).contains("openapi: 3.");
    }

    @Test
    void every_refusal_by_tomcat_carries_a_request_id_and_echoes_the_clients() {
        assertThat(raw.send("GET /v1/check-ins/%2e%2e%2f HTTP/1.1", "X-Request-Id: probe-1").header("X-Request-Id"))
                .isEqualTo("probe-1");
        assertThat(raw.send("GET /v1\\rooms HTTP/1.1", "X-Request-Id: probe-2").header("X-Request-Id"))
                .isNotBlank();
    }

    private static void expectShape(Response response, int status) {
        assertThat(response.status()).as("status of %s", response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response.text())
                .startsWith("application/json");
        assertThat(response.header("X-Request-Id")).as("request id of %s", response.text()).isNotBlank();
        var error = response.json().get("error");
        assertThat(error).as("error shape of %s", response.text()).isNotNull();
        assertThat(error.get("statusCode").asInt()).isEqualTo(status);
        assertThat(error.get("code").asText()).isNotBlank();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("details").isObject()).isTrue();
    }

    private static void expectShapeWithCode(Response response, int status, String code) {
        expectShape(response, status);
        assertThat(response.json().get("error").get("code").asText()).isEqualTo(code);
    }
}
