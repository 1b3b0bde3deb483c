package io.antechamber.api.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * One POST of a webhook: at most {@link #TIME_LIMIT} from the start to the response's status (whatever the connect and
 * read timeouts allow, the request is aborted then), no redirects, and at most {@link #MAX_RESPONSE_BYTES} of the
 * response body read, of which a short excerpt is kept for {@code last_error}.
 */
public class WebhookPost implements AutoCloseable {

    public static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    static final int MAX_RESPONSE_BYTES = 4096;
    static final int MAX_ERROR_CHARS = 200;
    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient client;
    private final ScheduledExecutorService timer;
    private final Clock clock;

    public WebhookPost(CloseableHttpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "webhook-time-limit");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /**
     * @param status         the response's status, null when none came
     * @param error          why it failed, null for a 2xx
     * @param retryAfter     the {@code Retry-After} of a 429 or 503
     * @param refusedTarget  the host resolves only to addresses a webhook may not go to
     */
    public record Response(Integer status, String error, Duration retryAfter, boolean refusedTarget) {

        public boolean successful() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public Response send(String url, Map<String, String> headers, String body) {
        return send(url, headers, body.getBytes(StandardCharsets.UTF_8), JSON);
    }

    /** The same POST with a body of any type: Web Push sends its encrypted notifications through here. */
    public Response send(String url, Map<String, String> headers, byte[] body, ContentType contentType) {
        HttpPost post;
        try {
            post = new HttpPost(url);
        } catch (IllegalArgumentException e) {
            return new Response(null, "the webhook URL is not valid", null, true);
        }
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, contentType));
        ScheduledFuture<?> abort = timer.schedule(post::cancel, TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, post, null);
            int status = response.getCode();
            if (status >= 200 && status < 300) {
                return new Response(status, null, null, false);
            }
            return new Response(status, shorten("the receiver answered " + status + excerpt(response.getEntity())),
                    retryAfter(status, response.getFirstHeader("Retry-After")), false);
        } catch (RefusedTargetException e) {
            return new Response(null, e.getMessage(), null, true);
        } catch (ConnectTimeoutException e) {
            return new Response(null, "could not connect within " + TIME_LIMIT.toSeconds() + " s", null, false);
        } catch (SocketTimeoutException e) {
            return new Response(null, "no response within " + TIME_LIMIT.toSeconds() + " s", null, false);
        } catch (IOException e) {
            String why = post.isCancelled() ? "no response within " + TIME_LIMIT.toSeconds() + " s"
                    : "connection failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage());
            return new Response(null, shorten(why), null, false);
        } finally {
            release(post, response); // still under the time limit: a short body may come slowly too
            abort.cancel(false);
        }
    }

    /**
     * Closing a response reads the rest of its body (to keep the connection), however long it is and however slowly
     * it comes: a body that is not known to be short is cut off with its connection instead.
     */
    private static void release(HttpPost post, ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        HttpEntity entity = response.getEntity();
        if (entity != null && (entity.getContentLength() < 0 || entity.getContentLength() > MAX_RESPONSE_BYTES)) {
            post.cancel();
        }
        try {
            response.close();
        } catch (IOException e) {
            // the connection was cut off, or is gone already
        }
    }

    private Duration retryAfter(int status, Header header) {
        if ((status != 429 && status != 503) || header == null) {
            return null;
        }
        return RetryAfter.parse(header.getValue(), clock.instant());
    }

    /** A few printable characters of the body, when there is one; reading stops at the cap. */
    private static String excerpt(HttpEntity entity) {
        if (entity == null) {
            return "";
        }
        try {
            InputStream in = entity.getContent(); // closed with the response (release)
            String text = new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8)
                    .replaceAll("\\p{Cntrl}+", " ").strip();
            return text.isEmpty() ? "" : ": " + text;
        } catch (IOException e) {
            return "";
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }
}
