package org.shardprep.migrate.keyswap;

import org.shardprep.migrate.SqlIdentifier;

import org.shardprep.command.CommandContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold before swap-pk run changes anything, beyond the catalog's shape (which the plan checks):
 * no backfill still writing the column, no NULLs left in it, and an installed create_orders that writes it
 * (else every call fails once the column is NOT NULL). Each check gives the one line of its refusal.
 */
final class KeySwapPreconditions {

    private KeySwapPreconditions() {}

    /** INSERT INTO table (columns): the statements of a function body that name their columns. */
    private static final Pattern INSERT = Pattern.compile(
            "insert\\s+into\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))?)\\s*\\(([^)]*)\\)",
            Pattern.CASE_INSENSITIVE);



    /** NULLs left in the column, counted per table: the swap would fail on them (or leave rows unchecked). */
    static Optional<String> nullsLeft(Connection c, KeySwapPlan plan) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String table : plan.nullable()) {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table + " WHERE " + SqlIdentifier.quote(plan.column()) + " IS NULL")) {
                rs.next();
                long n = rs.getLong(1);
                if (n > 0) found.add(String.format(Locale.ROOT, "%,d row%s of %s", n, n == 1 ? "" : "s", table));
            }
        }
        if (found.isEmpty()) return Optional.empty();
        return Optional.of(plan.column() + " is still NULL in " + String.join(" and ", found)
                + ": run backfill start and let it finish, then swap-pk run again");
    }

    /**
     * The installed create_orders (when there is one) must write the column in every INSERT with a column
     * list into a table whose column becomes NOT NULL: the exercise's first version does not, and would fail
     * on every call after the swap.
     */
    static Optional<String> createOrdersOmitsColumn(Connection c, KeySwapPlan plan) throws SQLException {
        List<String> source = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_functiondef(p.oid) FROM pg_proc p "
                + "WHERE p.proname = 'create_orders' AND p.prokind = 'f' AND pg_function_is_visible(p.oid)")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) source.add(rs.getString(1));
            }
        }
        for (KeySwapPlan.TableSteps t : plan.tables()) {
            if (!t.becomesNotNull()) continue;
            for (String def : source) {
                if (insertsWithout(def, t.relName(), plan.column())) {
                    return Optional.of("create_orders() inserts into " + t.relName() + " without " + plan.column()
                            + ": once the column is NOT NULL every call fails with null value in column \"" + plan.column()
                            + "\" of relation \"" + t.relName() + "\" violates not-null constraint; install the version "
                            + "that writes it (simulate-orders install --version 2), or add --force");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the SQL text has an INSERT INTO table (columns...) whose column list leaves the column out. */
    static boolean insertsWithout(String sql, String table, String column) {
        Matcher m = INSERT.matcher(sql);
        while (m.find()) {
            String[] parts = m.group(1).split("\\s*\\.\\s*");
            if (!name(parts[parts.length - 1]).equals(table)) continue;
            boolean names = false;
            for (String col : m.group(2).split(",")) {
                if (name(col.strip()).equals(column)) names = true;
            }
            if (!names) return true;
        }
        return false;
    }

    /** An identifier as the catalog stores it: quoted as written, else folded to lower case. */
    private static String name(String written) {
        if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
            return written.substring(1, written.length() - 1).replace("\"\"", "\"");
        }
        return written.toLowerCase(Locale.ROOT);
    }
}
