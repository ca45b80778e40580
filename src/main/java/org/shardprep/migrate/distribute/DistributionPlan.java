package org.shardprep.migrate.distribute;

import org.shardprep.migrate.TableKeys;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How a set of tables would be distributed with Citus on one column: each table's role, what stands in the
 * way, and the Citus calls in an order Citus accepts (reference tables, then the colocation anchor, then the
 * tables that reference it). Made by {@link DistributionPlanner}; printed by the readiness report and run by
 * {@code distribute run}.
 */
public final class DistributionPlan {

    public enum Role {
        /** hash-distributed on the column, colocated with the anchor */
        DISTRIBUTED,
        /** without the column but referenced by distributed tables: one shard copied to every node */
        REFERENCE,
        /** without the column, and nothing distributed refers to it: stays a plain table on the coordinator */
        LOCAL
    }

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
     * @param anchor   the distributed table the others are colocated with
     * @param done     Citus already manages the table as the plan wants it
     * @param keys     whether its keys fit the role
     * @param problems what makes the plan fail (Citus would refuse the call, or refuse the schema after it)
     * @param notes    worth knowing, not in the way
     */
    public record Entry(TableSurvey table, Role role, boolean anchor, boolean done, KeyAnswers keys,
                        List<String> problems, List<String> notes) {
        public String name() { return table.name(); }
    }

    /** One Citus call: create_reference_table, or create_distributed_table (colocateWith null for the anchor). */
    public record Step(String table, Role role, String column, String colocateWith) {

        public String sql() { return sql(false); }

        /** The statement; concurrently picks create_distributed_table_concurrently (same arguments). */
        public String sql(boolean concurrently) {
            if (role == Role.REFERENCE) return "SELECT create_reference_table(" + literal(table) + ");";
            return "SELECT create_distributed_table" + (concurrently ? "_concurrently" : "") + "(" + literal(table) + ", "
                    + literal(column) + (colocateWith != null ? ", colocate_with => " + literal(colocateWith) : "") + ");";
        }
    }

    private final String column;
    private final List<Entry> entries;
    private final List<Step> steps;
    private final Function<String, Optional<Role>> roleOutside;

    /** @param roleOutside the role of a table outside the plan (one Citus already manages), else empty */
    DistributionPlan(String column, List<Entry> entries, List<Step> steps, Function<String, Optional<Role>> roleOutside) {
        this.column = column;
        this.entries = List.copyOf(entries);
        this.steps = List.copyOf(steps);
        this.roleOutside = roleOutside;
    }

    public String column() { return column; }

    /** Every table checked, in the order of the plan (reference, distributed, then local tables). */
    public List<Entry> entries() { return entries; }

    /** The Citus calls still to make, in order (tables Citus already has as planned are left out). */
    public List<Step> steps() { return steps; }

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
    public Optional<String> concurrentBlocker(Step step) {
        if (step.role() != Role.DISTRIBUTED) return Optional.of("a reference table has no concurrent form");
        Entry e = entry(step.table()).orElseThrow();
        Set<String> referencing = new TreeSet<>();
        e.table().keys().referencedBy().forEach(fk -> referencing.add(fk.table().equals(e.name()) ? "itself" : fk.table()));
        if (!referencing.isEmpty()) {
            return Optional.of("foreign keys of " + String.join(", ", referencing) + " point at it");
        }
        Set<String> distributedTargets = new TreeSet<>();
        for (TableKeys.ForeignKey fk : e.table().keys().foreignKeys()) {
            if (role(fk.referencedTable()).orElse(Role.LOCAL) != Role.REFERENCE) distributedTargets.add(fk.referencedTable());
        }
        if (!distributedTargets.isEmpty()) {
            return Optional.of("its foreign keys point at " + String.join(", ", distributedTargets)
                    + "; a concurrent distribution allows keys to reference tables only");
        }
        return Optional.empty();
    }

    /** The role of a table in the plan or, outside it, as Citus already manages it. */
    public Optional<Role> role(String table) {
        return entry(table).map(Entry::role).or(() -> roleOutside.apply(table));
    }

    /** A SQL string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
