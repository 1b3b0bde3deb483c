package io.antechamber.client;

/** A webhook delivery that must not be trusted: a header is missing or malformed, too old or new, or no signature matched. */
public class WebhookVerificationException extends Exception {

    public WebhookVerificationException(String message) {
        super(message);
    }
}
