package io.antechamber.api.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A secret that crosses the API once (an API key, a claim token): written to JSON as its plain value, but never by
 * {@link #toString()}, so a DTO that holds one prints without it wherever it is logged (Spring MVC logs request and
 * response bodies at DEBUG and TRACE). Stored responses are redacted separately, by field name
 * ({@link io.antechamber.api.web.SecretFields}).
 */
public record Secret(String value) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Secret {
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    /** The plain value of a secret that may be absent. */
    public static String valueOf(Secret secret) {
        return secret == null ? null : secret.value();
    }

    @Override
    public String toString() {
        return "[secret]";
    }
}
