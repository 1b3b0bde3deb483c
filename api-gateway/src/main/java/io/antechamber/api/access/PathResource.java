package io.antechamber.api.access;

/** A kind of resource a request path names, and the path variable that names it. */
public enum PathResource {
    /** {@code :room}, an id or a slug. */
    ROOM("room"),
    /** {@code :id} of {@code /v1/check-ins/:id}, a check-in or a task. */
    CHECK_IN("id"),
    /** {@code :id} of {@code /v1/humans/:id}. */
    HUMAN("id"),
    /** {@code :id} of {@code /v1/watchers/:id}; "as member" means its owner or a human. */
    WATCHER("id"),
    /** {@code :seq} of {@code /v1/audit/entries/:seq/…}: an entry of the caller's organization's audit log. */
    AUDIT_ENTRY("seq");

    private final String variable;

    PathResource(String variable) {
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
