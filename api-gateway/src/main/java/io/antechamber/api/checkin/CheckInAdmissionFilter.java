package io.antechamber.api.checkin;

import io.antechamber.api.config.AntechamberProperties;
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
 * Backpressure on new check-ins (ADR 0010): while the check-in view or the timeout saga is more than
 * {@code admission.max-behind-events} behind the event store, {@code POST /v1/rooms/:room/check-in} waits for it, at
 * most {@code admission.max-wait}, and then goes ahead. Nothing is refused; under overload the rate of new check-ins
 * falls to what the read side keeps up with, so the pending queue stays current instead of falling minutes behind.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class CheckInAdmissionFilter extends OncePerRequestFilter {

    private static final long POLL_MILLIS = 5;

    private final ProcessorBacklog backlog;
    private final long maxBehindEvents;
    private final long maxWaitNanos;

    public CheckInAdmissionFilter(ProcessorBacklog backlog, AntechamberProperties properties) {
        this.backlog = backlog;
        this.maxBehindEvents = properties.admission().maxBehindEvents();
        this.maxWaitNanos = properties.admission().maxWait().toNanos();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return maxBehindEvents <= 0 || !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/v1/rooms/") || !request.getRequestURI().endsWith("/check-in");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long deadline = System.nanoTime() + maxWaitNanos;
        while (backlog.events() > maxBehindEvents && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        chain.doFilter(request, response);
    }
}
