package io.antechamber.api.auth;

import io.antechamber.api.config.StartRefusedException;

/** A configured admin token too short to withstand guessing; the application does not start with it. */
public class WeakAdminTokenException extends StartRefusedException {

    public WeakAdminTokenException(int length) {
        super("The configured admin token (ANTECHAMBER_ADMIN_TOKEN, antechamber.admin-token) has " + length
                        + " characters; at least " + AdminToken.MIN_LENGTH + " are required.",
                "Set ANTECHAMBER_ADMIN_TOKEN to at least " + AdminToken.MIN_LENGTH + " random characters (for"
                        + " example the output of `openssl rand -hex 32`), or leave it unset to have a token"
                        + " generated and printed once at start-up.");
    }
}
