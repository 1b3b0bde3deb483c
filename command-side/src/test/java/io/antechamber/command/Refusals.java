package io.antechamber.command;

import io.antechamber.events.common.DomainException;
import io.antechamber.events.common.RefusalCode;
import java.util.Map;
import java.util.function.Predicate;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers for the fixtures' {@code expectException(Matcher)}: a refusal is a {@link DomainException}, and
 * its {@link RefusalCode} says why, so that is what the tests pin down.
 */
public final class Refusals {

    private Refusals() {
    }

    /** A {@link DomainException} with this code. */
    public static Matcher<DomainException> refusedWith(RefusalCode code) {
        return refusedWith(code, "any details", e -> true);
    }

    /** A {@link DomainException} with this code whose details satisfy the predicate. */
    public static Matcher<DomainException> refusedWith(RefusalCode code, String details,
            Predicate<Map<String, Object>> detailsMatch) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e, Description mismatch) {
                if (e.code() != code) {
                    mismatch.appendText("was refused with ").appendValue(e.code()).appendText(": ")
                            .appendValue(e.getMessage());
                    return false;
                }
                if (!detailsMatch.test(e.details())) {
                    mismatch.appendText("had details ").appendValue(e.details());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException with code ").appendValue(code)
                        .appendText(" and ").appendText(details);
            }
        };
    }

    /** A value (a command's result) that satisfies the predicate, described for the failure message. */
    public static <T> Matcher<T> resultThat(Class<T> type, String description, Predicate<T> predicate) {
        return new TypeSafeDiagnosingMatcher<>(type) {
            @Override
            protected boolean matchesSafely(T item, Description mismatch) {
                mismatch.appendText("was ").appendValue(item);
                return predicate.test(item);
            }

            @Override
            public void describeTo(Description d) {
                d.appendText(type.getSimpleName()).appendText(" where ").appendText(description);
            }
        };
    }
}
