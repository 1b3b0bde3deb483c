package io.antechamber.api.webhook;

import java.net.UnknownHostException;

/**
 * Every address a webhook's host resolves to is one it may not go to. An {@link UnknownHostException}, so that the
 * HTTP client gives up on the connection at once, as it does for a name that does not resolve.
 */
public class RefusedTargetException extends UnknownHostException {

    public RefusedTargetException(String message) {
        super(message);
    }
}
