package io.antechamber.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The API's paths, with ids and slugs percent-encoded so no value can change the path it lands in. */
final class Paths {

    private Paths() {
    }

    static String room(String room) {
        return "/v1/rooms/" + segment(room);
    }

    static String checkIn(String id) {
        return "/v1/check-ins/" + segment(id);
    }

    static String withQuery(String path, Map<String, String> query) {
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
    }

    /**
     * One path segment. Blank is refused, and so are {@code .} and {@code ..}: percent-encoding leaves dots alone, and
     * a server normalises {@code /v1/rooms/../check-in} to another path. Refused with IllegalArgumentException, like
     * every argument the client can tell is wrong before sending (nothing is sent, so no API error exists).
     */
    private static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id or slug is required (it was blank)");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("\"" + value + "\" is not an id or slug");
        }
        return encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
