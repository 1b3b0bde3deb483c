package io.antechamber.api.dashboard;

import java.time.Instant;

/**
 * A signed-in person's session, as {@link DashboardSessions} keeps it.
 *
 * @param idHash    sha256 of the cookie's random id
 * @param keyHash   the hash of the human key used to sign in, looked up again on every request
 * @param csrfToken the synchronizer token forms and htmx requests send back
 */
public record DashboardSession(String idHash, String orgId, String humanId, String keyHash, String csrfToken,
        Instant lastSeenAt, Instant expiresAt) {
}
