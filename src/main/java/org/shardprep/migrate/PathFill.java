package org.shardprep.migrate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One keyset batch that fills a table's column along a {@link JoinPath}, however many hops and whatever the
 * column names: the next {@code size} keys after the position (an index range scan on the primary key, composite
 * ones too, else the ctid: see {@link Keyset}), and among those rows the ones still NULL get the value at the end
 * of the path, joined hop by hop. Rows the application changed meanwhile are re-checked by the UPDATE and left
 * alone. Only that column is written; the caller's transaction keeps user triggers from firing ({@link QuietWrites}).
 * What backfill and prepare run both fill with.
 */
public final class PathFill {

    /** The last key of the batch as text (null when there was none), keys read, rows filled. */
    public record Result(List<String> lastKey, int scanned, int filled) {}

    private final String table;
    private final Keyset keys;
    private final String column;
    private final JoinPath path;

    /**
     * @param table  the table as SQL names it (regclass text)
     * @param column the column to fill, bare
     */
    public PathFill(String table, Keyset keys, String column, JoinPath path) {
        this.table = table;
        this.keys = keys;
        this.column = column;
        this.path = path;
    }

    public Keyset keys() { return keys; }

    public JoinPath path() { return path; }

    /** The value the path reaches, in {@link #joined} (tN.column). */
    public String value() {
        return "t" + path.hops().size() + "." + q(path.endColumn());
    }

    /** The table as t0 with each table of the path LEFT JOINed (t1 ... tN): for counting what the path can fill. */
    public String joined() {
        StringBuilder from = new StringBuilder(table).append(" t0");
        List<JoinPath.Hop> hops = path.hops();
        for (int i = 0; i < hops.size(); i++) {
            from.append(" LEFT JOIN ").append(hops.get(i).referencedTable()).append(" t").append(i + 1).append(" ON ")
                    .append(String.join(" AND ", equalities(i)));
        }
        return from.toString();
    }

    private List<String> equalities(int i) {
        JoinPath.Hop h = path.hops().get(i);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < h.columns().size(); k++) {
            out.add("t" + i + "." + q(h.columns().get(k)) + " = t" + (i + 1) + "." + q(h.referencedColumns().get(k)));
        }
        return out;
    }

    /** @param start from the first key; else after (or from, inclusive) the position's key */
    public String sql(boolean start, boolean inclusive) {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < keys.columns().size(); i++) aliases.add("c" + i);
        String after = start ? "true" : keys.after("", inclusive);
        StringBuilder from = new StringBuilder("batch");
        List<String> where = new ArrayList<>();
        where.add("(" + keys.list("t0.") + ") = (" + aliases.stream().map(a -> "batch." + a).collect(Collectors.joining(", ")) + ")");
        where.add("t0." + q(column) + " IS NULL");
        List<JoinPath.Hop> hops = path.hops();
        for (int i = 0; i < hops.size(); i++) {
            from.append(", ").append(hops.get(i).referencedTable()).append(" t").append(i + 1);
            where.addAll(equalities(i));
        }
        where.add(value() + " IS NOT NULL");
        List<String> select = new ArrayList<>();
        for (int i = 0; i < aliases.size(); i++) select.add(keys.columns().get(i) + " AS " + aliases.get(i));
        return "WITH batch AS (SELECT " + String.join(", ", select) + " FROM " + table + " WHERE " + after
                + " ORDER BY " + keys.list("") + " LIMIT ?), "
                + "filled AS (UPDATE " + table + " AS t0 SET " + q(column) + " = " + value() + " FROM " + from
                + " WHERE " + String.join(" AND ", where) + " RETURNING 1) "
                + "SELECT (SELECT ARRAY[" + aliases.stream().map(a -> a + "::text").collect(Collectors.joining(", ")) + "] FROM batch ORDER BY "
                + aliases.stream().map(a -> a + " DESC").collect(Collectors.joining(", ")) + " LIMIT 1), "
                + "(SELECT count(*) FROM batch), (SELECT count(*) FROM filled)";
    }

    /** One batch after {@code lastKey} (null: from the start), on c inside the caller's transaction. */
    public Result run(Connection c, List<String> lastKey, int size) throws SQLException {
        return run(c, lastKey, false, size);
    }

    /** One batch from {@code key} (null: from the start), the key itself included when {@code inclusive}. */
    public Result run(Connection c, List<String> key, boolean inclusive, int size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql(key == null, inclusive))) {
            int p = 1;
            if (key != null) for (String k : key) ps.setString(p++, k);
            ps.setInt(p, size);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Array a = rs.getArray(1);
                List<String> last = null;
                if (a != null) {
                    last = new ArrayList<>();
                    for (Object o : (Object[]) a.getArray()) last.add((String) o);
                }
                return new Result(last, rs.getInt(2), rs.getInt(3));
            }
        }
    }

    private static String q(String name) {
        return SqlIdentifier.quote(name);
    }
}
