package io.antechamber.api.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One method and path pattern the application maps, with the names of its path variables in order. */
record Endpoint(String method, String pattern, List<String> variables) {

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

    static Endpoint of(String method, String pattern) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(pattern);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return new Endpoint(method, pattern, List.copyOf(variables));
    }

    /** The pattern with each variable replaced by the next already-encoded value. */
    String path(List<String> encodedValues) {
        Matcher matcher = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(encodedValues.get(i++ % encodedValues.size())));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    boolean isLongPoll() {
        return pattern.endsWith("/wait");
    }

    @Override
    public String toString() {
        return method + " " + pattern;
    }
}
