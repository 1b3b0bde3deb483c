package io.antechamber.api.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A browser-like client of the web dashboard for the HTTP tests: it keeps cookies, follows no redirects (tests see
 * them), sends forms as {@code application/x-www-form-urlencoded}, and reads pages with jsoup.
 */
public final class DashboardClient {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    public DashboardClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    public record Page(int status, HttpResponse<String> response, Document document) {

        public Page expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " but got " + status + " for "
                        + response.request().method() + " " + response.request().uri() + ":\n" + response.body());
            }
            return this;
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        /** The session's CSRF token as the page gives it to htmx. */
        public String csrfToken() {
            return document.select("meta[name=csrf-token]").attr("content");
        }
    }

    /** Signs in with the key through the sign-in form, as a person would; returns the inbox page. */
    public Page signIn(String key) {
        Page form = get("/login").expect(200);
        String token = form.document().select("input[name=_csrf]").attr("value");
        Page signedIn = post("/login", Map.of("_csrf", token, "key", key));
        if (signedIn.status() != 302 && signedIn.status() != 303) {
            throw new AssertionError("sign-in refused with " + signedIn.status() + ": " + signedIn.response().body());
        }
        return get("/").expect(200);
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /**
     * Opens the page's live stream ({@code /events...}) with this browser's cookies, as the page's EventSource does;
     * fails unless it answers 200 with an event stream.
     */
    public SseClient events(String path) {
        return SseClient.open(URI.create(base + path), Map.of("Cookie", cookieHeader()));
    }

    /** What {@link #events} gets instead of a stream: the status of a refused {@code GET /events...}. */
    public int eventsStatus(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET())
                .status();
    }

    /** The Cookie header this browser sends (its session cookie). */
    public String cookieHeader() {
        return cookies.getCookieStore().get(URI.create(base)).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    /** An htmx request: what a page's hx-get sends. */
    public Page htmxGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
    }

    /** A form post; pass {@code _csrf} yourself (a test may leave it out, as a forged form would). */
    public Page post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON post as a page's script sends it (fetch), with the CSRF header when {@code csrfToken} is not null. */
    public Page postJson(String path, String json, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    /** A form post with the session's CSRF token read from the page first. */
    public Page submit(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", get("/").expect(200).csrfToken());
        return post(path, withToken);
    }

    private Page send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response;
            try {
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // Tomcat closes a connection after refusing an oversized request line (a 400 before any handler); the
                // client may already have picked that pooled connection for the next request, which then got no byte
                // back and never reached the server. The JDK retries that for GET only; a browser retries it for any.
                if (e.getMessage() == null || !e.getMessage().contains("received no bytes")) {
                    throw e;
                }
                response = client.send(built, HttpResponse.BodyHandlers.ofString());
            }
            return new Page(response.statusCode(), response, Jsoup.parse(response.body(), base));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
