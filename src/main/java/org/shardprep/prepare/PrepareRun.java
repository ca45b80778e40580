package org.shardprep.prepare;

import org.shardprep.migrate.Keyset;
import org.shardprep.migrate.PathFill;
import org.shardprep.migrate.QuietWrites;
import org.shardprep.migrate.ShortLockTransaction;
import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.prepare.PreparePlan.ForeignKeyChange;
import org.shardprep.prepare.PreparePlan.KeyChange;
import org.shardprep.prepare.PreparePlan.Orphans;
import org.shardprep.prepare.PreparePlan.TableRole;
import org.shardprep.prepare.SchemaGraph.ForeignKey;
import org.shardprep.prepare.SchemaGraph.KeyKind;
import org.shardprep.prepare.SchemaGraph.Table;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.shardprep.migrate.SqlIdentifier.quote;

/**
 * prepare run: carries a {@link PreparePlan} out on a connection of its own (autocommit, never the session's),
 * step by step, each step first asking the catalog whether it is done, so that a second run, or a run after
 * Ctrl-C, a crash or a lock timeout, goes on from where the catalog shows the last one ended:
 * <ol>
 * <li>each table to distribute that lacks the column gets it (nullable, marked {@link RunMarks#FILLING}, in a
 *     short-lock transaction), filled along the plan's path in keyset batches with user triggers kept from firing
 *     ({@code session_replication_role = replica} in each batch's transaction), then NOT NULL by a check
 *     added NOT VALID and validated (no long exclusive lock);</li>
 * <li>each key of the plan is widened onto (column, ...): its index built CONCURRENTLY, then swapped in one short
 *     transaction with the foreign keys that point at it (re-created NOT VALID, keeping names, actions but those
 *     Citus refuses, deferrability and match type) and the views and rules that depend on it (dropped and
 *     re-created);</li>
 * <li>the other foreign keys of the plan re-created the same way, then every key it re-created validated.</li>
 * </ol>
 * Partitioned tables get what PostgreSQL allows there: the column added, filled and made NOT NULL on the partitioned
 * table (the check NOT VALID then validated reaches every partition), keys widened partition by partition
 * ({@link #swapPartitionedKey}), foreign keys declared on partitions re-created there NOT VALID and validated.
 */
final class PrepareRun {

    /** Keys per fill batch. */
    static final int BATCH = 5000;

    private final Connection c;
    private final PreparePlan plan;
    private final SchemaGraph graph;
    private final ShortLockTransaction transaction;
    private final Consumer<String> say;
    private final BooleanSupplier stop;
    /** Whether this role may set session_replication_role: asked once, by {@link #refusals} or the first fill. */
    private Boolean replica;
    private int done;

    /**
     * @param c   a connection in autocommit mode, on the session's search_path
     * @param say  where the lines of the run go
     * @param stop Ctrl-C: checked before each batch and each step (a statement in flight is cancelled by its connection)
     */
    PrepareRun(Connection c, PreparePlan plan, SchemaGraph graph, ShortLockTransaction transaction, Consumer<String> say,
               BooleanSupplier stop) {
        this.c = c;
        this.plan = plan;
        this.graph = graph;
        this.transaction = transaction;
        this.say = say;
        this.stop = stop;
    }

