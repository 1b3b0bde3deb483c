package io.antechamber.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary's lines on what one check-in costs during {@code create}: CPU of the app, of PostgreSQL and of the load
 * generator (create_cpu.json), and the database work (create_db.json), both written by bench/lib.sh.
 */
final class CheckInCost {

    private CheckInCost() {
    }

    static List<String> lines(JsonNode cpu, JsonNode db) {
        List<String> lines = new ArrayList<>();
        if (cpu.isMissingNode()) {
            return lines;
        }
        lines.add(String.format(Locale.ROOT, "PER CHECK-IN DURING create (%,d check-ins, its warm-up included)",
                cpu.path("check_ins").asLong()));
        lines.add(String.format(Locale.ROOT, "  CPU         app %.3f ms | PostgreSQL, the app's sessions %.3f ms "
                + "(whole server %.3f ms) | load generator %.3f ms", cpu.path("app_cpu_ms").asDouble(),
                cpu.path("db_cpu_ms").asDouble(), cpu.path("pg_server_cpu_ms").asDouble(),
                cpu.path("loadgen_cpu_ms").asDouble()));
        if (db.isMissingNode()) {
            lines.add("");
            return lines;
        }
        lines.add(db.path("statements").isNumber()
                ? String.format(Locale.ROOT, "  statements  %.2f (pg_stat_statements, top-level calls)",
                        db.path("statements").asDouble())
                : "  statements  not counted: " + db.path("statements_source").asText()
                        + "; transactions, rows and scans instead");
        lines.add(String.format(Locale.ROOT, "  database    %.2f transactions (%.3f rolled back) | rows %.2f inserted, "
                + "%.2f updated, %.2f deleted | %.2f index scans, %.2f sequential scans",
                db.path("transactions").asDouble(), db.path("rollbacks").asDouble(),
                db.path("rows_inserted").asDouble(), db.path("rows_updated").asDouble(),
                db.path("rows_deleted").asDouble(), db.path("index_scans").asDouble(),
                db.path("seq_scans").asDouble()));
        for (JsonNode t : db.path("tables")) {
            lines.add(String.format(Locale.ROOT, "    %-30s %6.2f inserted %6.2f updated %6.2f deleted %6.2f scans",
                    t.path("table").asText(), t.path("inserted").asDouble(), t.path("updated").asDouble(),
                    t.path("deleted").asDouble(), t.path("scans").asDouble()));
        }
        lines.add("");
        return lines;
    }
}
