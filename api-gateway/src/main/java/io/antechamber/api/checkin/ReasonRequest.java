package io.antechamber.api.checkin;

/** The optional body of approve and reject: only a reason (modifications belong to modify). */
public record ReasonRequest(String reason) {

    static final ReasonRequest EMPTY = new ReasonRequest(null);
}
