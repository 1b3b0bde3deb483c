package io.antechamber.api.dashboard;

import io.antechamber.api.auth.ApiKeys;
import io.antechamber.api.auth.AuthInterceptor;
import io.antechamber.api.auth.Caller;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.StorableText;
import io.antechamber.command.lookup.Credential;
import io.antechamber.command.lookup.Credentials;
import io.antechamber.events.common.ActorType;
import io.antechamber.events.common.OrgId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Admits a request to a {@link DashboardController} only from a signed-in person, and an unsafe one only with the
 * session's CSRF token (form field {@value #CSRF_FIELD} or header {@value #CSRF_HEADER}, which htmx sends). The
 * session's human key is looked up again on every request, so a revoked key or a removed human is signed out at once.
 * A page asked for without a session is sent to the sign-in page; an htmx request gets {@code HX-Redirect} there.
 */
@Component
public class DashboardInterceptor implements HandlerInterceptor {

    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final DashboardSessions sessions;
    private final Credentials credentials;
    private final SessionCookie cookies;

    public DashboardInterceptor(DashboardSessions sessions, Credentials credentials, SessionCookie cookies) {
        this.sessions = sessions;
        this.credentials = credentials;
        this.cookies = cookies;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().isAnnotationPresent(DashboardController.class)) {
            return true;
        }
        refuseUnstorableText(request);
        if (method.hasMethodAnnotation(SignedOut.class)) {
            return true;
        }
        Optional<SignedIn> signedIn = signedIn(request);
        if (signedIn.isEmpty()) {
            cookies.clear(request, response, SessionCookie.SESSION);
            toSignIn(request, response);
            return false;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !carriesCsrfToken(request, signedIn.get().csrfToken())) {
            throw new CsrfRefusedException();
        }
        request.setAttribute(SignedIn.ATTRIBUTE, signedIn.get());
        AuthInterceptor.authenticated(request, signedIn.get().caller());
        boolean adminOnly = method.hasMethodAnnotation(OrgAdmin.class)
                || method.getBeanType().isAnnotationPresent(OrgAdmin.class);
        if (adminOnly && !signedIn.get().admin()) {
            throw ApiException.forbidden("this page is for admins of the organization");
        }
        return true;
    }

    /** The person whose live session the request's cookie names, if any. */
    public Optional<SignedIn> signedIn(HttpServletRequest request) {
        Optional<DashboardSession> session = SessionCookie.read(request, SessionCookie.SESSION).flatMap(sessions::find);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<Credential> credential = credentials.findByKeyHash(session.get().keyHash())
                .filter(Credential::active)
                .filter(c -> c.actorType() == ActorType.HUMAN && session.get().orgId().equals(c.orgId())
                        && session.get().humanId().equals(c.actorId()));
        if (credential.isEmpty()) {
            sessions.close(session.get().idHash());
            return Optional.empty();
        }
        Credential c = credential.get();
        Caller caller = new Caller(ActorType.HUMAN, c.actorId(), new OrgId(c.orgId()), c.name(),
                session.get().keyHash());
        return Optional.of(new SignedIn(caller, c.isAdmin(), session.get().csrfToken(), session.get().idHash()));
    }

    /** What the API's JSON reader refuses in a body (StrictJsonConverter) is refused in a form or query too. */
    private static void refuseUnstorableText(HttpServletRequest request) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            Optional<String> problem = StorableText.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                problem = problem.or(() -> StorableText.problem(value));
            }
            if (problem.isPresent()) {
                throw new ApiException(ApiError.VALIDATION_ERROR, "'" + parameter.getKey() + "' " + problem.get(),
                        Map.of("fields", Map.of(parameter.getKey(), "contains text that cannot be stored")));
            }
        }
    }

    private static boolean carriesCsrfToken(HttpServletRequest request, String expected) {
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null) {
            sent = request.getParameter(CSRF_FIELD);
        }
        return sent != null && ApiKeys.constantTimeEquals(sent, expected);
    }

    private static void toSignIn(HttpServletRequest request, HttpServletResponse response) {
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("HX-Redirect", "/login");
        } else {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, "/login");
        }
    }
}
