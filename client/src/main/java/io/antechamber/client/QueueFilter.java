package io.antechamber.client;

import java.util.LinkedHashMap;
import java.util.Map;

/** The filters of a room's queue; each null means any. */
public record QueueFilter(String status, String direction, String riskLevel) {

    public static QueueFilter any() {
        return new QueueFilter(null, null, null);
    }

    /** The room's pending agent→human check-ins: what awaits a reviewer. */
    public static QueueFilter pending() {
        return new QueueFilter("pending", null, null);
    }

    Map<String, String> query() {
        Map<String, String> query = new LinkedHashMap<>();
        if (status != null) {
            query.put("status", status);
        }
        if (direction != null) {
            query.put("direction", direction);
        }
        if (riskLevel != null) {
            query.put("risk_level", riskLevel);
        }
        return query;
    }
}
