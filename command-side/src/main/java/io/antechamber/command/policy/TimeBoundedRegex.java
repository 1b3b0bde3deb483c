package io.antechamber.command.policy;

import java.util.regex.Pattern;

/**
 * Regex search with a deadline. java.util.regex cannot be interrupted, but it reads its input only through
 * {@link CharSequence#charAt}, so an input that throws once the deadline has passed stops a runaway backtrack.
 */
final class TimeBoundedRegex {

    static final long DEFAULT_BUDGET_NANOS = 50_000_000L;

    private TimeBoundedRegex() {
    }

    /** Whether {@code pattern} is found in {@code input}; a search that runs out of time counts as not found. */
    static boolean find(Pattern pattern, String input, long budgetNanos) {
        try {
            return pattern.matcher(new DeadlineCharSequence(input, System.nanoTime() + budgetNanos)).find();
        } catch (DeadlineExceeded e) {
            return false;
        }
    }

    private static final class DeadlineExceeded extends RuntimeException {
        DeadlineExceeded() {
            super("regex deadline exceeded", null, false, false);
        }
    }

    private static final class DeadlineCharSequence implements CharSequence {

        // Reading the clock on every character would dominate ordinary matches.
        private static final int CHECK_EVERY = 1024;

        private final String text;
        private final long deadline;
        private int untilCheck = CHECK_EVERY;

        DeadlineCharSequence(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if (--untilCheck <= 0) {
                untilCheck = CHECK_EVERY;
                if (System.nanoTime() - deadline > 0) {
                    throw new DeadlineExceeded();
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new DeadlineCharSequence(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
