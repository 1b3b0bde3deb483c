package io.antechamber.api.auth;

import io.antechamber.api.web.RequestPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates first: resolves the bearer token to a verified credential (or to none, or to a failed attempt) before
 * the rate limiter and the idempotency keys, which are scoped to it. Refuses nothing: whether an endpoint needs a
 * credential, and which, is {@link AuthInterceptor}'s decision.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class CredentialFilter extends OncePerRequestFilter {

    private final CredentialResolver resolver;

    public CredentialFilter(CredentialResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPath.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        resolver.resolve(request);
        chain.doFilter(request, response);
    }
}
