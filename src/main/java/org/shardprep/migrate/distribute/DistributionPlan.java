package org.shardprep.migrate.distribute;

import org.shardprep.prepare.CitusStep;
import org.shardprep.prepare.PreparePlan;
import org.shardprep.prepare.Role;
import org.shardprep.prepare.SchemaGraph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema as Citus would take it, table by table: the {@link PreparePlan}'s roles and statements (one set of
 * rules for prepare, check-distribution and distribute), what of that plan the catalog shows still to do, and
 * what Citus already manages. Made by {@link DistributionPlanner}; printed by the readiness report and run by
 * {@code distribute run}.
 */
public final class DistributionPlan {

    /** The answer to one of the report's questions about a table. */
    public enum Answer { YES, NO, NONE, NOT_ASKED }

    /**
     * Whether the keys fit the role: the primary key, the unique constraints and indexes include the column
     * (asked of distributed tables), the foreign keys include it or point at reference tables.
     */
    public record KeyAnswers(Answer primaryKey, Answer unique, Answer foreignKeys) {
        public static final KeyAnswers NOT_ASKED = new KeyAnswers(Answer.NOT_ASKED, Answer.NOT_ASKED, Answer.NOT_ASKED);
    }

    /**
     * One table of the plan.
     *
     * @param column   its distribution column (the tenant table's key for the tenant table), or null
     * @param anchor   the distributed table the others are colocated with
     * @param done     Citus already manages the table as the plan wants it
     * @param rows     the row count, exact unless {@code rowsEstimated}
     * @param problems what stands in the way: Citus would refuse the call, or refuse the schema after it
     * @param notes    worth knowing, not in the way
     */
    public record Entry(SchemaGraph.Table table, Role role, String column, boolean anchor, boolean done, KeyAnswers keys,
                        long rows, boolean rowsEstimated, List<String> problems, List<String> notes) {
        public String name() { return table.name(); }
    }

    private final PreparePlan prepared;
    private final SchemaGraph graph;
    private final List<Entry> entries;
    private final List<CitusStep> steps;

    DistributionPlan(PreparePlan prepared, SchemaGraph graph, List<Entry> entries, List<CitusStep> steps) {
        this.prepared = prepared;
        this.graph = graph;
        this.entries = List.copyOf(entries);
        this.steps = List.copyOf(steps);
    }

    public String column() { return prepared.column(); }

    /** The plan prepare makes of the schema: where the roles, the order and the settings come from. */
    public PreparePlan prepared() { return prepared; }

    /** Every table checked, in the order of the plan (reference, distributed, then local tables). */
    public List<Entry> entries() { return entries; }

    /** The Citus calls still to make, in order (tables Citus already has as planned are left out). */
    public List<CitusStep> steps() { return steps; }

    /** The SET statements the calls need (citus.enable_unsafe_triggers for triggers found safe, ...). */
    public List<String> settings() { return prepared.settings(); }

    public Optional<Entry> entry(String table) {
        return entries.stream().filter(e -> e.name().equals(table)).findFirst();
    }

    public Optional<String> anchor() {
        return entries.stream().filter(Entry::anchor).map(Entry::name).findFirst();
    }

    public int blockingProblems() {
        return entries.stream().mapToInt(e -> e.problems().size()).sum();
    }

    public boolean ready() { return blockingProblems() == 0; }

    public long count(Role role) {
        return entries.stream().filter(e -> e.role() == role).count();
    }

    /**
     * Why Citus cannot distribute this step's table with create_distributed_table_concurrently, or empty when it
     * can. Citus's rules (the checks of create_distributed_table_concurrently, which first makes the table a
     * citus local table and then splits its shard by logical replication): no foreign key may point at the
     * table, and its own foreign keys may point at reference tables only (keys to other distributed tables can
     * be added once it is distributed). The server-wide conditions are {@link CitusServer#concurrentUnavailable}.
     */
    public Optional<String> concurrentBlocker(CitusStep step) {
        if (step.role() != Role.DISTRIBUTED) return Optional.of("a reference table has no concurrent form");
        List<SchemaGraph.ForeignKey> off = keysInTheWay();
        Set<String> referencing = new TreeSet<>();
        graph.referencing(step.table()).stream().filter(fk -> !fk.off() && !off.contains(fk))
                .forEach(fk -> referencing.add(fk.table().equals(step.table()) ? "itself" : fk.table()));
        if (!referencing.isEmpty()) {
            return Optional.of("foreign keys of " + String.join(", ", referencing) + " point at it");
        }
        Set<String> distributedTargets = new TreeSet<>();
        for (SchemaGraph.ForeignKey fk : graph.table(step.table()).orElseThrow().foreignKeys()) {
            if (fk.off() || off.contains(fk)) continue;
            if (role(fk.referencedTable()).orElse(Role.LOCAL) != Role.REFERENCE) distributedTargets.add(fk.referencedTable());
        }
        if (!distributedTargets.isEmpty()) {
            return Optional.of("its foreign keys point at " + String.join(", ", distributedTargets)
                    + "; a concurrent distribution allows keys to reference tables only");
        }
        return Optional.empty();
    }

