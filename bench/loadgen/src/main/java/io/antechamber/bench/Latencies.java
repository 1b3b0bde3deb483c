package io.antechamber.bench;

import java.util.Arrays;
import java.util.Map;

/** Percentiles by nearest rank of request times measured one by one (the single-connection scenarios). */
final class Latencies {

    private Latencies() {
    }

    static Map<String, Object> stats(double[] ms) {
        Map<String, Object> result = Main.map();
        result.put("requests", ms.length);
        result.put("p50_ms", percentile(ms, 50));
        result.put("p99_ms", percentile(ms, 99));
        result.put("max_ms", percentile(ms, 100));
        return result;
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
