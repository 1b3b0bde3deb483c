package io.antechamber.api.checkin;

/** The optional body of {@code POST /v1/check-ins/:id/help}. */
public record HelpRequest(String description) {

    static final HelpRequest EMPTY = new HelpRequest(null);
}