    /** Why the run must not start, each in one sentence; empty when it may. Reads only. */
    List<String> refusals() throws SQLException {
        List<String> out = new ArrayList<>();
        List<Orphans> orphans = plan.preflight().orphans();
        if (!orphans.isEmpty()) {
            long n = plan.preflight().orphanRows();
            out.add(n + (n == 1 ? " row" : " rows") + " can get no tenant: " + orphans.stream()
                    .map(o -> o.table() + " " + o.count() + " (" + o.reason() + "; e.g. " + String.join(", ", o.samples()) + ")")
                    .collect(Collectors.joining(", ")) + "; fix or delete them first");
        }
        for (KeyChange k : plan.keyChanges()) {
            if (k.key().declaredOn() != null || !table(k.key().table()).partitioned()) continue;
            List<String> deeper = subPartitioned(k.key().table());
            if (!deeper.isEmpty()) {
                out.add(k.key().table() + ": its partitions " + String.join(", ", deeper) + " are partitioned in turn; prepare run widens "
                        + k.key().name() + " on one level of partitions only: widen it by hand (prepare plan shows how)");
            }
        }
        for (ForeignKeyChange f : plan.foreignKeyChanges()) {
            if (!f.dropped() && f.key().declaredOn() == null && table(f.key().table()).partitioned()) {
                out.add(f.key().table() + ": foreign key " + f.key().name() + " is declared on the partitioned table, where PostgreSQL "
                        + "allows no NOT VALID key: re-pointing it would scan every partition under a lock that stops writes; "
                        + "declare it on the partitions instead, or re-point it by hand in a quiet moment");
            }
        }
        for (KeyChange k : plan.keyChanges()) {
            for (ForeignKey fk : graph.referencing(k.key().table())) {
                if (k.key().declaredOn() != null) break;   // a partition's own key: no foreign key can point at it alone
                if (!Set.copyOf(fk.referencedColumns()).equals(Set.copyOf(k.key().columns()))) continue;
                if (change(fk).isEmpty()) {
                    out.add("foreign key " + fk.name() + " of " + fk.table() + " refers to " + k.key().name() + " of " + k.key().table()
                            + ", which changes, and the plan does not re-point it (see its problems)");
                }
            }
        }
        boolean replica = replica();
        for (TableRole r : plan.tables()) {
            if (r.addsColumn()) QuietWrites.refusal(c, r.table(), plan.column(), replica).ifPresent(out::add);
        }
        return out;
    }

    /** Whether the catalog shows anything left to do. Reads only. */
    boolean pending() throws SQLException {
        if (plan.tables().stream().anyMatch(TableRole::addsColumn) || !plan.keyChanges().isEmpty()) return true;
        if (!plan.foreignKeyChanges().isEmpty() || !plan.lifts().isEmpty()) return true;
        for (TableRole r : plan.withRole(Role.DISTRIBUTED)) {
            if (!table(r.table()).column(r.distributionColumn()).map(SchemaGraph.Column::notNull).orElse(true)) return true;
        }
        return !marked().isEmpty();
    }

    /** Runs every step not done yet; returns how many steps ran. */
    int run() throws SQLException {
        for (TableRole r : plan.tables()) {
            if (!r.addsColumn()) continue;
            addColumn(r);
            fill(r);
            notNull(r.table(), r.distributionColumn());
        }
        for (TableRole r : plan.withRole(Role.DISTRIBUTED)) {
            if (!r.addsColumn()) notNull(r.table(), r.distributionColumn());
        }
        for (KeyChange k : plan.keyChanges()) swapKey(k);
        for (ForeignKeyChange f : plan.foreignKeyChanges()) foreignKey(f);
        for (PreparePlan.KeyLift l : plan.lifts()) addToPartitions(l);
        for (String[] fk : marked()) {
            say.accept(fk[0] + ": validate " + fk[1] + " (scans under SHARE UPDATE EXCLUSIVE: writes go on)");
            step(x -> exec(x, "ALTER TABLE " + fk[0] + " VALIDATE CONSTRAINT " + quote(fk[1]),
                    "COMMENT ON CONSTRAINT " + quote(fk[1]) + " ON " + fk[0] + " IS NULL"));
        }
        for (PreparePlan.KeyLift l : plan.lifts()) lift(l);
        return done;
    }

    // ---- 4. foreign keys declared on partitions, declared on their table

    /** The partitions without the key get it, NOT VALID (validated with the others next): their rows are checked too. */
    private void addToPartitions(PreparePlan.KeyLift l) throws SQLException {
        for (String p : l.missing()) {
            String name = SqlIdentifier.truncate(relName(p) + "_" + String.join("_", l.declared().get(0).columns()) + "_fkey");
            if (foreignKeyNow(p, name).isPresent()) continue;
            say.accept(p + ": foreign key " + name + " (" + String.join(", ", l.columns()) + ") → " + l.referencedTable()
                    + l.clauses() + ", NOT VALID, as its table's other partitions have it");
            step(x -> exec(x, "ALTER TABLE " + p + " ADD CONSTRAINT " + quote(name) + " FOREIGN KEY (" + columns(l.columns()) + ") REFERENCES "
                    + l.referencedTable() + " (" + columns(l.referencedColumns()) + ")" + l.clauses() + " NOT VALID",
                    "COMMENT ON CONSTRAINT " + quote(name) + " ON " + p + " IS " + literal(RunMarks.TO_VALIDATE)));
        }
    }

