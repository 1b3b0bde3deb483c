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

    private static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an id or slug is required");
        }
        return encode(value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
