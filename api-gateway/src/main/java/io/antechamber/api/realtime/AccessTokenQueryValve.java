package io.antechamber.api.realtime;

import io.antechamber.api.auth.BearerToken;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * Takes {@code access_token} out of every request's query string before anything else sees the request, so no
 * access log, request log or error report can record the secret (docs/security.md). On the WebSocket endpoint, where
 * API.md allows it, the token is kept in a request attribute that {@link BearerToken} reads; anywhere else it is
 * dropped, so a token in a URL authenticates nothing there.
 * <p>
 * The query is rewritten in Tomcat's own request, from which every later reader takes it: the access log valve
 * (which writes after the request), {@code getQueryString()} and parameter parsing.
 */
public final class AccessTokenQueryValve extends ValveBase {

    static final String PARAMETER = "access_token";
    private static final Pattern WEBSOCKET_PATH = Pattern.compile("/v1/rooms/[^/]+/ws/?");

    public AccessTokenQueryValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        String query = request.getQueryString();
        // decoded first: the container would also read "access%5Ftoken" as the parameter, and log it raw
        if (query != null && decode(query).contains(PARAMETER)) {
            List<String> kept = new ArrayList<>();
            String token = null;
            for (String part : query.split("&")) {
                int equals = part.indexOf('=');
                String name = decode(equals < 0 ? part : part.substring(0, equals));
                if (!PARAMETER.equals(name)) {
                    kept.add(part);
                } else if (token == null && equals >= 0) {
                    token = decode(part.substring(equals + 1));
                }
            }
            request.getCoyoteRequest().queryString().setString(kept.isEmpty() ? null : String.join("&", kept));
            String path = request.getDecodedRequestURI();
            if (token != null && path != null && WEBSOCKET_PATH.matcher(path).matches()) {
                request.setAttribute(BearerToken.FROM_QUERY_ATTRIBUTE, token);
            }
        }
        getNext().invoke(request, response);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
