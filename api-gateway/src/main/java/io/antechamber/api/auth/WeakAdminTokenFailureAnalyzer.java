package io.antechamber.api.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in the start-up failure report, instead of a stack trace, why the start stopped and what to do. */
public class WeakAdminTokenFailureAnalyzer extends AbstractFailureAnalyzer<WeakAdminTokenException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WeakAdminTokenException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set ANTECHAMBER_ADMIN_TOKEN to at least " + AdminToken.MIN_LENGTH + " random characters (for example"
                        + " the output of `openssl rand -hex 32`), or leave it unset to have a token generated and"
                        + " printed once at start-up.",
                cause);
    }
}
