package io.antechamber.api.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ApiError;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The size limit on client-supplied JSON objects (metadata, modifications): 413 past it, measured as JSON. */
@Component
public class MetadataLimit {

    private final ObjectMapper json;
    private final int maxBytes;

    public MetadataLimit(ObjectMapper json, AntechamberProperties properties) {
        this.json = json;
        this.maxBytes = properties.limits().maxMetadataBytes();
    }

    /** Throws the 413 for {@code value} past the limit; call it once the request is otherwise valid. */
    public void check(String field, Object value) {
        if (value == null) {
            return;
        }
        try {
            if (json.writeValueAsBytes(value).length > maxBytes) {
                throw new ApiException(ApiError.PAYLOAD_TOO_LARGE, field + " is larger than " + maxBytes
                        + " bytes", Map.of("fields", Map.of(field, "is larger than " + maxBytes + " bytes")));
            }
        } catch (JsonProcessingException e) {
            throw ApiException.invalid(field, "is not serializable");
        }
    }
}
