package io.antechamber.events.trust;

/** The trust arithmetic: every agent starts at 15 in every room, and the score stays within 0..100. */
public final class TrustScore {

    public static final double INITIAL = 15.0;
    public static final double MIN = 0.0;
    public static final double MAX = 100.0;

    private TrustScore() {
    }

    public static double after(double score, double weight) {
        return Math.max(MIN, Math.min(MAX, thousandths(score + weight)));
    }

    /** The change actually applied (0 at a bound), so that every history entry adds up to its score. */
    public static double difference(double after, double before) {
        return thousandths(after - before) + 0.0;
    }

    private static double thousandths(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
