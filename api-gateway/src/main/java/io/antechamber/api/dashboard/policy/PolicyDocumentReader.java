package io.antechamber.api.dashboard.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.InvalidFieldsException;
import io.antechamber.api.web.InvalidTextException;
import io.antechamber.events.policy.Policy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Reads a policy document typed into the dashboard exactly as {@code PUT /v1/rooms/:room/policy} reads its body: with
 * the API's own strict converter (unknown fields, duplicate keys, wrong types and unstorable text refused, every bad
 * field named), so the page refuses what the API refuses, in the API's words.
 */
@Component
public class PolicyDocumentReader {

    private final MappingJackson2HttpMessageConverter converter;

    public PolicyDocumentReader(MappingJackson2HttpMessageConverter converter) {
        this.converter = converter;
    }

    /** The policy the text holds; an {@link ApiException} (400, {@code details.fields}) naming what is wrong. */
    public Policy read(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("policy", "is required: paste or type a policy document");
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try {
            return (Policy) converter.read(Policy.class, null, new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    HttpHeaders headers = new HttpHeaders();
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    return headers;
                }
            });
        } catch (HttpMessageNotReadableException e) {
            throw refusal(e);
        } catch (IOException e) {
            throw new ApiException(ApiError.VALIDATION_ERROR, "the policy could not be read");
        }
    }

    /** The same refusal the API's handler gives an unreadable body (ApiExceptionHandler#unreadable). */
    private static ApiException refusal(HttpMessageNotReadableException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTextException invalid) {
                return new ApiException(ApiError.VALIDATION_ERROR, invalid.getMessage(),
                        Map.of("fields", Map.of(invalid.field(), "contains text that cannot be stored")));
            }
            if (cause instanceof InvalidFieldsException invalid) {
                return new ApiException(ApiError.VALIDATION_ERROR, invalid.getMessage(),
                        Map.of("fields", invalid.fields()));
            }
            if (cause instanceof JsonParseException parse) {
                JsonLocation at = parse.getLocation();
                String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                return new ApiException(ApiError.VALIDATION_ERROR, "the policy is not valid JSON" + where,
                        Map.of("fields", Map.of("policy", "is not valid JSON" + where)));
            }
        }
        return new ApiException(ApiError.VALIDATION_ERROR, "the policy does not have the expected shape",
                Map.of("fields", Map.of("policy", "must be a JSON object: the policy document")));
    }
}
