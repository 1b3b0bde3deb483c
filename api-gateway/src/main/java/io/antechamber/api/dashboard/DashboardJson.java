package io.antechamber.api.dashboard;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.InvalidFieldsException;
import io.antechamber.api.web.InvalidTextException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.stereotype.Component;

/**
 * Reads JSON typed into the dashboard (a policy document, check-in modifications, task metadata) exactly as the API
 * reads a JSON body: through the API's own strict converter, so duplicate keys, NUL or lone surrogates, numbers
 * beyond the range of doubles ({@code 1e400}), unknown fields and wrong types are refused here as there, in the API's
 * words. The page refuses what the API refuses, and stores nothing the API could not have stored.
 */
@Component
public class DashboardJson {

    private static final Type OBJECT = new TypeReference<LinkedHashMap<String, Object>>() {
    }.getType();

    private final MappingJackson2HttpMessageConverter converter;

    public DashboardJson(MappingJackson2HttpMessageConverter converter) {
        this.converter = converter;
    }

    /** The value as indented JSON in the API's own form (snake_case names), to show on a page. */
    public String pretty(Object value) {
        try {
            return converter.getObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a value the API wrote could not be written again", e);
        }
    }

    /**
     * The document {@code text} holds, as {@code type}; an {@link ApiException} (400) otherwise, naming the bad
     * fields by their path in the document (as the API names a body's fields), or {@code field} when the text as a
     * whole is wrong.
     */
    public <T> T read(String text, Class<T> type, String field) {
        return type.cast(convert(text, type, field, false));
    }

    /**
     * A free-form JSON object (metadata, modifications) typed into the form field {@code field}; an
     * {@link ApiException} (400) whose every problem is named under {@code field}, so the page shows it beside the
     * editor.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> readObject(String text, String field) {
        Object value = convert(text, OBJECT, field, true);
        if (value == null) { // the text "null"
            throw ApiException.invalid(field, "must be a JSON object, such as {\"key\": \"value\"}");
        }
        return (Map<String, Object>) value;
    }

    private Object convert(String text, Type type, String field, boolean nested) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(field, "is required: a JSON document");
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try {
            return converter.read(type, null, new HttpInputMessage() {
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
            throw refusal(e, field, nested);
        } catch (IOException e) {
            throw ApiException.invalid(field, "could not be read");
        }
    }

    /** The same refusal the API's handler gives an unreadable body (ApiExceptionHandler#unreadable). */
    private static ApiException refusal(HttpMessageNotReadableException e, String field, boolean nested) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidTextException invalid) {
                return fields(field, nested, invalid.getMessage(),
                        Map.of(invalid.field(), "contains text that cannot be stored"));
            }
            if (cause instanceof InvalidFieldsException invalid) {
                return fields(field, nested, invalid.getMessage(), invalid.fields());
            }
            if (cause instanceof JsonParseException parse) {
                JsonLocation at = parse.getLocation();
                String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
                // Jackson's own message names its internals (the redacted source, stream read features): not for people
                return ApiException.invalid(field, "is not valid JSON" + where
                        + (nested ? ": give a JSON object, such as {\"key\": \"value\"}" : ""));
            }
        }
        return ApiException.invalid(field, nested ? "must be a JSON object, such as {\"key\": \"value\"}"
                : "does not have the expected shape");
    }

    /** The problems by their path in the document, or all under {@code field} when the document is one field. */
    private static ApiException fields(String field, boolean nested, String message, Map<String, String> problems) {
        Map<String, String> named = new LinkedHashMap<>();
        if (nested) {
            StringBuilder all = new StringBuilder();
            problems.forEach((path, problem) -> all.append(all.length() == 0 ? "" : "; ")
                    .append(path.isEmpty() ? "" : path + " ").append(problem));
            named.put(field, all.toString());
        } else {
            problems.forEach((path, problem) -> named.put(path.isEmpty() ? field : path, problem));
        }
        return new ApiException(ApiError.VALIDATION_ERROR, message, Map.of("fields", named));
    }
}
