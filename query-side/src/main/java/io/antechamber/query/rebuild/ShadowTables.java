package io.antechamber.query.rebuild;

import io.antechamber.query.support.ViewTables;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The DDL of a shadow rebuild for one view's tables, run on the rebuild's connection: empty shadows shaped like the
 * live tables, their indexes once the rows are in, and the swap. A shadow's indexes and constraints get the live
 * ones' names plus the shadow suffix while both exist, and the live names back in the swap, so that migrations can
 * keep naming them.
 */
final class ShadowTables {

    private record Index(String name, String definition, boolean unique, String constraintType) {

        String shadowName() {
            return name + ViewTables.SHADOW_SUFFIX;
        }
    }

    private final JdbcTemplate jdbc;
    private final ViewTables shadow;
    private final List<String> tables;

    ShadowTables(ViewTables shadow, List<String> tables) {
        this.jdbc = shadow.jdbc();
        this.shadow = shadow;
        this.tables = tables;
    }

    /**
     * Drops what an earlier rebuild may have left and creates each shadow without indexes, which PostgreSQL builds
     * faster once the rows are in than row by row ("Populating a Database").
     */
    void create() {
        drop();
        for (String table : tables) {
            jdbc.execute("CREATE TABLE " + shadow.table(table) + " (LIKE " + table
                    + " INCLUDING ALL EXCLUDING INDEXES)");
        }
    }

    /** Gives each shadow its live table's indexes and key constraints, then the planner's statistics. */
    void index() {
        for (String table : tables) {
            for (Index index : indexes(table)) {
                String using = index.definition().substring(index.definition().indexOf(" USING "));
                jdbc.execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + index.shadowName() + " ON "
                        + shadow.table(table) + using);
                if (index.constraintType() != null) {
                    jdbc.execute("ALTER TABLE " + shadow.table(table) + " ADD CONSTRAINT " + index.shadowName() + " "
                            + constraint(index) + " USING INDEX " + index.shadowName());
                }
            }
            jdbc.execute("ANALYZE " + shadow.table(table));
        }
    }

    /**
     * Replaces each live table by its shadow and gives the shadow's indexes and constraints (renaming an index
     * renames its constraint) the live names. The caller's transaction holds the live tables' locks.
     */
    void swap() {
        for (String table : tables) {
            List<Index> indexes = indexes(table);
            jdbc.execute("DROP TABLE " + table);
            jdbc.execute("ALTER TABLE " + shadow.table(table) + " RENAME TO " + table);
            for (Index index : indexes) {
                jdbc.execute("ALTER INDEX " + index.shadowName() + " RENAME TO " + index.name());
            }
        }
    }

    void drop() {
        for (String table : tables) {
            jdbc.execute("DROP TABLE IF EXISTS " + shadow.table(table));
        }
    }

    private List<Index> indexes(String table) {
        return jdbc.query("SELECT i.relname, pg_get_indexdef(x.indexrelid), x.indisunique, c.contype "
                        + "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                        + "LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid "
                        + "WHERE x.indrelid = ?::regclass ORDER BY i.relname",
                (rs, i) -> new Index(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)), table);
    }

    private static String constraint(Index index) {
        return switch (index.constraintType()) {
            case "p" -> "PRIMARY KEY";
            case "u" -> "UNIQUE";
            default -> throw new IllegalStateException("index " + index.name() + " backs a constraint of type "
                    + index.constraintType() + ", which a rebuild cannot copy");
        };
    }
}