    /**
     * Why this step takes the blocking call in the mode, or empty when it takes create_distributed_table_concurrently.
     *
     * @param serverAllows the server can run the concurrent form ({@link CitusServer#concurrentUnavailable} is empty)
     */
    public Optional<String> blockingReason(CitusStep step, CopyMode mode, boolean serverAllows) {
        if (mode == CopyMode.BLOCKING) return Optional.of("the blocking call asked for");
        if (!serverAllows) return Optional.of("the server cannot run the concurrent form");
        Optional<String> blocker = concurrentBlocker(step);
        long rows = entry(step.table()).map(Entry::rows).orElse(0L);
        if (mode == CopyMode.ONLINE && blocker.isEmpty() && rows < CopyMode.ONLINE_BLOCKING_BELOW) {
            return Optional.of(String.format(java.util.Locale.ROOT, "%,d rows, a short copy", rows));
        }
        if (mode == CopyMode.ONLINE && step.role() == Role.REFERENCE && rows >= CopyMode.ONLINE_BLOCKING_BELOW) {
            return Optional.of(String.format(java.util.Locale.ROOT, "a reference table has no concurrent form: writes to it wait for its copy of %,d rows", rows));
        }
        return blocker;
    }

    /**
     * What distribute run does in the mode, statement by statement, on a server that can run the concurrent form: the
     * keys taken off, each Citus call as it will be made (with why where it blocks), the keys put back.
     */
    public List<String> sequence(CopyMode mode) {
        List<String> out = new ArrayList<>();
        List<SchemaGraph.ForeignKey> off = keysInTheWay();
        if (!off.isEmpty()) out.add("-- off: " + String.join(", ", off.stream().map(k -> k.table() + "." + k.name()).toList()));
        out.addAll(settings());
        for (CitusStep step : steps) {
            Optional<String> blocking = blockingReason(step, mode, true);
            out.add(step.sql(blocking.isEmpty()) + blocking.filter(b -> mode != CopyMode.BLOCKING).map(b -> "   -- " + b).orElse(""));
        }
        if (!off.isEmpty()) out.add("-- back NOT VALID, then validated: " + String.join(", ", off.stream().map(k -> k.table() + "." + k.name()).toList()));
        return out;
    }

    /**
     * The foreign keys distribute run takes off before its Citus calls ({@link org.shardprep.prepare.KeysOff}): every key
     * between two tables Citus will manage, where one of them is not yet as planned. With them on, Citus converts the
     * tables linked to a reference table into Citus local tables, then refuses their keys to a table being
     * distributed ("foreign keys from reference tables and local tables to distributed tables are not supported");
     * and the concurrent form takes no table that keys point at.
     */
    public List<SchemaGraph.ForeignKey> keysInTheWay() {
        List<SchemaGraph.ForeignKey> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.role() == Role.LOCAL) continue;
            for (SchemaGraph.ForeignKey fk : e.table().foreignKeys()) {
                if (fk.off() || fk.declaredOn() != null) continue;
                Optional<Entry> target = entry(fk.referencedTable());
                if (target.isEmpty() || target.get().role() == Role.LOCAL) continue;
                if (e.done() && target.get().done()) continue;
                out.add(fk);
            }
        }
        return out;
    }

    /** The keys a stopped run left off, still to put back. */
    public List<SchemaGraph.ForeignKey> keysOff() {
        return entries.stream().flatMap(e -> e.table().foreignKeys().stream()).filter(SchemaGraph.ForeignKey::off).toList();
    }

    /** The table's role in the plan. */
    public Optional<Role> role(String table) {
        return entry(table).map(Entry::role);
    }
}
