package io.antechamber.api.dashboard;

/** An unsafe dashboard request without the session's CSRF token (or the sign-in form's); answered 403. */
public class CsrfRefusedException extends RuntimeException {

    public CsrfRefusedException() {
        super("this form has expired or did not come from this dashboard; reload the page and try again");
    }
}
