package io.antechamber.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The clients' one ObjectMapper: the API's wire format (snake_case, ISO-8601 instants), lenient to newer servers.
 * Shared by every client in the JVM, because a mapper's serializer caches are what make it fast and a server that
 * builds a client per request (the MCP tools) would otherwise start cold every time. Never reconfigured after this.
 */
final class ClientJson {

    private static final ObjectMapper MAPPER = build();

    private ClientJson() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper build() {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // a field a newer server adds must not break an older client
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // the API refuses a field it does not know, and an absent optional field is not a null one
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
