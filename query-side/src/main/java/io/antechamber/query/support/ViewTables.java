package io.antechamber.query.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a view's rows are written: its live tables, through the command's transaction, or the shadow tables a
 * rebuild fills before it swaps them in (ADR 0009), on the rebuild's own connection. Statements name their tables in
 * braces, {@code INSERT INTO {room_view} …}, and each set of tables gives them its own names.
 */
public final class ViewTables {

    /** What a shadow table's name adds to its live table's name. */
    public static final String SHADOW_SUFFIX = "_rebuild";

    private static final Pattern TABLE = Pattern.compile("\\{(\\w+)}");

    private final JdbcTemplate jdbc;
    private final String suffix;
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    private ViewTables(JdbcTemplate jdbc, String suffix) {
        this.jdbc = jdbc;
        this.suffix = suffix;
    }

    public static ViewTables live(JdbcTemplate jdbc) {
        return new ViewTables(jdbc, "");
    }

    public static ViewTables shadow(JdbcTemplate jdbc) {
        return new ViewTables(jdbc, SHADOW_SUFFIX);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public String table(String name) {
        return name + suffix;
    }

    /** The statement with every {@code {table}} replaced by that table's name here; made once per statement. */
    public String sql(String statement) {
        return statements.computeIfAbsent(statement,
                text -> TABLE.matcher(text).replaceAll(table -> Matcher.quoteReplacement(table(table.group(1)))));
    }
}
