package org.shardprep.prepare;

import org.shardprep.prepare.SchemaGraph.ForeignKey;
import org.shardprep.prepare.SchemaGraph.UniqueKey;

import java.util.List;
import java.util.Optional;

/**
 * What {@code prepare} would do to one schema, made by {@link Planner} from the catalog and the data; nothing
 * in it has been done. Printed by {@link PlanReport}.
 *
 * @param column     the distribution column
 * @param tenant     the tenant table and its key, when there is one
 * @param tables     every table with its role, in the order of the statements (reference, distributed, local)
 * @param keyChanges primary keys, unique constraints and unique indexes that must include the column
 * @param foreignKeyChanges foreign keys re-pointed onto (column, key), or dropped
 * @param lifts      foreign keys declared on partitions, to be declared on their table
 * @param changes    what changes for the application, said plainly
 * @param preflight  what the data says
 * @param settings   the settings the statements need, as SET statements
 * @param statements the Citus calls, in an order Citus accepts
 * @param problems   what Citus would refuse, that the plan cannot change by itself
 */
public record PreparePlan(String column, Optional<Tenant> tenant, List<TableRole> tables, List<KeyChange> keyChanges,
                          List<ForeignKeyChange> foreignKeyChanges, List<KeyLift> lifts, List<SemanticChange> changes, Preflight preflight,
                          List<String> settings, List<CitusStep> statements, List<String> problems) {

    /** The tenant table, distributed on its own key ({@code companies.id} for company_id). */
    public record Tenant(String table, String key) {}

    /**
     * One table's role.
     *
     * @param distributionColumn the column it is distributed on (the tenant table's key for the tenant table), else null
     * @param path               for a distributed table without the column: where its values come from
     * @param why                why it has this role, in a few words
     */
    public record TableRole(String table, Role role, String distributionColumn, Optional<TenantPath> path, String why) {
        public boolean addsColumn() { return path.isPresent(); }
    }

    /** A key that must include the distribution column: it becomes {@code newColumns}. */
    public record KeyChange(UniqueKey key, List<String> newColumns) {}

    /**
     * A foreign key of a distributed or reference table that changes: re-pointed onto (column, key) keeping its
     * name, actions, deferrability and match type (but for the actions Citus refuses, which {@code clauses}
     * leaves out and the semantic changes name), or dropped.
     */
    public record ForeignKeyChange(ForeignKey key, boolean dropped, List<String> newColumns, List<String> newReferencedColumns,
                                   String clauses) {}

    /**
     * Foreign keys of one shape declared on partitions of a partitioned table, not on the table (Citus refuses a
     * partition's own keys): declared once on the table as {@code name}, which attaches them; partitions without
     * one get it first ({@code NOT VALID}, then validated), so their rows are checked too.
     *
     * @param columns    the key's columns as they end (after a re-point onto the column)
     * @param clauses    its actions, deferrability and match type, as after REFERENCES t (cols)
     * @param declared   the partitions' keys
     * @param missing    the partitions without it
     */
    public record KeyLift(String table, String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                          String clauses, List<ForeignKey> declared, List<String> missing) {}

    public enum ChangeKind {
        /** a table that has the column becomes a reference table, because rows of other tenants refer to it */
        BECOMES_REFERENCE,
        /** a unique key that is unique within one tenant only, after */
        UNIQUE_PER_TENANT,
        /** an ON UPDATE / ON DELETE action Citus refuses on a key that includes the column */
        FOREIGN_KEY_ACTION,
        /** a foreign key Citus cannot keep (from a reference table to a distributed table) */
        FOREIGN_KEY_DROPPED,
        /** foreign keys declared on partitions, declared on their table instead */
        FOREIGN_KEY_LIFTED,
        /** a trigger on a table to distribute: safe under citus.enable_unsafe_triggers, or not */
        TRIGGER_SAFE, TRIGGER_UNSAFE,
        /** a view or rule that depends on a key: dropped and re-created with it */
        DEPENDENT_VIEW
    }

    /** One change to the application's semantics, in a sentence. */
    public record SemanticChange(ChangeKind kind, String table, String text) {}

    /**
     * Rows of a table that can get no tenant: a NULL or dangling foreign key on the path, a NULL column.
     *
     * @param reason  what is missing, e.g. "NULL ad_id" or "ad_id points at no row of ads"
     * @param samples a few keys of such rows, as row text
     */
    public record Orphans(String table, String reason, long count, List<String> samples) {}

    /**
     * Rows whose tenant differs from the tenant of the row their foreign key points at (a rental by a customer
     * of the other store).
     *
     * @param proposal what the plan does about it, in words
     */
    public record CrossTenant(String table, ForeignKey key, long count, List<String> samples, String proposal) {}

    public record Preflight(List<Orphans> orphans, List<CrossTenant> crossTenant) {
        public long orphanRows() { return orphans.stream().mapToLong(Orphans::count).sum(); }
    }

    public Optional<TableRole> role(String table) {
        return tables.stream().filter(t -> t.table().equals(table)).findFirst();
    }

    public List<TableRole> withRole(Role role) {
        return tables.stream().filter(t -> t.role() == role).toList();
    }

    public List<SemanticChange> changes(ChangeKind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** Nothing stands in the way: no problems, no rows without a tenant. */
    public boolean ready() {
        return problems.isEmpty() && preflight.orphans().isEmpty();
    }
}