    /**
     * The key declared on the partitioned table: PostgreSQL attaches the partitions' valid keys of the same definition
     * instead of checking the rows again, so this is a short transaction.
     */
    private void lift(PreparePlan.KeyLift l) throws SQLException {
        if (foreignKeyNow(l.table(), l.name()).isPresent()) return;
        say.accept(l.table() + ": foreign key " + l.name() + " (" + String.join(", ", l.columns()) + ") → " + l.referencedTable() + l.clauses()
                + " declared on the table, attaching its partitions' keys: one short transaction, no scan");
        step(x -> exec(x, "ALTER TABLE " + l.table() + " ADD CONSTRAINT " + quote(l.name()) + " FOREIGN KEY (" + columns(l.columns())
                + ") REFERENCES " + l.referencedTable() + " (" + columns(l.referencedColumns()) + ")" + l.clauses()));
    }

    private String relName(String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT relname FROM pg_class WHERE oid = ?::regclass")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    // ---- 1. the column

    private void addColumn(TableRole r) throws SQLException {
        if (attribute(r.table(), r.distributionColumn()).isPresent()) return;
        TenantPath path = r.path().orElseThrow();
        String type = table(path.endTable()).column(path.endColumn()).orElseThrow().type();
        say.accept(r.table() + ": add column " + r.distributionColumn() + " " + type + " (nullable: no rewrite, a moment's lock)");
        String col = r.table() + "." + quote(r.distributionColumn());
        step(x -> exec(x, "ALTER TABLE " + r.table() + " ADD COLUMN " + quote(r.distributionColumn()) + " " + type,
                "COMMENT ON COLUMN " + col + " IS " + literal(RunMarks.FILLING)));
    }

    private void fill(TableRole r) throws SQLException {
        Table t = table(r.table());
        List<String> pk = t.primaryKey().map(SchemaGraph.UniqueKey::columns).orElse(List.of());
        if (pk.stream().anyMatch(k -> t.column(k).isEmpty())) pk = List.of();   // a key on an expression: walk the rows' addresses
        Keyset keys = Keyset.of(pk, pk.stream().map(k -> t.column(k).orElseThrow().type()).toList(), t.partitioned());
        PathFill fill = new PathFill(t.name(), keys, r.distributionColumn(), r.path().orElseThrow().joinPath());
        boolean replica = replica();
        long filled = 0;
        long batches = 0;
        // a second pass takes rows written behind the first one's position
        for (int pass = 0; pass < 2 && nulls(r.table(), r.distributionColumn()); pass++) {
            List<String> last = null;
            while (true) {
                stopIfAsked();
                List<String> from = last;
                PathFill.Result res = transaction.run(c, x -> {
                    if (replica) QuietWrites.apply(x);
                    return fill.run(x, from, BATCH);
                });
                filled += res.filled();
                batches++;
                if (res.lastKey() != null) last = res.lastKey();
                if (res.scanned() < BATCH) break;
            }
        }
        if (batches > 0) {
            done++;
            say.accept(String.format(Locale.ROOT, "%s: %s filled along %s: %,d rows in %,d %s%s", r.table(), r.distributionColumn(),
                    r.path().get(), filled, batches, batches == 1 ? "batch" : "batches", replica ? " (session_replication_role = replica: no trigger fired)" : ""));
        }
    }

    private void notNull(String t, String column) throws SQLException {
        Optional<Boolean> notNull = attribute(t, column);
        boolean marked = columnMarked(t, column);
        if (notNull.orElse(true) && !marked) return;
        String check = SqlIdentifier.truncate(table(t).relName() + "_" + column + "_not_null");
        String col = quote(column);
        if (!notNull.get()) {
            Optional<Boolean> valid = checkValid(t, check);
            if (valid.isEmpty()) {
                say.accept(t + ": " + column + " NOT NULL, first as a check NOT VALID (no scan), validated next");
                step(x -> exec(x, "ALTER TABLE " + t + " ADD CONSTRAINT " + quote(check) + " CHECK (" + col + " IS NOT NULL) NOT VALID"));
            }
            if (!valid.orElse(false)) {
                say.accept(t + ": validate " + check + " (scans under SHARE UPDATE EXCLUSIVE: writes go on)");
                step(x -> exec(x, "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + quote(check)));
            }
            say.accept(t + ": " + column + " SET NOT NULL (the valid check proves it: no scan)");
            step(x -> exec(x, "ALTER TABLE " + t + " ALTER COLUMN " + col + " SET NOT NULL",
                    "ALTER TABLE " + t + " DROP CONSTRAINT " + quote(check),
                    "COMMENT ON COLUMN " + t + "." + col + " IS NULL"));
        } else {
            step(x -> exec(x, "COMMENT ON COLUMN " + t + "." + col + " IS NULL"));
        }
    }

    // ---- 2. the keys

    private static final Pattern INDEX_DEF = Pattern.compile("^CREATE UNIQUE INDEX (.+?) ON (ONLY )?(.+?) USING (\\w+) \\(");

    private void swapKey(KeyChange k) throws SQLException {
        // a key declared on one partition is that partition's: widened there, as on any table
        String t = k.key().where();
        String column = plan.column();
        KeyState state = keyState(k);
        if (state == null) throw new SQLException("the " + k.key().kind().words() + " " + k.key().name() + " of " + t + " is gone: run prepare run again");
        if (state.first().equals(column)) return;
        if (k.key().declaredOn() == null && table(t).partitioned()) {
            swapPartitionedKey(k, state);
            return;
        }
        String tmp = SqlIdentifier.truncate(k.key().name() + "_new");
        String schema = quote(state.schema());
        buildWidened(t, state.schema(), state.indexDef(), tmp, k.newColumns());
        Set<String> lock = new LinkedHashSet<>(List.of(t));
        List<ForeignKeyChange> referencing = referencing(k, state, lock);
        String swap = switch (k.key().kind()) {
            case PRIMARY_KEY -> "ALTER TABLE " + t + " DROP CONSTRAINT " + quote(k.key().name()) + ", ADD CONSTRAINT "
                    + quote(k.key().name()) + " PRIMARY KEY USING INDEX " + quote(tmp);
            case UNIQUE_CONSTRAINT -> "ALTER TABLE " + t + " DROP CONSTRAINT " + quote(k.key().name()) + ", ADD CONSTRAINT "
                    + quote(k.key().name()) + " UNIQUE USING INDEX " + quote(tmp) + state.deferrable();
            case UNIQUE_INDEX -> "DROP INDEX " + schema + "." + quote(k.key().name()) + "; ALTER INDEX " + schema + "." + quote(tmp)
                    + " RENAME TO " + quote(k.key().name());
        };
        say.accept(t + ": " + k.key().kind().words() + " " + k.key().name() + " onto (" + String.join(", ", k.newColumns()) + ")"
                + (referencing.isEmpty() ? "" : ", " + referencing.stream().map(f -> f.key().name()).collect(Collectors.joining(", "))
                + " re-pointed NOT VALID") + ": one short transaction, no scan");
        step(x -> {
            exec(x, "LOCK TABLE " + String.join(", ", lock) + " IN ACCESS EXCLUSIVE MODE");
            for (ForeignKeyChange f : referencing) exec(x, "ALTER TABLE " + f.key().where() + " DROP CONSTRAINT " + quote(f.key().name()));
            List<String> recreate = dropDependents(x, k, state);
            exec(x, swap);
            for (ForeignKeyChange f : referencing) if (!f.dropped()) exec(x, addForeignKey(f));
            for (String sql : recreate) exec(x, sql);
        });
    }

    /**
     * Builds the widened index beside the old one, CONCURRENTLY (writes go on): drops a half-built one an earlier run left
     * invalid first, and does nothing when a valid one is there.
     */
    private void buildWidened(String table, String schema, String indexDef, String tmp, List<String> newColumns) throws SQLException {
        String column = plan.column();
        Optional<Boolean> tmpValid = indexValid(schema, tmp, table, column);
        if (tmpValid.isPresent() && !tmpValid.get()) {
            stopIfAsked();
            say.accept(table + ": drop the invalid index " + tmp + " (an earlier build stopped half-way)");
            exec(c, "DROP INDEX CONCURRENTLY " + quote(schema) + "." + quote(tmp));
            done++;
        }
        if (tmpValid.orElse(false)) return;
        Matcher m = INDEX_DEF.matcher(indexDef);
        if (!m.find()) throw new SQLException("cannot read the definition of an index of " + table + ": " + indexDef);
        String create = "CREATE UNIQUE INDEX CONCURRENTLY " + quote(tmp) + " ON " + m.group(3) + " USING " + m.group(4) + " ("
                + quote(column) + ", " + indexDef.substring(m.end());
        stopIfAsked();
        say.accept(table + ": unique index " + tmp + " on (" + String.join(", ", newColumns) + "), CONCURRENTLY: writes go on");
        exec(c, create);
        done++;
    }

    /** The foreign keys that point at the key (not the clones a partitioned table's key has on its partitions), each as the plan re-points it. */
    private List<ForeignKeyChange> referencing(KeyChange k, KeyState state, Set<String> lock) throws SQLException {
        List<ForeignKeyChange> referencing = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conname, conrelid::regclass::text FROM pg_constraint "
                + "WHERE contype = 'f' AND conindid = ? AND conparentid = 0 ORDER BY conrelid::regclass::text, conname")) {
            ps.setLong(1, state.indexOid());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String on = rs.getString(2);
                    ForeignKeyChange f = plan.foreignKeyChanges().stream()
                            .filter(x -> x.key().name().equals(name) && x.key().where().equals(on)).findFirst()
                            .orElseThrow(() -> new SQLException("foreign key " + name + " of " + on + " refers to " + k.key().name()
                                    + " and the plan does not re-point it: nothing changed on " + k.key().where()));
                    referencing.add(f);
                    lock.add(on);
                }
            }
        }
        return referencing;
    }

    /** One partition's part of a partitioned table's key: its index, that index's definition and, for a constraint, its name. */
    private record PartitionKey(String partition, String schema, String index, String indexDef, String constraint) {}

    /**
     * A partitioned table's key, widened as PostgreSQL allows it (no CONCURRENTLY on a partitioned table): each
     * partition's widened index built CONCURRENTLY, then in one short transaction the old key dropped, each
     * partition's new index made its constraint (USING INDEX, keeping the partition's constraint name) and the key
     * added on the partitioned table, which attaches those instead of building anything; a plain unique index is
     * built ON ONLY the partitioned table and the partitions' indexes attached to it.
     */
    private void swapPartitionedKey(KeyChange k, KeyState state) throws SQLException {
        String t = k.key().table();
        List<PartitionKey> parts = partitionKeys(state.indexOid());
        for (PartitionKey part : parts) {
            buildWidened(part.partition(), part.schema(), part.indexDef(), SqlIdentifier.truncate(part.index() + "_new"), k.newColumns());
        }
        Set<String> lock = new LinkedHashSet<>(List.of(t));
        List<ForeignKeyChange> referencing = referencing(k, state, lock);
        String cols = columns(k.newColumns());
        String name = quote(k.key().name());
        List<String> swap = new ArrayList<>();
        if (k.key().kind() == KeyKind.UNIQUE_INDEX) {
            String tmp = SqlIdentifier.truncate(k.key().name() + "_new");
            Matcher m = INDEX_DEF.matcher(state.indexDef());
            if (!m.find()) throw new SQLException("cannot read the definition of " + k.key().name() + ": " + state.indexDef());
            swap.add("DROP INDEX IF EXISTS " + quote(state.schema()) + "." + quote(tmp));
            swap.add("CREATE UNIQUE INDEX " + quote(tmp) + " ON ONLY " + t + " USING " + m.group(4) + " (" + quote(plan.column()) + ", "
                    + state.indexDef().substring(m.end()));
            for (PartitionKey part : parts) {
                swap.add("ALTER INDEX " + quote(state.schema()) + "." + quote(tmp) + " ATTACH PARTITION " + quote(part.schema()) + "."
                        + quote(SqlIdentifier.truncate(part.index() + "_new")));
            }
            swap.add("DROP INDEX " + quote(state.schema()) + "." + name);
            swap.add("ALTER INDEX " + quote(state.schema()) + "." + quote(tmp) + " RENAME TO " + name);
            for (PartitionKey part : parts) {
                swap.add("ALTER INDEX " + quote(part.schema()) + "." + quote(SqlIdentifier.truncate(part.index() + "_new")) + " RENAME TO " + quote(part.index()));
            }
        } else {
            String kind = k.key().kind() == KeyKind.PRIMARY_KEY ? " PRIMARY KEY" : " UNIQUE";
            swap.add("ALTER TABLE " + t + " DROP CONSTRAINT " + name);
            for (PartitionKey part : parts) {
                swap.add("ALTER TABLE " + quote(part.schema()) + "." + quote(part.partition()) + " ADD CONSTRAINT " + quote(part.constraint())
                        + kind + " USING INDEX " + quote(SqlIdentifier.truncate(part.index() + "_new")));
            }
            swap.add("ALTER TABLE " + t + " ADD CONSTRAINT " + name + kind + " (" + cols + ")" + state.deferrable());
        }
        say.accept(t + ": " + k.key().kind().words() + " " + k.key().name() + " onto (" + String.join(", ", k.newColumns()) + ") on "
                + parts.size() + (parts.size() == 1 ? " partition" : " partitions") + ", their indexes attached"
                + (referencing.isEmpty() ? "" : ", " + referencing.stream().map(f -> f.key().name()).collect(Collectors.joining(", "))
                + " re-pointed NOT VALID") + ": one short transaction, no scan");
        step(x -> {
            exec(x, "LOCK TABLE " + String.join(", ", lock) + " IN ACCESS EXCLUSIVE MODE");
            for (ForeignKeyChange f : referencing) exec(x, "ALTER TABLE " + f.key().where() + " DROP CONSTRAINT " + quote(f.key().name()));
            List<String> recreate = dropDependents(x, k, state);
            for (String sql : swap) exec(x, sql);
            for (ForeignKeyChange f : referencing) if (!f.dropped()) exec(x, addForeignKey(f));
            for (String sql : recreate) exec(x, sql);
        });
    }

    /** The partitions' indexes attached to a partitioned table's index, with their constraints' names. */
    private List<PartitionKey> partitionKeys(long parentIndex) throws SQLException {
        List<PartitionKey> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT pc.relname, pn.nspname, ic.relname, pg_get_indexdef(i.indexrelid),
                       (SELECT con.conname FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u'))
                FROM pg_inherits h JOIN pg_index i ON i.indexrelid = h.inhrelid
                JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class pc ON pc.oid = i.indrelid
                JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                WHERE h.inhparent = ? ORDER BY pc.relname""")) {
            ps.setLong(1, parentIndex);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PartitionKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Optional.ofNullable(rs.getString(5)).orElse(rs.getString(3))));
                }
            }
        }
        return out;
    }

    /** Partitions of the table that are partitioned themselves. */
    private List<String> subPartitioned(String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT relid::regclass::text FROM pg_partition_tree(?::regclass) "
                + "WHERE level > 0 AND NOT isleaf ORDER BY 1")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** The key's index (for a constraint, the one behind it), its definition and its first column, or null when gone. */
    private record KeyState(long constraintOid, long indexOid, String indexDef, String first, String deferrable, String schema) {}

    private KeyState keyState(KeyChange k) throws SQLException {
        String sql = k.key().kind() == KeyKind.UNIQUE_INDEX
                ? "SELECT 0, i.indexrelid, '' FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = ?::regclass AND ic.relname = ?"
                : "SELECT con.oid, con.conindid, CASE WHEN con.condeferred THEN ' DEFERRABLE INITIALLY DEFERRED' "
                + "WHEN con.condeferrable THEN ' DEFERRABLE' ELSE '' END FROM pg_constraint con WHERE con.conrelid = ?::regclass AND con.conname = ?";
        try (PreparedStatement ps = c.prepareStatement("SELECT k.*, pg_get_indexdef(k.i), "
                + "(SELECT a.attname FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[0] "
                + "WHERE x.indexrelid = k.i), (SELECT n.nspname FROM pg_class ic JOIN pg_namespace n ON n.oid = ic.relnamespace "
                + "WHERE ic.oid = k.i) FROM (" + sql + ") k(con, i, defer)")) {
            ps.setString(1, k.key().where());
            ps.setString(2, k.key().name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                return new KeyState(rs.getLong(1), rs.getLong(2), rs.getString(4), Optional.ofNullable(rs.getString(5)).orElse(""), rs.getString(3),
                        rs.getString(6));
            }
        }
    }

    /** Drops the views and rules that depend on the key, returning the statements that re-create them. */
    private List<String> dropDependents(Connection x, KeyChange k, KeyState state) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> create = new ArrayList<>();
        try (PreparedStatement ps = x.prepareStatement("""
                SELECT DISTINCT r.rulename <> '_RETURN', v.relkind, v.oid::regclass::text, r.rulename,
                       CASE WHEN r.rulename <> '_RETURN' THEN pg_get_ruledef(r.oid) ELSE pg_get_viewdef(v.oid, true) END,
                       array_to_string(v.reloptions, ', ')
                FROM pg_depend d JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
                JOIN pg_class v ON v.oid = r.ev_class
                WHERE (d.refclassid = 'pg_constraint'::regclass AND d.refobjid = ?)
                   OR (d.refclassid = 'pg_class'::regclass AND d.refobjid = ?)""")) {
            ps.setLong(1, state.constraintOid());
            ps.setLong(2, state.indexOid());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String on = rs.getString(3);
                    if (rs.getBoolean(1)) {
                        drop.add("DROP RULE " + quote(rs.getString(4)) + " ON " + on);
                        create.add(rs.getString(5).replaceFirst(";\\s*$", ""));
                        say.accept(k.key().table() + ": rule " + rs.getString(4) + " on " + on + " depends on " + k.key().name()
                                + ": dropped and re-created in the same transaction");
                        continue;
                    }
                    boolean mat = rs.getString(2).equals("m");
                    String options = rs.getString(6) == null || rs.getString(6).isEmpty() ? "" : " WITH (" + rs.getString(6) + ")";
                    String definition = rs.getString(5).replaceFirst(";\\s*$", "");
                    String widened = GroupByWidening.widen(definition, k.key().table(), k.key().columns(), plan.column());
                    drop.add("DROP " + (mat ? "MATERIALIZED VIEW " : "VIEW ") + on);
                    create.add("CREATE " + (mat ? "MATERIALIZED VIEW " : "VIEW ") + on + options + " AS " + widened);
                    say.accept(k.key().table() + ": " + (mat ? "materialized view " : "view ") + on + " depends on " + k.key().name()
                            + ": dropped and re-created in the same transaction" + (widened.equals(definition) ? ""
                            : ", grouping by " + plan.column() + " as well (the same groups: the old key was unique)"));
                }
            }
        }
        for (String sql : drop) exec(x, sql);
        return create;
    }

    // ---- 3. the foreign keys

    private void foreignKey(ForeignKeyChange f) throws SQLException {
        ForeignKey fk = f.key();
        Optional<String[]> now = foreignKeyNow(fk.where(), fk.name());
        if (f.dropped()) {
            if (now.isEmpty()) return;
            say.accept(fk.where() + ": drop foreign key " + fk.name() + " (Citus allows none from a reference table to a distributed one)");
            step(x -> exec(x, "ALTER TABLE " + fk.where() + " DROP CONSTRAINT " + quote(fk.name())));
            return;
        }
        String want = String.join(",", f.newColumns()) + ">" + fk.referencedTable() + ">" + String.join(",", f.newReferencedColumns())
                + ">" + action(f.clauses(), "UPDATE") + ">" + action(f.clauses(), "DELETE");
        if (now.isPresent() && now.get()[0].equals(want)) return;
        say.accept(fk.where() + ": foreign key " + fk.name() + " re-created as (" + String.join(", ", f.newColumns()) + ") → "
                + fk.referencedTable() + " (" + String.join(", ", f.newReferencedColumns()) + ")" + f.clauses() + ", NOT VALID");
        step(x -> {
            exec(x, "ALTER TABLE " + fk.where() + " DROP CONSTRAINT IF EXISTS " + quote(fk.name()));
            exec(x, addForeignKey(f));
        });
    }

    private String addForeignKey(ForeignKeyChange f) {
        ForeignKey fk = f.key();
        return "ALTER TABLE " + fk.where() + " ADD CONSTRAINT " + quote(fk.name()) + " FOREIGN KEY (" + columns(f.newColumns())
                + ") REFERENCES " + fk.referencedTable() + " (" + columns(f.newReferencedColumns()) + ")" + f.clauses() + " NOT VALID; "
                + "COMMENT ON CONSTRAINT " + quote(fk.name()) + " ON " + fk.where() + " IS " + literal(RunMarks.TO_VALIDATE);
    }

    /** The ON UPDATE / ON DELETE action the clauses name, NO ACTION when none. */
    private static String action(String clauses, String event) {
        Matcher m = Pattern.compile("ON " + event + " (NO ACTION|RESTRICT|CASCADE|SET NULL|SET DEFAULT)").matcher(clauses);
        return m.find() ? m.group(1) : "NO ACTION";
    }

    /** The key as columns>table>referenced columns>on update>on delete, comparable with what the plan wants. */
    private Optional<String[]> foreignKeyNow(String table, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o),
                       con.confrelid::regclass::text,
                       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o),
                       con.confupdtype, con.confdeltype
                FROM pg_constraint con WHERE con.conrelid = ?::regclass AND con.conname = ? AND con.contype = 'f'""")) {
            ps.setString(1, table);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new String[] {String.join(",", strings(rs.getArray(1))) + ">" + rs.getString(2) + ">"
                        + String.join(",", strings(rs.getArray(3))) + ">" + SchemaGraph.action(rs.getString(4)) + ">" + SchemaGraph.action(rs.getString(5))});
            }
        }
    }


    /** The foreign keys a run re-created and has not validated yet: {table, name}. */
    private List<String[]> marked() throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT conrelid::regclass::text, conname FROM pg_constraint "
                + "WHERE contype = 'f' AND obj_description(oid, 'pg_constraint') = ? ORDER BY 1, 2")) {
            ps.setString(1, RunMarks.TO_VALIDATE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    // ---- the catalog, read

    private Optional<ForeignKeyChange> change(ForeignKey fk) {
        return plan.foreignKeyChanges().stream().filter(f -> f.key().name().equals(fk.name()) && f.key().where().equals(fk.where())).findFirst();
    }

    private Table table(String name) {
        return graph.table(name).orElseThrow(() -> new BadPlanInput("table " + name + " is gone since the plan was made: run again"));
    }

    /** The column's NOT NULL, or empty when the table has no such column. */
    private Optional<Boolean> attribute(String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT attnotnull FROM pg_attribute WHERE attrelid = ?::regclass "
                + "AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, table);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        }
    }

    private boolean columnMarked(String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT col_description(attrelid, attnum) = ? FROM pg_attribute "
                + "WHERE attrelid = ?::regclass AND attname = ?")) {
            ps.setString(1, RunMarks.FILLING);
            ps.setString(2, table);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private boolean nulls(String table, String column) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + " WHERE " + quote(column) + " IS NULL)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The check constraint's convalidated, or empty when there is none of that name. */
    private Optional<Boolean> checkValid(String table, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT convalidated FROM pg_constraint WHERE conrelid = ?::regclass "
                + "AND conname = ? AND contype = 'c'")) {
            ps.setString(1, table);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        }
    }

    /**
     * Whether the index a key is built on is valid, or empty when there is none. An index of that name that is not
     * a unique index of the table starting with the column is not ours: refused, never swapped in.
     */
    private Optional<Boolean> indexValid(String schema, String name, String table, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT i.indisvalid, i.indisunique AND i.indrelid = ?::regclass "
                + "AND a.attname IS NOT DISTINCT FROM ? FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
                + "JOIN pg_namespace n ON n.oid = ic.relnamespace "
                + "LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] WHERE n.nspname = ? AND ic.relname = ?")) {
            ps.setString(1, table);
            ps.setString(2, column);
            ps.setString(3, schema);
            ps.setString(4, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                if (!rs.getBoolean(2)) {
                    throw new SQLException("an index named " + name + " exists that prepare run did not build (not a unique index of "
                            + table + " on " + column + " first): rename or drop it");
                }
                return Optional.of(rs.getBoolean(1));
            }
        }
    }

    private boolean replica() throws SQLException {
        if (replica == null) replica = QuietWrites.allowed(c, transaction);
        return replica;
    }

    // ---- doing

    @FunctionalInterface
    private interface Work {
        void run(Connection x) throws SQLException;
    }

    /** One step in one short-lock transaction (retried when a lock is not granted in time). */
    private void step(Work work) throws SQLException {
        stopIfAsked();
        transaction.run(c, x -> {
            work.run(x);
            return null;
        });
        done++;
    }

    private void stopIfAsked() throws SQLException {
        if (stop.getAsBoolean()) throw new SQLException("stopped by Ctrl-C", "57014");
    }

    private static void exec(Connection x, String... sql) throws SQLException {
        try (Statement st = x.createStatement()) {
            for (String s : sql) st.execute(s);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String columns(List<String> names) {
        return names.stream().map(SqlIdentifier::quote).collect(Collectors.joining(", "));
    }

    private static List<String> strings(Array array) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) out.add((String) o);
        return out;
    }
}
