package io.antechamber.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a {@code Content-Type} that is a pattern ({@code application/*}) rather than a media type: Spring's request
 * wrapper asserts against it and would turn it into a 500. Any other unusable type reaches the endpoint and is
 * refused there (400, after the path resource is checked).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class WildcardContentTypeFilter extends OncePerRequestFilter {

    private final ErrorWriter errors;

    public WildcardContentTypeFilter(ErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWildcard(request.getContentType())) {
            errors.write(response, ApiError.VALIDATION_ERROR, "Content-Type must be a media type, not a pattern",
                    Map.of("fields", Map.of("Content-Type", "must be application/json")));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWildcard(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
