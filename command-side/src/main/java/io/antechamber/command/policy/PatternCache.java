package io.antechamber.command.policy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.antechamber.events.policy.PolicyLimits;
import java.util.Optional;

/**
 * Compiled {@code matches} patterns (RE2 syntax, linear-time matching), shared by every policy: a policy's patterns
 * are compiled once, not at every check-in. Empty for a pattern that is too large or does not compile, which only a
 * policy stored by an older version can hold.
 */
final class PatternCache {

    private static final BoundedCache<String, Optional<Pattern>> COMPILED = new BoundedCache<>(1024);

    private PatternCache() {
    }

    static Optional<Pattern> compiled(String regex) {
        return COMPILED.get(regex, PatternCache::compile);
    }

    /** Why {@code regex} cannot be a {@code matches} value, or null when it can. */
    static String problem(String regex) {
        String sizeProblem = sizeProblem(regex);
        if (sizeProblem != null) {
            return sizeProblem;
        }
        try {
            Pattern.compile(regex);
            return null;
        } catch (PatternSyntaxException e) {
            return "is not a valid RE2 regular expression: " + e.getMessage();
        }
    }

    private static Optional<Pattern> compile(String regex) {
        if (sizeProblem(regex) != null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    // Checked before compiling: compiling a pattern allocates for every element of its expansion.
    private static String sizeProblem(String regex) {
        if (regex.length() > PolicyLimits.MAX_PATTERN_CHARS) {
            return "must be at most " + PolicyLimits.MAX_PATTERN_CHARS + " characters";
        }
        if (PatternSize.of(regex) > PolicyLimits.MAX_PATTERN_SIZE) {
            return "is too large: counted repetitions ({n,m}) may expand a pattern to at most "
                    + PolicyLimits.MAX_PATTERN_SIZE + " elements";
        }
        return null;
    }
}
