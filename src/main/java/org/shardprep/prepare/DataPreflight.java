package org.shardprep.prepare;

import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.prepare.PreparePlan.Orphans;
import org.shardprep.prepare.SchemaGraph.ForeignKey;
import org.shardprep.prepare.SchemaGraph.Table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The pre-flight's questions to the data, read only: which rows can get no tenant, and which rows point at a
 * row of another tenant. Each table's tenant is its column, or the end of its path reached by LEFT JOINs.
 */
final class DataPreflight {

    /** Key columns the samples are sorted by (a wider key sorts by its first ones). */
    private static final int ORDER_COLUMNS = 4;

    private static final String ORDER_BY = "o0, o1, o2, o3";

    /** Sample keys shown per finding. */
    static final int SAMPLES = 3;

    /** How a table gets its tenant: its own column, or a path. */
    record Source(Table table, String column, Optional<TenantPath> path) {}

    /** The rows of a cross-tenant question: those pointing at another tenant, and those pointing at no row. */
    record Mismatch(long cross, List<String> crossSamples, long dangling, List<String> danglingSamples) {}

    private final Connection c;
    private final SchemaGraph graph;

    DataPreflight(Connection c, SchemaGraph graph) {
        this.c = c;
        this.graph = graph;
    }

    /** Rows of the table whose tenant comes out NULL, by reason. */
    List<Orphans> orphans(Source s) throws SQLException {
        List<ForeignKey> hops = s.path().map(TenantPath::hops).orElse(List.of());
        Optional<SchemaGraph.Column> own = s.table().column(s.column());
        if (hops.isEmpty() && own.map(SchemaGraph.Column::notNull).orElse(true)) return List.of();
        StringBuilder reason = new StringBuilder("CASE");
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < hops.size(); i++) {
            ForeignKey fk = hops.get(i);
            String alias = "t" + i + ".";
            String anyNull = fk.columns().stream().map(col -> alias + q(col) + " IS NULL").collect(Collectors.joining(" OR "));
            reason.append(" WHEN ").append(anyNull).append(" THEN ").append(reasons.size());
            reasons.add("NULL " + String.join(", ", fk.columns()) + (i == 0 ? "" : " in " + fk.table()));
            reason.append(" WHEN t").append(i + 1).append('.').append(q(fk.referencedColumns().get(0))).append(" IS NULL THEN ").append(reasons.size());
            reasons.add(String.join(", ", fk.columns()) + (i == 0 ? "" : " of " + fk.table()) + " points at no row of " + fk.referencedTable());
        }
        String reasonSql = hops.isEmpty() ? "0" : reason.append(" ELSE ").append(reasons.size()).append(" END").toString();
        reasons.add("NULL " + s.column() + (hops.isEmpty() ? "" : " in " + s.path().get().endTable()));
        String sql = "SELECT r, count(*), (array_agg(k ORDER BY " + ORDER_BY + "))[1:" + SAMPLES + "] FROM (SELECT " + reasonSql + " AS r, "
                + key(s.table()) + " AS k, " + order(s.table()) + " " + from(s) + " WHERE " + tenant(s) + " IS NULL) x GROUP BY r ORDER BY r";
        List<Orphans> found = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) found.add(new Orphans(s.table().name(), reasons.get(rs.getInt(1)), rs.getLong(2), strings(rs.getArray(3))));
        }
        return found;
    }

    /** Rows of {@code from} whose foreign key points at a row of {@code to} of another tenant, or at no row. */
    Mismatch mismatch(Source from, ForeignKey fk, Source to) throws SQLException {
        StringBuilder referenced = new StringBuilder("SELECT ");
        for (int i = 0; i < fk.referencedColumns().size(); i++) {
            referenced.append("t0.").append(q(fk.referencedColumns().get(i))).append(" AS rc").append(i).append(", ");
        }
        referenced.append(tenant(to)).append(" AS tenant ").append(from(to));
        List<String> on = new ArrayList<>();
        List<String> notNull = new ArrayList<>();
        for (int i = 0; i < fk.columns().size(); i++) {
            on.add("r.rc" + i + " = t0." + q(fk.columns().get(i)));
            notNull.add("t0." + q(fk.columns().get(i)) + " IS NOT NULL");
        }
        String declared = declaringPartitions(fk);
        String sql = "WITH r AS (" + referenced + ") SELECT count(*) FILTER (WHERE NOT dangling), "
                + "(array_agg(k ORDER BY " + ORDER_BY + ") FILTER (WHERE NOT dangling))[1:" + SAMPLES + "], count(*) FILTER (WHERE dangling), "
                + "(array_agg(k ORDER BY " + ORDER_BY + ") FILTER (WHERE dangling))[1:" + SAMPLES + "] FROM (SELECT " + key(from.table()) + " AS k, "
                + order(from.table()) + ", "
                + "r.rc0 IS NULL AS dangling " + from(from) + " LEFT JOIN r ON " + String.join(" AND ", on)
                + " WHERE " + String.join(" AND ", notNull) + declared
                + " AND (r.rc0 IS NULL OR " + tenant(from) + " <> r.tenant)) x";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new Mismatch(rs.getLong(1), strings(rs.getArray(2)), rs.getLong(3), strings(rs.getArray(4)));
        }
    }

    /** A key declared on some partitions holds there only. */
    private String declaringPartitions(ForeignKey fk) {
        if (fk.declaredOn() == null) return "";
        Table t = graph.table(fk.table()).orElseThrow();
        String partitions = t.foreignKeys().stream().filter(o -> Planner.sameShape(o, fk) && o.declaredOn() != null)
                .map(o -> "'" + o.declaredOn().replace("'", "''") + "'::regclass").distinct().collect(Collectors.joining(", "));
        return " AND t0.tableoid IN (" + partitions + ")";
    }

    /** FROM the table (t0) and LEFT JOINs along its path (t1 … tn). */
    private static String from(Source s) {
        StringBuilder sql = new StringBuilder("FROM " + s.table().name() + " t0");
        List<ForeignKey> hops = s.path().map(TenantPath::hops).orElse(List.of());
        for (int i = 0; i < hops.size(); i++) {
            ForeignKey fk = hops.get(i);
            sql.append(" LEFT JOIN ").append(fk.referencedTable()).append(" t").append(i + 1).append(" ON ");
            List<String> on = new ArrayList<>();
            for (int k = 0; k < fk.columns().size(); k++) {
                on.add("t" + i + "." + q(fk.columns().get(k)) + " = t" + (i + 1) + "." + q(fk.referencedColumns().get(k)));
            }
            sql.append(String.join(" AND ", on));
        }
        return sql.toString();
    }

    private static String tenant(Source s) {
        return s.path().map(p -> "t" + p.hops().size() + "." + q(p.endColumn())).orElse("t0." + q(s.column()));
    }

    /** A row's key as text: its primary key, else its ctid. */
    private static String key(Table t) {
        return t.primaryKey().map(pk -> pk.columns().size() == 1 ? "t0." + q(pk.columns().get(0)) + "::text"
                        : "row(" + pk.columns().stream().map(col -> "t0." + q(col)).collect(Collectors.joining(", ")) + ")::text")
                .orElse("t0.ctid::text");
    }

    /** Columns o0, o1 ... that sort the sample keys: the primary key's own values (10 after 9), else the ctid. */
    private static String order(Table t) {
        List<String> cols = t.primaryKey().map(pk -> pk.columns().stream().map(col -> "t0." + q(col)).toList()).orElse(List.of("t0.ctid"));
        List<String> out = new ArrayList<>();
        // one column each, not a row(): Citus cannot bring an anonymous record back from its workers
        for (int i = 0; i < ORDER_COLUMNS; i++) out.add((i < cols.size() ? cols.get(i) : "NULL::int") + " AS o" + i);
        return String.join(", ", out);
    }

    private static String q(String name) {
        return SqlIdentifier.quote(name);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) return List.of();
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>();
        for (Object v : values) out.add(String.valueOf(v));
        return List.copyOf(out);
    }
}
