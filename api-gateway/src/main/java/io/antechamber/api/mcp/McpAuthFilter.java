package io.antechamber.api.mcp;

import io.antechamber.api.auth.AuthInterceptor;
import io.antechamber.api.auth.AuthMode;
import io.antechamber.api.web.ApiError;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.ErrorWriter;
import io.antechamber.api.web.RequestPath;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /mcp} is for claimed agents, checked before the MCP layer sees the request, with the API's own credential
 * check: no or an unknown key is 401 with {@code WWW-Authenticate: Bearer}, a human's key 403, both in the API's
 * error shape, as HTTP answers rather than JSON-RPC errors, so a host tells its user the key is wrong. After the rate
 * limiter, like the API's own check.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class McpAuthFilter extends OncePerRequestFilter {

    private final AuthInterceptor auth;
    private final ErrorWriter errors;

    McpAuthFilter(AuthInterceptor auth, ErrorWriter errors) {
        this.auth = auth;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPath.isMcp(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            auth.authenticate(request, AuthMode.AGENT);
        } catch (ApiException refused) {
            if (refused.error() == ApiError.UNAUTHORIZED) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            errors.write(response, refused.error(), refused.getMessage(), refused.details());
            return;
        }
        if (!HttpMethod.POST.matches(request.getMethod())) {
            // the SDK answers any other method 405 without the Allow header RFC 9110 asks of a 405; the error page
            // reads it into details.allowed
            response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
        }
        chain.doFilter(request, response);
    }
}
