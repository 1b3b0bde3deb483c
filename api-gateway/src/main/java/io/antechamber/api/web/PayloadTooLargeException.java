package io.antechamber.api.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past the limit (bodies sent without a Content-Length). */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(int limit) {
        super("request body is larger than " + limit + " bytes");
    }
}
