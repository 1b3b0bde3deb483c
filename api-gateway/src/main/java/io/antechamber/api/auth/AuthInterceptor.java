package io.antechamber.api.auth;

import io.antechamber.command.lookup.Credential;
import io.antechamber.events.common.ActorType;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ApiError;
import io.antechamber.events.common.OrgId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Enforces the endpoint's {@link Auth} mode before the handler runs, on the credential {@link CredentialResolver}
 * resolved. The caller is left in a request attribute for {@link CallerArgumentResolver}.
 */
@Component
public class AuthInterceptor implements HandlerInterceptor {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final CredentialResolver credentials;

    public AuthInterceptor(CredentialResolver credentials) {
        this.credentials = credentials;
    }

    /** Leaves a caller authenticated some other way (the dashboard's session) where handlers find it. */
    public static void authenticated(HttpServletRequest request, Caller caller) {
        request.setAttribute(CALLER_ATTRIBUTE, caller);
    }

    /** The caller this interceptor authenticated for the request, if it ran. */
    public static Optional<Caller> callerOf(HttpServletRequest request) {
        return request.getAttribute(CALLER_ATTRIBUTE) instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Auth auth = method.getMethodAnnotation(Auth.class);
        if (auth == null && isSpringsOptionsAnswer(request, method)) {
            return true;
        }
        if (auth == null) {
            throw new IllegalStateException("endpoint without @Auth: " + method);
        }
        Caller caller = auth.value() == AuthMode.NONE ? Caller.anonymous() : authenticate(request, auth.value());
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        return true;
    }

    /** Spring answers OPTIONS itself with the path's allowed methods; it reads no data, so it needs no caller. */
    private static boolean isSpringsOptionsAnswer(HttpServletRequest request, HandlerMethod method) {
        return HttpMethod.OPTIONS.matches(request.getMethod())
                && method.getBeanType().getEnclosingClass() == RequestMappingInfoHandlerMapping.class;
    }

    /** The caller of a request that {@code mode} admits, or the refusal; also for handlers outside Spring MVC's. */
    public Caller authenticate(HttpServletRequest request, AuthMode mode) {
        ResolvedCredential resolved = credentials.resolve(request);
        if (resolved.outcome() == ResolvedCredential.Outcome.NONE) {
            throw new ApiException(ApiError.UNAUTHORIZED, "send 'Authorization: Bearer <token>'");
        }
        if (mode == AuthMode.ADMIN) {
            if (resolved.outcome() == ResolvedCredential.Outcome.KEY) {
                throw ApiException.forbidden("this endpoint is for the operator's admin token, not an API key");
            }
            if (resolved.outcome() != ResolvedCredential.Outcome.ADMIN) {
                throw new ApiException(ApiError.UNAUTHORIZED, "this endpoint needs the admin token");
            }
            return Caller.admin();
        }
        if (resolved.outcome() == ResolvedCredential.Outcome.ADMIN) {
            throw ApiException.forbidden("the operator's admin token is only for POST /v1/orgs and /v1/admin/*");
        }
        String hash = resolved.id();
        Credential credential = resolved.holder()
                .orElseThrow(() -> new ApiException(ApiError.UNAUTHORIZED, "unknown or revoked API key"));
        if (credential.orgId() == null) {
            throw ApiException.forbidden("this agent has not been claimed into an organization yet");
        }
        boolean allowed = switch (mode) {
            case AGENT -> credential.actorType() == ActorType.AGENT;
            case HUMAN -> credential.actorType() == ActorType.HUMAN;
            case ORG_ADMIN -> credential.isAdmin();
            default -> true;
        };
        if (!allowed) {
            throw ApiException.forbidden(switch (mode) {
                case AGENT -> "this endpoint is for agents";
                case ORG_ADMIN -> "this endpoint is for admins of the organization";
                default -> "this endpoint is for humans";
            });
        }
        return new Caller(credential.actorType(), credential.actorId(), new OrgId(credential.orgId()),
                credential.name(), hash);
    }
}
