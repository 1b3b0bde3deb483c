package io.antechamber.api.auth;

/** A configured admin token too short to withstand guessing; the application does not start with it. */
public class WeakAdminTokenException extends IllegalStateException {

    private final int length;

    public WeakAdminTokenException(int length) {
        super("The configured admin token (ANTECHAMBER_ADMIN_TOKEN, antechamber.admin-token) has " + length
                + " characters; at least " + AdminToken.MIN_LENGTH + " are required.");
        this.length = length;
    }

    public int length() {
        return length;
    }
}
