package io.antechamber.api.auth;

/** Who may call an endpoint (API.md, "Authentication"). */
public enum AuthMode {
    /** A valid agent key whose agent is claimed into an org. */
    AGENT,
    /** A human API key. */
    HUMAN,
    /** Either an agent or a human of the org. */
    ANY,
    /** The operator's admin token. */
    ADMIN,
    /** Nobody needs to authenticate. */
    NONE
}
