package io.antechamber.api.web;

import io.antechamber.events.policy.PolicyLimits;

/**
 * The bounds of request fields, defined once: the controllers' validation checks them and its messages quote them.
 * Body sizes are configuration ({@code antechamber.limits.*}); page sizes are {@link Pages}'; policy documents and
 * timeouts are {@link PolicyLimits}'.
 */
public final class RequestLimits {

    /** Names of organizations, humans, agents and rooms. */
    public static final int NAME_CHARS = 200;
    public static final int EMAIL_MIN_CHARS = 3;
    public static final int EMAIL_CHARS = 320;
    public static final int CLAIM_TOKEN_CHARS = 200;
    public static final int AGENT_DESCRIPTION_CHARS = 2_000;
    public static final int ROOM_DESCRIPTION_CHARS = 5_000;
    /** What an agent wants to do (a check-in's or a task's {@code action}). */
    public static final int ACTION_CHARS = 500;
    /** A signal's type, such as {@code deploy.freeze}. */
    public static final int SIGNAL_TYPE_CHARS = 100;
    /** Why: a check-in's or a task's reason, a decision's reason, a request for help. */
    public static final int REASON_CHARS = 5_000;
    /** A thread message's or a submitted result's content. */
    public static final int CONTENT_CHARS = 20_000;
    public static final int ATTACHMENTS = 20;
    public static final int ATTACHMENT_NAME_CHARS = 255;
    public static final int ATTACHMENT_URL_CHARS = 2_048;
    public static final int ATTACHMENT_CONTENT_TYPE_CHARS = 255;
    /** {@code timeout_minutes}, the alias of {@code timeout_ms}: the same upper bound in minutes. */
    public static final long MAX_TIMEOUT_MINUTES = PolicyLimits.MAX_TIMEOUT_MS / 60_000L;
    /** {@code GET /v1/check-ins/:id/wait?timeout_ms=}. */
    public static final long MAX_WAIT_MS = 60_000L;
    public static final long DEFAULT_WAIT_MS = 30_000L;
    /** The {@code Idempotency-Key} header. */
    public static final int IDEMPOTENCY_KEY_CHARS = 255;

    private RequestLimits() {
    }
}
