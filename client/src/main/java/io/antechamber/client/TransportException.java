package io.antechamber.client;

/**
 * The call got no answer from the API: the connection was refused or dropped, it timed out, the thread was
 * interrupted, or what came back was not the API's JSON. Whether the server acted on it is unknown.
 */
public class TransportException extends RuntimeException {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
