package io.antechamber.verify;

/** The command line asks for something the verifier cannot do (exit 2), as opposed to evidence that fails (exit 1). */
final class UsageError extends Exception {

    UsageError(String message) {
        super(message);
    }
}
