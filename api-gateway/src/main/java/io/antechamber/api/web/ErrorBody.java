package io.antechamber.api.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The one error shape of API.md: {@code {"error": {code, message, statusCode, details}}}. */
public record ErrorBody(Error error) {

    public record Error(String code, String message, @JsonProperty("statusCode") int statusCode,
            Map<String, Object> details) {
    }

    public static ErrorBody of(ApiError code, String message, Map<String, Object> details) {
        return new ErrorBody(new Error(code.name(), message, code.status(), details));
    }
}
