package io.antechamber.command.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Equality and numeric reading of JSON-ish values. Types are not coerced for equality: {@code 5} never equals
 * {@code "5"}, so a condition means the same thing whichever way the agent happened to encode its metadata.
 */
final class Values {

    private Values() {
    }

    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            BigDecimal dx = decimal(x);
            BigDecimal dy = decimal(y);
            return dx != null && dy != null && dx.compareTo(dy) == 0;
        }
        return Objects.equals(a, b);
    }

    /** A number, or a string holding one, as a decimal; null for anything else (including NaN and infinities). */
    static BigDecimal numeric(Object value) {
        if (value instanceof Number n) {
            return decimal(n);
        }
        if (value instanceof String s && looksNumeric(s)) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }

    // Cheap pre-check so that ordinary words do not pay for a NumberFormatException on every evaluation.
    private static boolean looksNumeric(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
