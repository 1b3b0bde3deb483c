package io.antechamber.api.dashboard.trust;

import io.antechamber.events.trust.TrustScore;
import io.antechamber.query.trust.TrustHistoryEntry;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of a trust score's history as an SVG line chart, computed here so the template only places what it
 * is given. The y axis is the score's whole range ({@link TrustScore#MIN}..{@link TrustScore#MAX}), so charts of
 * different agents compare at a glance; the x axis is the order of the adjustments (evenly spaced: adjustments come
 * in bursts, and time-spacing would pile them up). The line starts at the score before the first adjustment, and
 * each adjustment is one point.
 */
public record TrustChart(int width, int height, double left, double right, double top, double bottom, String line,
        List<Point> points, List<Grid> grid, List<Grid> thresholds, String firstAt, String lastAt, String title,
        String description) {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final double LEFT = 44;
    private static final double RIGHT = WIDTH - 16;
    private static final double TOP = 12;
    private static final double BOTTOM = HEIGHT - 36;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    /** One adjustment: where it is drawn and what it says. */
    public record Point(int index, String x, String y, String label) {
    }

    /** A horizontal line across the plot with its label (the score axis, a policy threshold). */
    public record Grid(String y, String label) {
    }

    public static TrustChart of(String agent, String room, List<TrustHistoryEntry> history,
            Map<String, Double> thresholds) {
        int n = history.size();
        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        if (n > 0) {
            TrustHistoryEntry first = history.get(0);
            line.append(num(x(0, n))).append(',').append(num(y(first.scoreAfter() - first.delta())));
            for (int i = 0; i < n; i++) {
                TrustHistoryEntry e = history.get(i);
                String px = num(x(i + 1, n));
                String py = num(y(e.scoreAfter()));
                line.append(' ').append(px).append(',').append(py);
                points.add(new Point(i + 1, px, py, (i + 1) + ": " + e.outcome() + " " + signed(e.delta()) + " → "
                        + score(e.scoreAfter()) + " (" + DAY.format(e.at()) + " UTC)"));
            }
        }
        List<Grid> grid = new ArrayList<>();
        for (int s = (int) TrustScore.MIN; s <= TrustScore.MAX; s += 25) {
            grid.add(new Grid(num(y(s)), String.valueOf(s)));
        }
        List<Grid> lines = new ArrayList<>();
        thresholds.forEach((risk, at) -> {
            if (at != null && at >= TrustScore.MIN && at <= TrustScore.MAX) {
                lines.add(new Grid(num(y(at)), risk + " ≥ " + score(at)));
            }
        });
        String title = "Trust of " + agent + " in " + room;
        String description = n == 0
                ? "No check-in has changed this score yet. The scale runs from " + score(TrustScore.MIN) + " to "
                        + score(TrustScore.MAX) + "."
                : n + (n == 1 ? " change" : " changes") + " from " + score(history.get(0).scoreAfter()
                        - history.get(0).delta()) + " to " + score(history.get(n - 1).scoreAfter())
                        + ", between " + DAY.format(history.get(0).at()) + " and " + DAY.format(history.get(n - 1).at())
                        + " UTC, on a scale from " + score(TrustScore.MIN) + " to " + score(TrustScore.MAX) + ".";
        return new TrustChart(WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, line.toString(), List.copyOf(points),
                List.copyOf(grid), List.copyOf(lines), n == 0 ? null : DAY.format(history.get(0).at()),
                n == 0 ? null : DAY.format(history.get(n - 1).at()), title, description);
    }

    public String viewBox() {
        return "0 0 " + width + " " + height;
    }

    /** Slot {@code i} of {@code n + 1} (the starting score, then each adjustment) across the plot. */
    private static double x(int i, int n) {
        return LEFT + (RIGHT - LEFT) * i / n;
    }

    private static double y(double score) {
        double clamped = Math.max(TrustScore.MIN, Math.min(TrustScore.MAX, score));
        return BOTTOM - (BOTTOM - TOP) * (clamped - TrustScore.MIN) / (TrustScore.MAX - TrustScore.MIN);
    }

    private static String num(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** A score as people read it: 15.6, 16.0, 15.35. */
    public static String score(double value) {
        return new DecimalFormat("0.0##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    public static String signed(double delta) {
        return (delta > 0 ? "+" : delta < 0 ? "−" : "±") + score(Math.abs(delta));
    }
}
