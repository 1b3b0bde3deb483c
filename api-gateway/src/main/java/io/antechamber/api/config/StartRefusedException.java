package io.antechamber.api.config;

/**
 * A setting or a state the application will not start with. Spring Boot's start-up failure report shows its
 * description and what to do ({@link StartRefusedFailureAnalyzer}) instead of a stack trace. Neither may hold a
 * secret.
 */
public class StartRefusedException extends IllegalStateException {

    private final String action;

    public StartRefusedException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
