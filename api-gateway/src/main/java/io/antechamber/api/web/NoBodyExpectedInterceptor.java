package io.antechamber.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * An endpoint that takes no body (rotate-key, claim, release, withdraw, ...) refuses one with fields, as every other
 * endpoint refuses fields it does not name: a client that believes it sent {@code {"reason": ...}} with a withdraw
 * must hear that nothing read it. An empty body and {@code {}} are fine.
 */
@Component
public class NoBodyExpectedInterceptor implements HandlerInterceptor {

    private final ObjectMapper json;

    public NoBodyExpectedInterceptor(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!(handler instanceof HandlerMethod method) || "GET".equals(request.getMethod()) || takesBody(method)) {
            return true;
        }
        String body;
        try {
            body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (PayloadTooLargeException e) {
            throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, e.getMessage());
        }
        if (body.isBlank()) {
            return true;
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw refusal();
        }
        if (!tree.isObject()) {
            throw refusal();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<String> names = tree.fieldNames();
        while (names.hasNext() && fields.size() < KnownFieldsReader.MAX_REPORTED) {
            fields.put(names.next(), JsonFieldProblem.UNKNOWN_FIELD);
        }
        if (!fields.isEmpty()) {
            throw new ApiException(ApiError.VALIDATION_ERROR, "this endpoint takes no body fields",
                    Map.of("fields", fields));
        }
        return true;
    }

    private static boolean takesBody(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
    }

    private static ApiException refusal() {
        return new ApiException(ApiError.VALIDATION_ERROR, "this endpoint takes no body; send none, or {}");
    }
}
