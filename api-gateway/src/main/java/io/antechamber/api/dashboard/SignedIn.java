package io.antechamber.api.dashboard;

import io.antechamber.api.auth.Caller;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The person a dashboard request comes from, as {@link DashboardInterceptor} found them: the caller the API's
 * controllers take, whether they are an admin of the organization, and the session's CSRF token for the page's forms.
 */
public record SignedIn(Caller caller, boolean admin, String csrfToken, String sessionIdHash) {

    static final String ATTRIBUTE = SignedIn.class.getName();

    /** The signed-in person of a request that passed {@link DashboardInterceptor}. */
    public static SignedIn of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof SignedIn signedIn) {
            return signedIn;
        }
        throw new IllegalStateException("no signed-in person on " + request.getRequestURI());
    }
}
