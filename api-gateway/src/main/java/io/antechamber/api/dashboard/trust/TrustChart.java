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
 * is given. The y axis spans the scores drawn, widened to whole steps of 5 and at least 10 points, within the score's
 * range ({@link TrustScore#MIN}..{@link TrustScore#MAX}): single changes are 0.1 to 1 point, and on the whole range
 * every history would look flat. The x axis is the order of the adjustments (evenly spaced: adjustments come in
 * bursts, and time-spacing would pile them up). The line starts at the score before the first adjustment, and each
 * adjustment is one point.
 */
public record TrustChart(int width, int height, double left, double right, double top, double bottom, String line,
        List<Point> points, List<Grid> grid, List<Grid> thresholds, String firstAt, String lastAt, String title,
        String description) {

    private static final double STEP = 5;
    private static final double MIN_SPAN = 10;

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
        double[] scale = scale(history);
        List<Point> points = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        if (n > 0) {
            TrustHistoryEntry first = history.get(0);
            line.append(num(x(0, n))).append(',').append(num(y(first.scoreAfter() - first.delta(), scale)));
            for (int i = 0; i < n; i++) {
                TrustHistoryEntry e = history.get(i);
                String px = num(x(i + 1, n));
                String py = num(y(e.scoreAfter(), scale));
                line.append(' ').append(px).append(',').append(py);
                points.add(new Point(i + 1, px, py, (i + 1) + ": " + e.outcome() + " " + signed(e.delta()) + " → "
                        + score(e.scoreAfter()) + " (" + DAY.format(e.at()) + " UTC)"));
            }
        }
        List<Grid> grid = new ArrayList<>();
        double step = scale[1] - scale[0] <= 20 ? STEP : scale[1] - scale[0] <= 50 ? 2 * STEP : 5 * STEP;
        for (double at = scale[0]; at <= scale[1] + 1e-9; at += step) {
            grid.add(new Grid(num(y(at, scale)), num(at)));
        }
        List<Grid> lines = new ArrayList<>();
        thresholds.forEach((risk, at) -> {
            if (at != null && at >= scale[0] && at <= scale[1]) {
                lines.add(new Grid(num(y(at, scale)), risk + " ≥ " + score(at)));
            }
        });
        String title = "Trust of " + agent + " in " + room;
        String description = n == 0
                ? "No check-in has changed this score yet. The scale runs from " + score(TrustScore.MIN) + " to "
                        + score(TrustScore.MAX) + "."
                : n + (n == 1 ? " change" : " changes") + " from " + score(history.get(0).scoreAfter()
                        - history.get(0).delta()) + " to " + score(history.get(n - 1).scoreAfter())
                        + ", between " + DAY.format(history.get(0).at()) + " and " + DAY.format(history.get(n - 1).at())
                        + " UTC; the chart's scale runs from " + num(scale[0]) + " to " + num(scale[1]) + ".";
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

    /** The y axis's {low, high}: the scores drawn, widened to steps of 5 and at least 10 points, within the range. */
    private static double[] scale(List<TrustHistoryEntry> history) {
        if (history.isEmpty()) {
            return new double[] {TrustScore.MIN, TrustScore.MAX};
        }
        double low = history.get(0).scoreAfter() - history.get(0).delta();
        double high = low;
        for (TrustHistoryEntry e : history) {
            low = Math.min(low, e.scoreAfter());
            high = Math.max(high, e.scoreAfter());
        }
        low = Math.floor(low / STEP) * STEP;
        high = Math.ceil(high / STEP) * STEP;
        while (high - low < MIN_SPAN) {
            if (high < TrustScore.MAX) {
                high += STEP;
            }
            if (high - low < MIN_SPAN && low > TrustScore.MIN) {
                low -= STEP;
            }
        }
        return new double[] {Math.max(TrustScore.MIN, low), Math.min(TrustScore.MAX, high)};
    }

    private static double y(double score, double[] scale) {
        double clamped = Math.max(scale[0], Math.min(scale[1], score));
        return BOTTOM - (BOTTOM - TOP) * (clamped - scale[0]) / (scale[1] - scale[0]);
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
