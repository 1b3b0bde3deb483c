package io.antechamber.api.auth;

import io.antechamber.api.web.ErrorWriter;
import io.antechamber.api.web.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} is for the operator: it needs the admin token (a valid API key is 403, anything else
 * 401). Health stays open.
 */
@Component
public class MetricsAuthFilter extends OncePerRequestFilter {

    private final CredentialResolver credentials;
    private final ErrorWriter errors;

    public MetricsAuthFilter(CredentialResolver credentials, ErrorWriter errors) {
        this.credentials = credentials;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/actuator/prometheus");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ResolvedCredential resolved = credentials.resolve(request);
        if (resolved.outcome() == ResolvedCredential.Outcome.KEY) {
            errors.write(response, ApiError.FORBIDDEN, "metrics are for the operator's admin token, not an API key");
            return;
        }
        if (resolved.outcome() != ResolvedCredential.Outcome.ADMIN) {
            errors.write(response, ApiError.UNAUTHORIZED, "metrics need the admin token");
            return;
        }
        chain.doFilter(request, response);
    }
}
