package io.antechamber.command.policy;

import io.antechamber.events.policy.Condition;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Decides whether one condition holds for a check-in. An absent field (unknown, missing or null) matches nothing
 * except {@code neq}, {@code not_in} and {@code exists: false}. A malformed condition (wrong value type, a regex
 * that does not compile) never matches; {@link PolicyValidator} keeps such conditions out of stored policies.
 */
public final class ConditionMatcher {

    private ConditionMatcher() {
    }

    public static boolean matches(Condition condition, CheckInFacts facts) {
        if (condition.op() == null) {
            return false;
        }
        Object actual = FactField.parse(condition.field()).map(field -> field.read(facts)).orElse(null);
        Object expected = condition.value();
        return switch (condition.op()) {
            case EQ -> actual != null && Values.same(actual, expected);
            case NEQ -> actual == null || !Values.same(actual, expected);
            case IN -> actual != null && expected instanceof Collection<?> options && isAmong(actual, options);
            case NOT_IN -> expected instanceof Collection<?> options && (actual == null || !isAmong(actual, options));
            case CONTAINS -> contains(actual, expected);
            case STARTS_WITH -> actual instanceof String s && expected instanceof String prefix && s.startsWith(prefix);
            case MATCHES -> actual instanceof String s && expected instanceof String regex && find(regex, s);
            case GT -> compare(actual, expected, c -> c > 0);
            case GTE -> compare(actual, expected, c -> c >= 0);
            case LT -> compare(actual, expected, c -> c < 0);
            case LTE -> compare(actual, expected, c -> c <= 0);
            case EXISTS -> Boolean.FALSE.equals(expected) ? actual == null : actual != null;
        };
    }

    private static boolean isAmong(Object actual, Collection<?> options) {
        for (Object option : options) {
            if (Values.same(actual, option)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Object actual, Object expected) {
        if (actual instanceof String s) {
            return expected instanceof String part && s.contains(part);
        }
        if (actual instanceof Collection<?> elements) {
            return expected != null && isAmong(expected, elements);
        }
        return false;
    }

    private static boolean find(String regex, String input) {
        Optional<Pattern> pattern = PatternCache.compiled(regex);
        return pattern.isPresent() && TimeBoundedRegex.find(pattern.get(), input, TimeBoundedRegex.DEFAULT_BUDGET_NANOS);
    }

    private static boolean compare(Object actual, Object expected, IntPredicate accept) {
        BigDecimal left = Values.numeric(actual);
        BigDecimal right = Values.numeric(expected);
        return left != null && right != null && accept.test(left.compareTo(right));
    }
}
