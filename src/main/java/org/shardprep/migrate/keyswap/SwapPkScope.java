package org.shardprep.migrate.keyswap;

import org.shardprep.prepare.BadPlanInput;
import org.shardprep.prepare.Planner;
import org.shardprep.prepare.PreparePlan;
import org.shardprep.prepare.SchemaGraph;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the schema's plan (prepare's {@link Planner}: the one set of rules) needs beyond swap-pk's reach, asked before
 * swap-pk run changes anything. swap-pk swaps primary keys and the foreign keys onto them, as the exercise does; a
 * schema that also needs unique indexes widened, partitioned keys, keys declared on partitions, a reference table
 * for rows pointing at another tenant, or has rows that can get no tenant, would be left half-way (pagila was): it
 * is sent to prepare run, which does all of it.
 */
final class SwapPkScope {

    private SwapPkScope() {}

    /** The plan's items swap-pk does not do, each in a few words; empty when swap-pk run covers the plan. */
    static List<String> beyond(Connection c, String column) throws SQLException {
        PreparePlan plan;
        try {
            plan = Planner.plan(c, new Planner.Options(null, column, List.of(), List.of()));
        } catch (BadPlanInput e) {
            return List.of();   // swap-pk's own checks say what is wrong with the column
        }
        SchemaGraph graph = SchemaGraph.read(c);
        List<String> out = new ArrayList<>();
        for (PreparePlan.KeyChange k : plan.keyChanges()) {
            boolean partitioned = graph.table(k.key().table()).map(SchemaGraph.Table::partitioned).orElse(false);
            if (k.key().kind() != SchemaGraph.KeyKind.PRIMARY_KEY) {
                out.add(k.key().kind().words() + " " + k.key().name() + " of " + k.key().where());
            } else if (partitioned || k.key().declaredOn() != null) {
                out.add("the primary key of the partitioned table " + k.key().table());
            }
        }
        for (PreparePlan.KeyLift l : plan.lifts()) out.add("the foreign keys declared on " + l.table() + "'s partitions");
        for (PreparePlan.SemanticChange ch : plan.changes(PreparePlan.ChangeKind.BECOMES_REFERENCE)) {
            out.add(ch.table() + " as a reference table (rows of other tenants point at it)");
        }
        for (PreparePlan.Orphans o : plan.preflight().orphans()) {
            out.add(String.format(Locale.ROOT, "%,d rows of %s that can get no tenant (%s)", o.count(), o.table(), o.reason()));
        }
        return out;
    }
}
