package org.shardprep.prepare;

import org.shardprep.migrate.SqlIdentifier;
import org.shardprep.prepare.PreparePlan.ChangeKind;
import org.shardprep.prepare.PreparePlan.CrossTenant;
import org.shardprep.prepare.PreparePlan.ForeignKeyChange;
import org.shardprep.prepare.PreparePlan.KeyChange;
import org.shardprep.prepare.PreparePlan.Orphans;
import org.shardprep.prepare.PreparePlan.SemanticChange;
import org.shardprep.prepare.PreparePlan.TableRole;
import org.shardprep.prepare.PreparePlan.Tenant;
import org.shardprep.prepare.SchemaGraph.ForeignKey;
import org.shardprep.prepare.SchemaGraph.KeyKind;
import org.shardprep.prepare.SchemaGraph.Table;
import org.shardprep.prepare.SchemaGraph.UniqueKey;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Makes the {@link PreparePlan} for one schema: reads the catalog once ({@link SchemaGraph}), gives every
 * table a role, finds the path of foreign keys each table without the column gets its values from, asks the
 * data (rows without a tenant, rows pointing at another tenant: the referenced table then becomes a reference
 * table, and the roles and paths are worked out again), and lists what changes. It changes nothing.
 *
 * <p>Citus's rules it plans for: a distributed table's primary key, unique constraints and unique indexes
 * include its distribution column; a foreign key between distributed tables includes both distribution columns
 * at the same position; no foreign key goes from a reference table to a distributed one, nor between a
 * distributed table and a plain local one; on a key that includes the distribution column Citus refuses
 * ON UPDATE CASCADE / SET NULL / SET DEFAULT and ON DELETE SET NULL / SET DEFAULT; triggers on distributed
 * tables need citus.enable_unsafe_triggers.
 */
public final class Planner {

    /** What the user asked for: --tenant, --column, --reference, --local. */
    public record Options(String tenant, String column, List<String> reference, List<String> local) {
        public Options {
            reference = reference == null ? List.of() : List.copyOf(reference);
            local = local == null ? List.of() : List.copyOf(local);
        }
    }

    private final SchemaGraph graph;
    private final DataPreflight data;

    private Planner(Connection c, SchemaGraph graph) {
        this.graph = graph;
        this.data = new DataPreflight(c, graph);
    }

    /** Reads the catalog and the data and makes the plan. */
    public static PreparePlan plan(Connection c, Options options) throws SQLException {
        return plan(c, SchemaGraph.read(c), options);
    }

    /** The plan for a graph already read on c. */
    public static PreparePlan plan(Connection c, SchemaGraph graph, Options options) throws SQLException {
        return new Planner(c, graph).plan(options);
    }

    /** Two foreign keys of one table with the same columns pointing at the same key (one per partition, say). */
    static boolean sameShape(ForeignKey a, ForeignKey b) {
        return a.table().equals(b.table()) && a.columns().equals(b.columns()) && a.referencedTable().equals(b.referencedTable())
                && a.referencedColumns().equals(b.referencedColumns());
    }

    private PreparePlan plan(Options o) throws SQLException {
        if (o.tenant() == null && o.column() == null) throw new BadPlanInput("say which tenant: --tenant TABLE and/or --column NAME");
        Optional<Table> tenantTable = o.tenant() == null ? Optional.empty() : Optional.of(named(o.tenant(), "--tenant"));
        String column;
        Optional<Tenant> tenant = Optional.empty();
        if (tenantTable.isPresent()) {
            Table t = tenantTable.get();
            String key;
            if (o.column() != null && t.column(o.column()).isPresent()) {
                key = o.column();
            } else {
                List<String> pk = t.primaryKey().map(UniqueKey::columns).orElse(List.of());
                if (pk.size() != 1) {
                    throw new BadPlanInput("tenant table " + t.name() + " has no single-column primary key to distribute it on"
                            + (o.column() == null ? "" : " (and no column \"" + o.column() + "\")"));
                }
                key = pk.get(0);
            }
            column = o.column() == null ? key : o.column();
            tenant = Optional.of(new Tenant(t.name(), key));
        } else {
            column = o.column();
        }
        List<Table> withColumn = graph.tables().stream().filter(t -> t.column(column).isPresent()
                && tenantTable.map(tt -> tt != t).orElse(true)).toList();
        if (withColumn.isEmpty() && (tenantTable.isEmpty() || o.column() != null && !o.column().equals(tenant.get().key()))) {
            throw new BadPlanInput("no table on the search path has a column \"" + column + "\"");
        }
        checkTypes(column, tenantTable, tenant, withColumn);
        Set<String> forcedReference = names(o.reference(), "--reference");
        Set<String> forcedLocal = names(o.local(), "--local");
        for (String t : forcedReference) {
            if (forcedLocal.contains(t)) throw new BadPlanInput(t + " is named in both --reference and --local");
        }
        tenantTable.ifPresent(t -> {
            if (forcedReference.contains(t.name()) || forcedLocal.contains(t.name())) {
                throw new BadPlanInput("the tenant table " + t.name() + " is distributed: it cannot be in --reference or --local");
            }
        });
        return new Planning(column, tenant, forcedReference, forcedLocal).run();
    }

