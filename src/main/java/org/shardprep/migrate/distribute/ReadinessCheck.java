package org.shardprep.migrate.distribute;

import org.shardprep.command.CommandError;
import org.shardprep.prepare.BadPlanInput;
import org.shardprep.prepare.Planner;
import org.shardprep.prepare.PreparePlan;
import org.shardprep.prepare.SchemaGraph;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads what check-distribution and distribute run need from the server (the schema, the data's pre-flight and
 * Citus's state) and plans the distribution with prepare's {@link Planner}: one set of rules for the three.
 */
public record ReadinessCheck(DistributionPlan plan, CitusServer citus) {

    /** @throws CommandError for bad options (an unknown table or column, ...), in one line */
    public static ReadinessCheck run(Connection c, Planner.Options options) throws SQLException {
        CitusServer citus = CitusServer.read(c);
        SchemaGraph graph = SchemaGraph.read(c);
        PreparePlan prepared;
        try {
            prepared = Planner.plan(c, graph, options);
        } catch (BadPlanInput e) {
            throw new CommandError(e.getMessage());
        }
        return new ReadinessCheck(DistributionPlanner.plan(c, prepared, graph, citus), citus);
    }
}
