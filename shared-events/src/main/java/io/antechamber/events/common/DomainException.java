package io.antechamber.events.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal by the domain: a {@link RefusalCode}, a message for people, and details for clients. Lives in the shared
 * language so that the gateway can map it centrally without depending on command-side internals.
 */
public class DomainException extends RuntimeException {

    private final RefusalCode code;
    private final Map<String, Object> details;

    public DomainException(RefusalCode code, String message) {
        this(code, message, Map.of());
    }

    public DomainException(RefusalCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public RefusalCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static DomainException notFound(String what) {
        return new DomainException(RefusalCode.NOT_FOUND, what + " not found");
    }

    /** An {@link RefusalCode#INVALID} refusal naming one bad field. */
    public static DomainException invalid(String field, String message) {
        return new DomainException(RefusalCode.INVALID, message, Map.of("fields", Map.of(field, message)));
    }

    /** An {@link RefusalCode#INVALID} refusal naming several bad fields. */
    public static DomainException invalid(String message, Map<String, String> fields) {
        return new DomainException(RefusalCode.INVALID, message, Map.of("fields", fields));
    }
}
