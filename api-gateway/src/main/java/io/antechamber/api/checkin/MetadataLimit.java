package io.antechamber.api.checkin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.antechamber.api.config.AntechamberProperties;
import io.antechamber.api.web.Validation;
import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.ErrorCode;
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

    public void check(Validation validation, String field, Object value) {
        if (value == null) {
            return;
        }
        try {
            if (json.writeValueAsBytes(value).length > maxBytes) {
                throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, field + " is larger than " + maxBytes
                        + " bytes", Map.of("fields", Map.of(field, "is larger than " + maxBytes + " bytes")));
            }
        } catch (JsonProcessingException e) {
            validation.check(false, field, "is not serializable");
        }
    }
}
