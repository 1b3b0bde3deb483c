package io.antechamber.command.policy;

/**
 * The size of a regular expression once its counted repetitions are expanded, estimated from its text without
 * compiling it: RE2/J compiles {@code ((a{1000}){1000}){1000}} into 10^9 instructions and runs out of memory doing
 * so, and every instruction costs at each character of the input. Each literal, class or escape counts 1, a group
 * the sum of what it holds, and {@code x{n,m}} counts x times the larger bound. The estimate errs high, never low.
 */
final class PatternSize {

    /** Sizes past this are all the same to the callers; saturating keeps the arithmetic from overflowing. */
    private static final long CAP = Integer.MAX_VALUE;

    private final String pattern;
    private int at;

    private PatternSize(String pattern) {
        this.pattern = pattern;
    }

    static long of(String pattern) {
        return new PatternSize(pattern).sequence();
    }

    /** The size of everything up to the {@code )} that closes the current group, or the end. */
    private long sequence() {
        long total = 0;
        long last = 0;
        while (at < pattern.length()) {
            char c = pattern.charAt(at);
            if (c == ')') {
                at++;
                return total;
            }
            if (c == '{') {
                int times = countedRepetition();
                if (times >= 0) {
                    total = saturate(total - last + saturate(last * times));
                    last = saturate(last * times);
                    continue;
                }
            }
            last = atom();
            total = saturate(total + last);
        }
        return total;
    }

    /** Reads one atom at {@code at} and returns its size. */
    private long atom() {
        char c = pattern.charAt(at++);
        switch (c) {
            case '(' -> {
                return Math.max(1, sequence());
            }
            case '[' -> {
                skipClass();
                return 1;
            }
            case '\\' -> {
                skipEscape();
                return 1;
            }
            default -> {
                // * + ? | ^ $ . and literals: one instruction each at most
                return 1;
            }
        }
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code at}: consumes it and returns the larger bound; -1 (and
     * nothing consumed) when the brace is a literal one. */
    private int countedRepetition() {
        int i = at + 1;
        int start = i;
        while (i < pattern.length() && Character.isDigit(pattern.charAt(i))) {
            i++;
        }
        if (i == start || i - start > 9) {
            return -1;
        }
        int times = Integer.parseInt(pattern.substring(start, i));
        if (i < pattern.length() && pattern.charAt(i) == ',') {
            int maxStart = ++i;
            while (i < pattern.length() && Character.isDigit(pattern.charAt(i))) {
                i++;
            }
            if (i - maxStart > 9) {
                return -1;
            }
            if (i > maxStart) {
                times = Math.max(times, Integer.parseInt(pattern.substring(maxStart, i)));
            }
        }
        if (i >= pattern.length() || pattern.charAt(i) != '}') {
            return -1;
        }
        at = i + 1;
        return Math.max(times, 1);
    }

    /** After a backslash: the escaped character, a {@code \p{Name}} or {@code \x{hex}} form, or a {@code \Q...\E}. */
    private void skipEscape() {
        if (at >= pattern.length()) {
            return;
        }
        char c = pattern.charAt(at++);
        if (c == 'Q') {
            int end = pattern.indexOf("\\E", at);
            at = end < 0 ? pattern.length() : end + 2;
        } else if ((c == 'p' || c == 'P' || c == 'x') && at < pattern.length() && pattern.charAt(at) == '{') {
            int end = pattern.indexOf('}', at);
            at = end < 0 ? pattern.length() : end + 1;
        }
    }

    /** After {@code [}: up to the {@code ]} that closes the class ({@code []a]} and {@code [^]a]} hold a ]). */
    private void skipClass() {
        if (at < pattern.length() && pattern.charAt(at) == '^') {
            at++;
        }
        if (at < pattern.length() && pattern.charAt(at) == ']') {
            at++;
        }
        while (at < pattern.length()) {
            char c = pattern.charAt(at++);
            if (c == ']') {
                return;
            }
            if (c == '\\') {
                skipEscape();
            } else if (c == '[' && at < pattern.length() && pattern.charAt(at) == ':') {
                int end = pattern.indexOf(":]", at);
                at = end < 0 ? at : end + 2;
            }
        }
    }

    private static long saturate(long value) {
        return Math.min(value, CAP);
    }
}
