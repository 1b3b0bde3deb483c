package io.antechamber.command.policy;

import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiled {@code matches} patterns, shared by every policy; empty for a pattern that does not compile. */
final class PatternCache {

    private static final BoundedCache<String, Optional<Pattern>> COMPILED = new BoundedCache<>(1024);

    private PatternCache() {
    }

    static Optional<Pattern> compiled(String regex) {
        return COMPILED.get(regex, PatternCache::compile);
    }

    private static Optional<Pattern> compile(String regex) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }
}
