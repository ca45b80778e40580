package org.shardprep.migrate.distribute;

import org.shardprep.command.CommandError;
import org.shardprep.prepare.BadPlanInput;
import org.shardprep.prepare.Planner;
import org.shardprep.prepare.PreparePlan;
import org.shardprep.prepare.SchemaGraph;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
            throw new CommandError(e.getMessage() + citusUserSchema(c));
        }
        return new ReadinessCheck(DistributionPlanner.plan(c, prepared, graph, citus), citus);
    }

    /**
     * A role named citus (the managed service's superuser) finds Citus's own schema "citus" first on a search path of
     * "$user", public: said, where it explains that the user's tables are not where the check looks.
     */
    static String citusUserSchema(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT current_user = 'citus' AND (current_schemas(false))[1] = 'citus'")) {
            return rs.next() && rs.getBoolean(1) ? " (the role is named citus, so \"$user\" on the search path is Citus's own schema "
                    + "citus, looked at first: SET search_path TO public, or name the schema)" : "";
        }
    }
}
