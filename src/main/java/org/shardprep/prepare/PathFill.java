package org.shardprep.prepare;

import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.prepare.SchemaGraph.ForeignKey;
import org.shardprep.prepare.SchemaGraph.Table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One keyset batch that fills a table's new distribution column along its {@link TenantPath}, however many hops
 * and whatever the column names: the next {@code size} keys after the position (the primary key, composite
 * ones too, else the ctid), and among those rows the ones still NULL get the value at the end of the path,
 * joined hop by hop. Only that column is written; the caller's transaction keeps user triggers from firing.
 */
final class PathFill {

    /** The last key of the batch as text (null when there was none), keys read, rows filled. */
    record Result(List<String> lastKey, int scanned, int filled) {}

    private final Table table;
    private final String column;
    private final TenantPath path;
    private final List<String> keys;
    private final List<String> casts;

    PathFill(Table table, String column, TenantPath path) {
        this.table = table;
        this.column = column;
        this.path = path;
        List<String> pk = table.primaryKey().map(SchemaGraph.UniqueKey::columns).orElse(List.of());
        if (pk.isEmpty() || pk.stream().anyMatch(c -> table.column(c).isEmpty())) {
            keys = List.of("ctid");
            casts = List.of("tid");
        } else {
            keys = pk.stream().map(SqlIdentifier::quote).toList();
            casts = pk.stream().map(c -> table.column(c).orElseThrow().type()).toList();
        }
    }

    String sql(boolean start) {
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) aliases.add("c" + i);
        String after = start ? "true" : "(" + String.join(", ", keys) + ") > ("
                + casts.stream().map(t -> "?::" + t).collect(Collectors.joining(", ")) + ")";
        StringBuilder from = new StringBuilder("batch");
        List<String> where = new ArrayList<>();
        List<String> t0Keys = keys.stream().map(k -> "t0." + k).toList();
        where.add("(" + String.join(", ", t0Keys) + ") = (" + aliases.stream().map(a -> "batch." + a).collect(Collectors.joining(", ")) + ")");
        where.add("t0." + q(column) + " IS NULL");
        List<ForeignKey> hops = path.hops();
        for (int i = 0; i < hops.size(); i++) {
            ForeignKey fk = hops.get(i);
            from.append(", ").append(fk.referencedTable()).append(" t").append(i + 1);
            for (int k = 0; k < fk.columns().size(); k++) {
                where.add("t" + i + "." + q(fk.columns().get(k)) + " = t" + (i + 1) + "." + q(fk.referencedColumns().get(k)));
            }
        }
        String value = "t" + hops.size() + "." + q(path.endColumn());
        where.add(value + " IS NOT NULL");
        return "WITH batch AS (SELECT " + selectAs(keys, aliases) + " FROM " + table.name() + " WHERE " + after
                + " ORDER BY " + String.join(", ", keys) + " LIMIT ?), "
                + "filled AS (UPDATE " + table.name() + " AS t0 SET " + q(column) + " = " + value + " FROM " + from
                + " WHERE " + String.join(" AND ", where) + " RETURNING 1) "
                + "SELECT (SELECT ARRAY[" + aliases.stream().map(a -> a + "::text").collect(Collectors.joining(", ")) + "] FROM batch ORDER BY "
                + aliases.stream().map(a -> a + " DESC").collect(Collectors.joining(", ")) + " LIMIT 1), "
                + "(SELECT count(*) FROM batch), (SELECT count(*) FROM filled)";
    }

    /** One batch after {@code lastKey} (null: from the start), on c inside the caller's transaction. */
    Result run(Connection c, List<String> lastKey, int size) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql(lastKey == null))) {
            int p = 1;
            if (lastKey != null) for (String k : lastKey) ps.setString(p++, k);
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

    private static String selectAs(List<String> keys, List<String> aliases) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) out.add(keys.get(i) + " AS " + aliases.get(i));
        return String.join(", ", out);
    }

    private static String q(String name) {
        return SqlIdentifier.quote(name);
    }
}
