package io.antechamber.api.mcp;

import io.antechamber.api.auth.CredentialResolver;
import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.CredentialSlots;
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
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds one of {@link McpCallSlots} for each {@code /mcp} request while the MCP layer answers it, given back however
 * it ends; none free: 429 RATE_LIMITED with {@code Retry-After} in the API's error shape, an HTTP answer like
 * {@link McpAuthFilter}'s refusals. After that filter, so only a claimed agent's key holds slots.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class McpCallLimitFilter extends OncePerRequestFilter {

    private final McpCallSlots slots;
    private final CredentialResolver credentials;
    private final ErrorWriter errors;

    McpCallLimitFilter(McpCallSlots slots, CredentialResolver credentials, ErrorWriter errors) {
        this.slots = slots;
        this.credentials = credentials;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPath.isMcp(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CredentialSlots.Slot slot;
        try {
            slot = slots.take(credentials.resolve(request).id());
        } catch (ApiException refused) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfter().toSeconds()));
            errors.write(response, refused.error(), refused.getMessage());
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            slot.release();
        }
    }
}
