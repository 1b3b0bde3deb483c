package io.antechamber.events.trust;

/** The trust arithmetic: every agent starts at 15 in every room, and the score stays within 0..100. */
public final class TrustScore {

    public static final double INITIAL = 15.0;
    public static final double MIN = 0.0;
    public static final double MAX = 100.0;

    private TrustScore() {
    }

    public static double after(double score, double delta) {
        double next = Math.round((score + delta) * 1000.0) / 1000.0;
        return Math.max(MIN, Math.min(MAX, next));
    }
}
