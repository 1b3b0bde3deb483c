package io.antechamber.api.dashboard.trust;

import static org.assertj.core.api.Assertions.assertThat;

import io.antechamber.query.trust.TrustHistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustChartTest {

    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void no_history_draws_the_whole_range_and_no_point() {
        TrustChart chart = TrustChart.of("bot", "ops", List.of(), Map.of("low", 20.0));

        assertThat(chart.points()).isEmpty();
        assertThat(chart.line()).isEmpty();
        assertThat(chart.grid()).extracting(TrustChart.Grid::label).containsExactly("0", "25", "50", "75", "100");
        assertThat(chart.thresholds()).extracting(TrustChart.Grid::label).containsExactly("low ≥ 20.0");
        assertThat(chart.description()).startsWith("No check-in has changed this score yet");
    }

    @Test
    void one_change_is_one_point_at_the_right_end_of_a_line_from_the_score_before() {
        TrustChart chart = TrustChart.of("bot", "ops", List.of(entry(1.0, 16.0)), Map.of());

        assertThat(chart.points()).hasSize(1);
        assertThat(chart.line().split(" ")).hasSize(2);
        assertThat(Double.parseDouble(chart.points().get(0).x())).isEqualTo(chart.right());
        assertThat(chart.grid()).extracting(TrustChart.Grid::label).containsExactly("15", "20", "25");
        assertThat(y(chart.line().split(" ")[0])).isEqualTo(chart.bottom());
        assertThat(chart.description()).contains("1 change from 15.0 to 16.0").contains("from 15 to 25");
    }

    @Test
    void the_axis_stays_within_the_score_range_and_thresholds_outside_it_are_left_out() {
        TrustChart chart = TrustChart.of("bot", "ops", List.of(entry(1.0, 99.5), entry(0.5, 100.0)),
                Map.of("low", 20.0, "high", 95.0));

        assertThat(chart.grid()).extracting(TrustChart.Grid::label).containsExactly("90", "95", "100");
        assertThat(chart.thresholds()).extracting(TrustChart.Grid::label).containsExactly("high ≥ 95.0");
        assertThat(Double.parseDouble(chart.points().get(1).y())).isEqualTo(chart.top());
    }

    @Test
    void a_lower_score_is_drawn_lower() {
        TrustChart chart = TrustChart.of("bot", "ops", List.of(entry(1.0, 16.0), entry(-0.3, 15.7)), Map.of());

        assertThat(Double.parseDouble(chart.points().get(1).y()))
                .isGreaterThan(Double.parseDouble(chart.points().get(0).y()));
        assertThat(chart.points().get(1).label()).contains("rejected −0.3 → 15.7");
    }

    private static TrustHistoryEntry entry(double delta, double after) {
        return new TrustHistoryEntry(AT, "ci_x", delta < 0 ? "rejected" : "approved", delta, after);
    }

    private static double y(String point) {
        return Double.parseDouble(point.split(",")[1]);
    }
}
