package io.antechamber.verify;

/**
 * A piece of evidence did not verify. The message names exactly what failed ("line 17 (seq 17): hash does not match
 * its content", "checkpoint signature does not verify with key k1"), because an auditor acts on it.
 */
public final class VerificationFailure extends Exception {

    public VerificationFailure(String message) {
        super(message);
    }
}
