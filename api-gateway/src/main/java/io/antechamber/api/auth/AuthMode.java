package io.antechamber.api.auth;

/** Who may call an endpoint (API.md, "Authentication"). */
public enum AuthMode {
    /** A valid agent key whose agent is claimed into an org. */
    AGENT,
    /** A human API key, of any role. */
    HUMAN,
    /** A human API key whose human is an {@code admin} of the org (a reviewer gets 403). */
    ORG_ADMIN,
    /** Either an agent or a human of the org. */
    ANY,
    /** The operator's admin token. */
    ADMIN,
    /** Nobody needs to authenticate. */
    NONE
}