    private void checkTypes(String column, Optional<Table> tenantTable, Optional<Tenant> tenant, List<Table> withColumn) {
        SchemaGraph.Column reference = tenantTable.map(t -> t.column(tenant.get().key()).orElseThrow())
                .orElseGet(() -> withColumn.get(0).column(column).orElseThrow());
        String owner = tenantTable.map(t -> t.name() + "." + tenant.get().key()).orElse(withColumn.get(0).name() + "." + column);
        for (Table t : withColumn) {
            SchemaGraph.Column c = t.column(column).orElseThrow();
            if (c.typeOid() != reference.typeOid()) {
                throw new BadPlanInput(t.name() + "." + column + " is " + c.type() + " but " + owner + " is " + reference.type()
                        + ": colocated tables need one type");
            }
        }
    }

    /** The table a user typed: as named, else folded to lower case as SQL would, else by its bare name. */
    private Table named(String typed, String option) {
        Optional<Table> t = graph.table(typed).or(() -> graph.table(typed.toLowerCase(Locale.ROOT)));
        if (t.isEmpty()) {
            List<Table> bare = graph.tables().stream().filter(x -> x.relName().equals(typed)).toList();
            if (bare.size() == 1) t = Optional.of(bare.get(0));
        }
        return t.orElseThrow(() -> new BadPlanInput(option + ": no table \"" + typed + "\" on the search path"));
    }

