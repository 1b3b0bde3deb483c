package io.antechamber.client;

import java.util.Map;

/**
 * The body of a check-in: only {@code action} is required; a null field is left out, so the server's default (or the
 * room policy's) applies. {@code riskLevel}: {@code low}, {@code medium}, {@code high}, {@code critical};
 * {@code urgency}: {@code low}, {@code normal}, {@code high}, {@code urgent}; {@code timeoutAction}:
 * {@code auto_approve}, {@code cancel}, {@code hold}.
 */
public record CheckInRequest(String action, String reason, String riskLevel, String urgency,
        Map<String, Object> metadata, Long timeoutMs, String timeoutAction) {

    public static CheckInRequest of(String action) {
        return builder(action).build();
    }

    public static Builder builder(String action) {
        return new Builder(action);
    }

    public static final class Builder {

        private final String action;
        private String reason;
        private String riskLevel;
        private String urgency;
        private Map<String, Object> metadata;
        private Long timeoutMs;
        private String timeoutAction;

        private Builder(String action) {
            this.action = action;
        }

        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        public Builder riskLevel(String riskLevel) {
            this.riskLevel = riskLevel;
            return this;
        }

        public Builder urgency(String urgency) {
            this.urgency = urgency;
            return this;
        }

        public Builder metadata(Map<String, Object> metadata) {
            this.metadata = metadata;
            return this;
        }

        public Builder timeoutMs(Long timeoutMs) {
            this.timeoutMs = timeoutMs;
            return this;
        }

        public Builder timeoutAction(String timeoutAction) {
            this.timeoutAction = timeoutAction;
            return this;
        }

        public CheckInRequest build() {
            return new CheckInRequest(action, reason, riskLevel, urgency, metadata, timeoutMs, timeoutAction);
        }
    }
}
