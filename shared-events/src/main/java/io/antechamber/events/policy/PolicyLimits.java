package io.antechamber.events.policy;

/**
 * The bounds of a policy document and of the timeouts it and check-ins set, defined once: the validator enforces
 * them, its messages quote them, and the docs test checks that docs/api.md states them.
 */
public final class PolicyLimits {

    /** Rules in one policy. */
    public static final int MAX_RULES = 200;
    /** Conditions in one rule (and at least one: a rule without conditions would match everything). */
    public static final int MAX_CONDITIONS_PER_RULE = 20;
    /** Characters of a {@code matches} pattern. */
    public static final int MAX_PATTERN_CHARS = 500;
    /**
     * Size of a {@code matches} pattern once its counted repetitions are expanded ({@code (ab){3}} is 6): matching
     * is linear in the input but also in this size, and compiling a pattern allocates for each unit of it.
     */
    public static final int MAX_PATTERN_SIZE = 1_000;
    /** A timeout, the policy's default or a check-in's own: one second to seven days. */
    public static final long MIN_TIMEOUT_MS = 1_000L;
    public static final long MAX_TIMEOUT_MS = 604_800_000L;

    private PolicyLimits() {
    }
}