    private Set<String> names(List<String> typed, String option) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : typed) {
            for (String part : s.split(",")) {
                if (!part.isBlank()) out.add(named(part.strip(), option).name());
            }
        }
        return out;
    }

    /** One run of the planning: roles, paths and the data's answers, until the data asks for no other roles. */
    private final class Planning {
        final String column;
        final Optional<Tenant> tenant;
        final Set<String> forcedReference;
        final Set<String> forcedLocal;
        /** tables made reference tables because rows of other tenants point at them, with why */
        final Map<String, String> promoted = new LinkedHashMap<>();
        Map<String, Role> roles;
        Map<String, TenantPath> paths;
        Map<String, Integer> distance;
        final List<Orphans> orphans = new ArrayList<>();
        final List<CrossTenant> crossTenant = new ArrayList<>();
        /** the findings that made tables reference tables, from the rounds before */
        final List<CrossTenant> resolved = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        Planning(String column, Optional<Tenant> tenant, Set<String> forcedReference, Set<String> forcedLocal) {
            this.column = column;
            this.tenant = tenant;
            this.forcedReference = forcedReference;
            this.forcedLocal = forcedLocal;
        }

        PreparePlan run() throws SQLException {
            while (true) {
                assignRoles();
                if (!askTheData()) break;
            }
            List<SemanticChange> changes = new ArrayList<>();
            promoted.forEach((t, why) -> changes.add(new SemanticChange(ChangeKind.BECOMES_REFERENCE, t, why)));
            List<KeyChange> keyChanges = keyChanges(changes);
            List<ForeignKeyChange> fkChanges = foreignKeyChanges(changes);
            List<PreparePlan.KeyLift> lifts = lifts(fkChanges, changes);
            dependents(keyChanges, changes);
            List<String> settings = new ArrayList<>();
            triggers(changes, settings);
            List<TableRole> ordered = new ArrayList<>();
            List<CitusStep> steps = statements(ordered);
            List<String> tableOrder = ordered.stream().map(TableRole::table).toList();
            orphans.sort(Comparator.comparingInt((Orphans x) -> tableOrder.indexOf(x.table())));
            if (ordered.stream().anyMatch(r -> r.role() == Role.LOCAL && hasKeyTo(r.table(), Role.REFERENCE))) {
                settings.add("SET citus.enable_local_reference_table_foreign_keys = on;   -- the default: local tables with keys to reference tables become citus local tables");
            }
            return new PreparePlan(column, tenant, ordered, keyChanges, fkChanges, lifts, changes,
                    new PreparePlan.Preflight(List.copyOf(orphans), List.copyOf(crossTenant)), settings, steps, List.copyOf(problems));
        }

        String distributionColumn(String table) {
            return tenant.filter(t -> t.table().equals(table)).map(Tenant::key).orElse(column);
        }

        boolean isTenant(String table) {
            return tenant.map(t -> t.table().equals(table)).orElse(false);
        }

        Role role(String table) {
            return roles.getOrDefault(table, Role.LOCAL);
        }

        boolean hasKeyTo(String table, Role target) {
            return graph.table(table).orElseThrow().foreignKeys().stream().anyMatch(fk -> role(fk.referencedTable()) == target);
        }

        /** Distributed: the tenant table, tables with the column, tables with a path to one; reference: what they need. */
        void assignRoles() {
            roles = new HashMap<>();
            paths = new HashMap<>();
            distance = new HashMap<>();
            Set<String> notDistributed = new LinkedHashSet<>(forcedReference);
            notDistributed.addAll(forcedLocal);
            notDistributed.addAll(promoted.keySet());
            for (Table t : graph.tables()) {
                if (notDistributed.contains(t.name())) continue;
                if (isTenant(t.name()) || t.column(column).isPresent()) distance.put(t.name(), 0);
            }
            // shortest paths: ties go to the foreign key on the earlier column, then by name
            boolean changed = true;
            while (changed) {
                changed = false;
                for (Table t : graph.tables()) {
                    if (notDistributed.contains(t.name()) || Integer.valueOf(0).equals(distance.get(t.name()))) continue;
                    Optional<ForeignKey> best = t.foreignKeys().stream()
                            .filter(fk -> distance.containsKey(fk.referencedTable()) && !fk.referencedTable().equals(t.name()))
                            .min(Comparator.comparingInt((ForeignKey fk) -> distance.get(fk.referencedTable()))
                                    .thenComparingInt(fk -> position(t, fk.columns().get(0)))
                                    .thenComparing(ForeignKey::name));
                    if (best.isEmpty()) continue;
                    int d = distance.get(best.get().referencedTable()) + 1;
                    if (!distance.containsKey(t.name()) || d < distance.get(t.name())) {
                        distance.put(t.name(), d);
                        changed = true;
                    }
                }
            }
            for (String name : distance.keySet()) roles.put(name, Role.DISTRIBUTED);
            for (String name : distance.keySet()) {
                if (distance.get(name) > 0) paths.put(name, path(name));
            }
            // reference tables: what distributed and reference tables point at, and what points at reference tables only
            for (String name : forcedReference) roles.put(name, Role.REFERENCE);
            for (String name : promoted.keySet()) roles.put(name, Role.REFERENCE);
            changed = true;
            while (changed) {
                changed = false;
                for (Table t : graph.tables()) {
                    if (roles.containsKey(t.name()) || forcedLocal.contains(t.name())) continue;
                    boolean referenced = graph.referencing(t.name()).stream().anyMatch(fk -> roles.containsKey(fk.table()));
                    boolean references = t.foreignKeys().stream().anyMatch(fk -> roles.get(fk.referencedTable()) == Role.REFERENCE);
                    if (referenced || references) {
                        roles.put(t.name(), Role.REFERENCE);
                        changed = true;
                    }
                }
            }
            for (Table t : graph.tables()) roles.putIfAbsent(t.name(), Role.LOCAL);
        }

        private int position(Table t, String col) {
            return new ArrayList<>(t.columns().keySet()).indexOf(col);
        }

        private TenantPath path(String table) {
            List<ForeignKey> hops = new ArrayList<>();
            String at = table;
            while (distance.get(at) > 0) {
                Table t = graph.table(at).orElseThrow();
                int want = distance.get(at) - 1;
                ForeignKey next = t.foreignKeys().stream()
                        .filter(fk -> Integer.valueOf(want).equals(distance.get(fk.referencedTable())) && !fk.referencedTable().equals(t.name()))
                        .min(Comparator.comparingInt((ForeignKey fk) -> position(t, fk.columns().get(0))).thenComparing(ForeignKey::name))
                        .orElseThrow();
                hops.add(next);
                at = next.referencedTable();
            }
            return new TenantPath(hops, at, distributionColumn(at));
        }

        DataPreflight.Source source(String table) {
            return new DataPreflight.Source(graph.table(table).orElseThrow(), distributionColumn(table), Optional.ofNullable(paths.get(table)));
        }

        /**
         * The pre-flight with the roles as they stand. Returns true when rows pointing at another tenant make
         * tables reference tables (the ones nearest the tenant first: the others' paths may change with them).
         */
        boolean askTheData() throws SQLException {
            orphans.clear();
            crossTenant.clear();
            problems.clear();
            List<String> distributed = graph.tables().stream().map(Table::name).filter(n -> role(n) == Role.DISTRIBUTED).toList();
            for (String name : distributed) orphans.addAll(data.orphans(source(name)));
            Map<String, List<CrossTenant>> byTarget = new LinkedHashMap<>();
            for (String name : distributed) {
                Table t = graph.table(name).orElseThrow();
                TenantPath path = paths.get(name);
                List<ForeignKey> asked = new ArrayList<>();
                for (ForeignKey fk : t.foreignKeys()) {
                    if (role(fk.referencedTable()) != Role.DISTRIBUTED) continue;
                    if (path != null && sameShape(path.hops().get(0), fk)) continue;
                    if (asked.stream().anyMatch(a -> sameShape(a, fk))) continue;
                    asked.add(fk);
                    DataPreflight.Mismatch m = data.mismatch(source(name), fk, source(fk.referencedTable()));
                    if (m.dangling() > 0) {
                        orphans.add(new Orphans(name, String.join(", ", fk.columns()) + " points at no row of " + fk.referencedTable()
                                + " (" + fk.name() + " is not enforced)", m.dangling(), m.danglingSamples()));
                    }
                    if (m.cross() == 0) continue;
                    String target = fk.referencedTable();
                    String proposal;
                    if (isTenant(target) || target.equals(name)) {
                        proposal = "no table can take them: fix the rows, or drop " + fk.name();
                        problems.add(name + ": " + m.cross() + " rows point through " + fk.name() + " at a row of " + target
                                + " of another tenant; Citus cannot enforce the key across tenants");
                    } else {
                        proposal = target + " becomes a reference table";
                    }
                    CrossTenant x = new CrossTenant(name, fk, m.cross(), m.crossSamples(), proposal);
                    crossTenant.add(x);
                    if (!isTenant(target) && !target.equals(name)) byTarget.computeIfAbsent(target, k -> new ArrayList<>()).add(x);
                }
            }
            crossTenant.addAll(0, resolved);
            if (byTarget.isEmpty()) return false;
            int nearest = byTarget.keySet().stream().mapToInt(distance::get).min().orElseThrow();
            Set<String> round = byTarget.keySet().stream().filter(t -> distance.get(t) == nearest).collect(Collectors.toSet());
            for (Map.Entry<String, List<CrossTenant>> e : byTarget.entrySet()) {
                if (!round.contains(e.getKey())) continue;
                // a finding on a path through a table that changes now is moot: that table's rows get another path
                List<CrossTenant> valid = e.getValue().stream().filter(x -> Optional.ofNullable(paths.get(x.table()))
                        .map(p -> p.hops().stream().noneMatch(h -> round.contains(h.referencedTable()))).orElse(true)).toList();
                if (valid.isEmpty()) valid = e.getValue();
                resolved.addAll(valid);
                String why = valid.stream().map(x -> x.count() + " rows of " + x.table() + " (" + String.join(", ", x.key().columns())
                        + ") point at a row of another tenant").collect(Collectors.joining("; "));
                promoted.put(e.getKey(), e.getKey() + " becomes a reference table, one copy on every node: " + why
                        + (graph.table(e.getKey()).orElseThrow().column(column).isPresent() ? "; its " + column + " stays an ordinary column" : ""));
            }
            crossTenant.clear();
            return true;
        }

        List<KeyChange> keyChanges(List<SemanticChange> changes) {
            List<KeyChange> out = new ArrayList<>();
            for (Table t : graph.tables()) {
                if (role(t.name()) != Role.DISTRIBUTED) continue;
                String dcol = distributionColumn(t.name());
                for (UniqueKey k : t.keys()) {
                    if (k.columns().contains(dcol)) continue;
                    List<String> now = new ArrayList<>();
                    now.add(dcol);
                    now.addAll(k.columns());
                    out.add(new KeyChange(k, List.copyOf(now)));
                    changes.add(new SemanticChange(ChangeKind.UNIQUE_PER_TENANT, t.name(), k.kind().words() + " " + k.name()
                            + (k.declaredOn() == null ? "" : " (on partition " + k.declaredOn() + ")")
                            + " (" + String.join(", ", k.columns()) + ") becomes (" + String.join(", ", now) + ")"
                            + (k.predicate() == null ? "" : " WHERE " + k.predicate())
                            + ": unique across tenants before, within one tenant after"));
                }
            }
            return out;
        }

        List<ForeignKeyChange> foreignKeyChanges(List<SemanticChange> changes) {
            List<ForeignKeyChange> out = new ArrayList<>();
            for (Table t : graph.tables()) {
                Role from = role(t.name());
                for (ForeignKey fk : t.foreignKeys()) {
                    Role to = role(fk.referencedTable());
                    if (from == Role.REFERENCE && to == Role.DISTRIBUTED) {
                        out.add(new ForeignKeyChange(fk, true, fk.columns(), fk.referencedColumns(), ""));
                        changes.add(new SemanticChange(ChangeKind.FOREIGN_KEY_DROPPED, t.name(), "foreign key " + fk.name() + " ("
                                + String.join(", ", fk.columns()) + ") → " + fk.referencedTable() + " is dropped: Citus allows no foreign key "
                                + "from a reference table to a distributed table, so " + String.join(", ", fk.columns()) + " is no longer checked"));
                        continue;
                    }
                    if (from == Role.LOCAL && to == Role.DISTRIBUTED || from == Role.DISTRIBUTED && to == Role.LOCAL) {
                        problems.add(t.name() + ": foreign key " + fk.name() + " joins a " + word(from) + " table to a " + word(to)
                                + " one (" + fk.referencedTable() + "), which Citus refuses (" + (from == Role.LOCAL
                                ? "\"cannot create foreign key constraint since foreign keys from reference tables and local tables to distributed tables are not supported\""
                                : "\"cannot create foreign key constraint since relations are not colocated or not referencing a reference table\"")
                                + "): make the local one a reference table (--reference)");
                        continue;
                    }
                    if (from != Role.DISTRIBUTED) continue;
                    String dcol = distributionColumn(t.name());
                    List<String> cols = fk.columns();
                    List<String> refs = fk.referencedColumns();
                    boolean repoint = false;
                    if (to == Role.DISTRIBUTED) {
                        String rcol = distributionColumn(fk.referencedTable());
                        int i = cols.indexOf(dcol);
                        if (i < 0 || !refs.get(i).equals(rcol)) {
                            if (i >= 0 || refs.contains(rcol)) {
                                problems.add(t.name() + ": foreign key " + fk.name() + " holds the distribution columns at different positions ("
                                        + String.join(", ", cols) + ") → (" + String.join(", ", refs) + "), which Citus refuses (\"Foreign keys are "
                                        + "supported in two cases, either in between two colocated tables including partition column in the same "
                                        + "ordinal in the both tables or from distributed to reference tables\"): re-declare it by hand");
                                continue;
                            }
                            cols = prepend(dcol, cols);
                            refs = prepend(rcol, refs);
                            repoint = true;
                        }
                    }
                    boolean includesColumn = cols.contains(dcol);
                    String onUpdate = fk.onUpdate();
                    String onDelete = fk.onDelete();
                    if (includesColumn && Set.of("CASCADE", "SET NULL", "SET DEFAULT").contains(onUpdate)) {
                        changes.add(new SemanticChange(ChangeKind.FOREIGN_KEY_ACTION, t.name(), "foreign key " + fk.name() + " ON UPDATE " + onUpdate
                                + " on a key that includes " + dcol + ": Citus refuses it, so it becomes ON UPDATE NO ACTION"
                                + " (changing a referenced key no longer reaches the rows that point at it)"));
                        onUpdate = "NO ACTION";
                    }
                    if (includesColumn && Set.of("SET NULL", "SET DEFAULT").contains(onDelete)) {
                        changes.add(new SemanticChange(ChangeKind.FOREIGN_KEY_ACTION, t.name(), "foreign key " + fk.name() + " ON DELETE " + onDelete
                                + " on a key that includes " + dcol + ": Citus refuses it, so it becomes ON DELETE NO ACTION"
                                + " (deleting a referenced row is refused while rows point at it)"));
                        onDelete = "NO ACTION";
                    }
                    if (repoint || !onUpdate.equals(fk.onUpdate()) || !onDelete.equals(fk.onDelete())) {
                        ForeignKey kept = new ForeignKey(fk.name(), fk.table(), fk.declaredOn(), cols, fk.referencedTable(), refs, onUpdate,
                                onDelete, fk.deferrable(), fk.initiallyDeferred(), fk.matchType(), fk.valid(), fk.oid());
                        out.add(new ForeignKeyChange(fk, false, cols, refs, kept.clauses()));
                    }
                }
            }
            return out;
        }

        /**
         * Foreign keys declared on partitions rather than on their table: Citus converts every table linked by foreign
         * keys to a Citus table and refuses a partition with keys of its own (pagila's payment_p2022_01 ... _06), so
         * each shape of them is declared on the table once (which attaches the partitions' keys), after the
         * partitions without one get it. Keys of one shape whose actions differ between partitions cannot be one
         * key: a problem.
         */
        List<PreparePlan.KeyLift> lifts(List<ForeignKeyChange> fkChanges, List<SemanticChange> changes) {
            List<PreparePlan.KeyLift> out = new ArrayList<>();
            for (Table t : graph.tables()) {
                Role role = role(t.name());
                List<ForeignKey> own = t.foreignKeys().stream().filter(fk -> fk.declaredOn() != null).toList();
                if (own.isEmpty() || role == Role.LOCAL && own.stream().allMatch(fk -> role(fk.referencedTable()) == Role.LOCAL)) continue;
                List<List<ForeignKey>> shapes = new ArrayList<>();
                for (ForeignKey fk : own) {
                    shapes.stream().filter(g -> sameShape(g.get(0), fk)).findFirst().ifPresentOrElse(g -> g.add(fk),
                            () -> shapes.add(new ArrayList<>(List.of(fk))));
                }
                for (List<ForeignKey> shape : shapes) {
                    ForeignKey first = shape.get(0);
                    Optional<ForeignKeyChange> change = fkChanges.stream().filter(f -> f.key() == first).findFirst();
                    if (change.map(ForeignKeyChange::dropped).orElse(false)) continue;
                    Set<String> clauses = new TreeSet<>();
                    for (ForeignKey fk : shape) {
                        clauses.add(fkChanges.stream().filter(f -> f.key() == fk).findFirst().map(ForeignKeyChange::clauses).orElse(fk.clauses()));
                    }
                    List<String> on = shape.stream().map(ForeignKey::declaredOn).toList();
                    if (clauses.size() > 1) {
                        problems.add(t.name() + ": foreign keys " + shape.stream().map(ForeignKey::name).collect(Collectors.joining(", "))
                                + " are declared on its partitions, not on " + t.name() + ", with different actions, which Citus refuses "
                                + "(\"partition table ... involved in a foreign key relationship that is not inherited from its parent table\"): "
                                + "declare one key on " + t.name() + " instead, or drop them");
                        continue;
                    }
                    List<String> missing = t.partitions().stream().filter(p -> !on.contains(p)).toList();
                    List<String> cols = change.map(ForeignKeyChange::newColumns).orElse(first.columns());
                    List<String> refs = change.map(ForeignKeyChange::newReferencedColumns).orElse(first.referencedColumns());
                    String name = SqlIdentifier.truncate(t.relName() + "_" + String.join("_", first.columns()) + "_fkey");
                    PreparePlan.KeyLift lift = new PreparePlan.KeyLift(t.name(), name, cols, first.referencedTable(), refs,
                            clauses.iterator().next(), List.copyOf(shape), missing);
                    out.add(lift);
                    changes.add(new SemanticChange(ChangeKind.FOREIGN_KEY_LIFTED, t.name(), "foreign keys " + shape.stream().map(ForeignKey::name)
                            .collect(Collectors.joining(", ")) + " (" + String.join(", ", first.columns()) + ") → " + first.referencedTable()
                            + ", declared on " + shape.size() + " of its " + t.partitions().size() + " partitions, become one key " + name
                            + " on " + t.name() + " (Citus refuses a partition's own keys)"
                            + (missing.isEmpty() ? "" : "; " + String.join(", ", missing) + ", which had none, is checked by it too")));
                }
            }
            return out;
        }

        private static String word(Role r) {
            return r.name().toLowerCase(Locale.ROOT);
        }

        private static List<String> prepend(String first, List<String> rest) {
            List<String> out = new ArrayList<>();
            out.add(first);
            out.addAll(rest);
            return List.copyOf(out);
        }

        void dependents(List<KeyChange> keyChanges, List<SemanticChange> changes) {
            for (KeyChange k : keyChanges) {
                for (SchemaGraph.Dependent d : graph.dependents()) {
                    if (d.keyOid() != k.key().oid()) continue;
                    changes.add(new SemanticChange(ChangeKind.DEPENDENT_VIEW, d.table(), d.kind() + " " + d.name() + " depends on "
                            + k.key().name() + ": dropped and re-created in the same transaction as the key"));
                }
            }
        }

        /** Triggers on tables Citus will manage: safe ones only set NEW's columns in a BEFORE ROW trigger. */
        void triggers(List<SemanticChange> changes, List<String> settings) {
            boolean safeOnes = false;
            for (Table t : graph.tables()) {
                Role r = role(t.name());
                if (r == Role.LOCAL) continue;
                for (SchemaGraph.Trigger tg : t.triggers()) {
                    Optional<String> unsafe = TriggerSafety.whyUnsafe(tg);
                    String where = tg.declaredOn() == null ? "" : " (on partition " + tg.declaredOn() + ")";
                    if (unsafe.isEmpty()) {
                        safeOnes = true;
                        changes.add(new SemanticChange(ChangeKind.TRIGGER_SAFE, t.name(), "trigger " + tg.name() + where + " (" + tg.function()
                                + "): safe under citus.enable_unsafe_triggers, it only sets columns of the row being written"));
                    } else {
                        changes.add(new SemanticChange(ChangeKind.TRIGGER_UNSAFE, t.name(), "trigger " + tg.name() + where + " (" + tg.function()
                                + "): not safe on a " + word(r) + " table, " + unsafe.get() + "; drop it or rewrite it before distributing"));
                        problems.add(t.name() + ": trigger " + tg.name() + " is not safe on a " + word(r) + " table (" + unsafe.get()
                                + "); Citus refuses triggers there (\"triggers are not supported on " + word(r) + " tables\") unless "
                                + "citus.enable_unsafe_triggers is on, which would let this one misbehave");
                    }
                }
            }
            if (safeOnes) settings.add("SET citus.enable_unsafe_triggers = on;   -- for the triggers found safe");
        }

        /** Reference tables in foreign-key order, then the anchor, then the other distributed tables in foreign-key order. */
        List<CitusStep> statements(List<TableRole> ordered) {
            List<String> references = order(Role.REFERENCE, Optional.empty());
            // without a tenant table named, the table whose primary key is the column alone is the tenants' own (shops)
            Optional<String> anchor = tenant.map(Tenant::table).or(() -> graph.tables().stream()
                    .filter(t -> role(t.name()) == Role.DISTRIBUTED && t.primaryKey().map(k -> k.columns().equals(List.of(column))).orElse(false))
                    .map(Table::name).sorted().findFirst());
            List<String> distributed = order(Role.DISTRIBUTED, anchor);
            if (tenant.isEmpty() && anchor.isPresent() && !distributed.get(0).equals(anchor.get())) anchor = Optional.empty();
            if (anchor.isEmpty() && !distributed.isEmpty()) anchor = Optional.of(distributed.get(0));
            List<CitusStep> steps = new ArrayList<>();
            for (String t : references) {
                steps.add(new CitusStep(t, Role.REFERENCE, null, null));
                ordered.add(new TableRole(t, Role.REFERENCE, null, Optional.empty(), referenceWhy(t)));
            }
            for (String t : distributed) {
                boolean isAnchor = anchor.get().equals(t);
                steps.add(new CitusStep(t, Role.DISTRIBUTED, distributionColumn(t), isAnchor ? null : anchor.get()));
                ordered.add(new TableRole(t, Role.DISTRIBUTED, distributionColumn(t), Optional.ofNullable(paths.get(t)),
                        isTenant(t) ? "the tenant table, on its key" : paths.containsKey(t) ? "gets " + column + " along its foreign keys"
                                : "has " + column));
            }
            graph.tables().stream().map(Table::name).filter(t -> role(t) == Role.LOCAL).sorted().forEach(t ->
                    ordered.add(new TableRole(t, Role.LOCAL, null, Optional.empty(), forcedLocal.contains(t) ? "--local"
                            : hasKeyTo(t, Role.REFERENCE) ? "no " + column + ", no path to it; its keys to reference tables make it a citus local table"
                            : "no " + column + ", no path to it, no key to a distributed or reference table")));
            return steps;
        }

        private String referenceWhy(String t) {
            if (forcedReference.contains(t)) return "--reference";
            if (promoted.containsKey(t)) return "rows of other tenants point at it";
            List<String> by = graph.referencing(t).stream().map(ForeignKey::table).filter(n -> !n.equals(t) && role(n) != Role.LOCAL)
                    .distinct().sorted().toList();
            return by.isEmpty() ? "points at reference tables" : "referenced by " + String.join(", ", by);
        }

        /** Kahn's algorithm over the foreign keys between tables of the role; the first table, then names, break ties. */
        private List<String> order(Role role, Optional<String> first) {
            List<String> tables = graph.tables().stream().map(Table::name).filter(n -> role(n) == role).toList();
            Map<String, Set<String>> dependsOn = new HashMap<>();
            for (String t : tables) {
                Set<String> deps = new TreeSet<>();
                for (ForeignKey fk : graph.table(t).orElseThrow().foreignKeys()) {
                    if (!fk.referencedTable().equals(t) && role(fk.referencedTable()) == role) deps.add(fk.referencedTable());
                }
                dependsOn.put(t, deps);
            }
            Comparator<String> priority = Comparator.comparing((String t) -> first.map(f -> !f.equals(t)).orElse(true)).thenComparing(t -> t);
            List<String> ordered = new ArrayList<>();
            TreeSet<String> ready = new TreeSet<>(priority);
            tables.stream().filter(t -> dependsOn.get(t).isEmpty()).forEach(ready::add);
            while (!ready.isEmpty()) {
                String next = ready.pollFirst();
                ordered.add(next);
                for (String t : tables) {
                    if (!ordered.contains(t) && !ready.contains(t) && ordered.containsAll(dependsOn.get(t))) ready.add(t);
                }
            }
            List<String> stuck = tables.stream().filter(t -> !ordered.contains(t)).sorted().toList();
            if (!stuck.isEmpty()) {
                problems.add(stuck.get(0) + ": the foreign keys of " + String.join(", ", stuck) + " form a cycle: Citus needs each referenced table "
                        + "distributed before the tables that reference it (drop one key, distribute, add it back)");
                ordered.addAll(stuck);
            }
            return ordered;
        }
    }
}
