package io.antechamber.command.policy;

import static io.antechamber.command.policy.ConditionResult.CANNOT_EVALUATE;
import static io.antechamber.command.policy.ConditionResult.NO_MATCH;

import com.google.re2j.Pattern;
import io.antechamber.events.policy.Condition;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Decides what one condition says about a check-in. An absent field (missing or null) matches nothing except
 * {@code neq}, {@code not_in} and {@code exists: false}. A condition {@link ConditionResult#CANNOT_EVALUATE cannot
 * be evaluated} when it is malformed (unknown field, no op, a value of the wrong type for its op, a pattern that does
 * not compile: only a policy stored by an older version holds one, {@link PolicyValidator} refuses them now), when
 * its op does not apply to the check-in's value (an ordering op on a value that is not a number, a text op on one
 * that is not text), or when anything goes wrong while matching.
 */
public final class ConditionMatcher {

    private ConditionMatcher() {
    }

    public static ConditionResult evaluate(Condition condition, CheckInFacts facts) {
        try {
            return evaluateOrThrow(condition, facts);
        } catch (RuntimeException e) {
            return CANNOT_EVALUATE;
        }
    }

    private static ConditionResult evaluateOrThrow(Condition condition, CheckInFacts facts) {
        if (condition == null || condition.op() == null) {
            return CANNOT_EVALUATE;
        }
        Optional<FactField> field = FactField.parse(condition.field());
        if (field.isEmpty()) {
            return CANNOT_EVALUATE;
        }
        Object actual = field.get().read(facts);
        Object expected = condition.value();
        return switch (condition.op()) {
            case EQ -> expected == null ? CANNOT_EVALUATE
                    : ConditionResult.of(actual != null && Values.same(actual, expected));
            case NEQ -> expected == null ? CANNOT_EVALUATE
                    : ConditionResult.of(actual == null || !Values.same(actual, expected));
            case IN -> expected instanceof Collection<?> options
                    ? ConditionResult.of(actual != null && isAmong(actual, options)) : CANNOT_EVALUATE;
            case NOT_IN -> expected instanceof Collection<?> options
                    ? ConditionResult.of(actual == null || !isAmong(actual, options)) : CANNOT_EVALUATE;
            case CONTAINS -> contains(actual, expected);
            case STARTS_WITH -> startsWith(actual, expected);
            case MATCHES -> matches(actual, expected);
            case GT -> compare(actual, expected, c -> c > 0);
            case GTE -> compare(actual, expected, c -> c >= 0);
            case LT -> compare(actual, expected, c -> c < 0);
            case LTE -> compare(actual, expected, c -> c <= 0);
            case EXISTS -> exists(actual, expected);
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

    private static ConditionResult contains(Object actual, Object expected) {
        if (expected == null) {
            return CANNOT_EVALUATE;
        }
        if (actual == null) {
            return NO_MATCH;
        }
        if (actual instanceof Collection<?> elements) {
            return ConditionResult.of(isAmong(expected, elements));
        }
        if (actual instanceof String text && expected instanceof String part) {
            return ConditionResult.of(text.contains(part));
        }
        return CANNOT_EVALUATE;
    }

    private static ConditionResult startsWith(Object actual, Object expected) {
        if (!(expected instanceof String prefix)) {
            return CANNOT_EVALUATE;
        }
        if (actual == null) {
            return NO_MATCH;
        }
        return actual instanceof String text ? ConditionResult.of(text.startsWith(prefix)) : CANNOT_EVALUATE;
    }

    private static ConditionResult matches(Object actual, Object expected) {
        Optional<Pattern> pattern = expected instanceof String regex ? PatternCache.compiled(regex) : Optional.empty();
        if (pattern.isEmpty()) {
            return CANNOT_EVALUATE;
        }
        if (actual == null) {
            return NO_MATCH;
        }
        return actual instanceof String text ? ConditionResult.of(pattern.get().matcher(text).find()) : CANNOT_EVALUATE;
    }

    private static ConditionResult compare(Object actual, Object expected, IntPredicate accept) {
        BigDecimal right = Values.numeric(expected);
        if (right == null) {
            return CANNOT_EVALUATE;
        }
        if (actual == null) {
            return NO_MATCH;
        }
        BigDecimal left = Values.numeric(actual);
        return left == null ? CANNOT_EVALUATE : ConditionResult.of(accept.test(left.compareTo(right)));
    }

    private static ConditionResult exists(Object actual, Object expected) {
        if (expected == null || Boolean.TRUE.equals(expected)) {
            return ConditionResult.of(actual != null);
        }
        return Boolean.FALSE.equals(expected) ? ConditionResult.of(actual == null) : CANNOT_EVALUATE;
    }
}
