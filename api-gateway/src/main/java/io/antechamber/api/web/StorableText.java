package io.antechamber.api.web;

import java.util.Optional;

/** Text that PostgreSQL and JSON can hold: no NUL character and no lone UTF-16 surrogate. */
public final class StorableText {

    private StorableText() {
    }

    /** What makes the text unstorable, if anything. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("contains a NUL character");
            }
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(++i)))
                    || Character.isLowSurrogate(c)) {
                return Optional.of("contains a lone UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }
}
