package io.antechamber.api.mcp;

import io.antechamber.api.web.ApiException;
import io.antechamber.api.web.CredentialSlots;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.stereotype.Component;

/**
 * The MCP requests in flight on this replica: at most {@code mcp.max-calls-per-credential} per credential and
 * {@code mcp.max-concurrent-calls} in all. The SDK's servlet transport answers a tool call on the request's thread,
 * blocked until the tool returns (up to 50 s for the waiting tools), and the tool's own call to the API needs a
 * second thread; unbounded, enough waiting tool calls would take every thread and leave none for the API. (On Java 21,
 * where {@code spring.threads.virtual.enabled} gives Tomcat virtual threads, the pool is no longer the bound, but the
 * limit still keeps waiting calls, their connections and loopback calls from piling up.)
 */
@Component
class McpCallSlots {

    /** Waiting tool calls end within 50 s, most others within a second: a few seconds is a fair first guess. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    private static final int SHARE_OF_THREADS = 4;

    private final CredentialSlots perCredential;
    private final Semaphore replica;
    private final int maxConcurrent;

    McpCallSlots(McpProperties properties, ServerProperties server) {
        this.perCredential = new CredentialSlots(properties.maxCallsPerCredential(),
                "this credential already has %d MCP calls in flight on this server; retry when one has answered",
                RETRY_AFTER);
        this.maxConcurrent = properties.maxConcurrentCalls() != null ? properties.maxConcurrentCalls()
                : Math.max(1, server.getTomcat().getThreads().getMax() / SHARE_OF_THREADS);
        this.replica = new Semaphore(maxConcurrent);
    }

    /** A slot for one request of {@code credential}, or 429 RATE_LIMITED; release it however the request ends. */
    CredentialSlots.Slot take(String credential) {
        CredentialSlots.Slot own = perCredential.take(credential);
        if (!replica.tryAcquire()) {
            own.release();
            throw ApiException.rateLimited("this server already has " + maxConcurrent + " MCP calls in flight; "
                    + "retry in a few seconds", RETRY_AFTER);
        }
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                own.release();
                replica.release();
            }
        };
    }
}
