package org.shardprep.migrate.distribute;

import org.shardprep.migrate.TableKeys;

import org.shardprep.command.CommandError;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the plan needs from the server (the tables' keys, rows and triggers, and Citus's state) and plans
 * the distribution: the common first step of check-distribution and distribute run.
 */
public record ReadinessCheck(DistributionPlan plan, CitusServer citus) {

    /**
     * @param tables the tables to check as SQL names them; empty for every table on the search path
     * @throws CommandError for a table that does not exist, or a column no checked table has
     */
    public static ReadinessCheck run(Connection c, String column, List<String> tables) throws SQLException {
        if (column == null || column.isBlank()) throw new CommandError("--column must name a column");
        CitusServer citus = CitusServer.read(c);
        List<TableKeys> keys = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : tables.isEmpty() ? citus.withoutShards(c, TableKeys.onSearchPath(c)) : tables) {
            Optional<TableKeys> k = TableKeys.read(c, name);
            if (k.isEmpty()) throw new CommandError("relation \"" + name + "\" does not exist");
            if (seen.add(k.get().name())) keys.add(k.get());
        }
        if (!keys.isEmpty() && keys.stream().noneMatch(k -> k.column(column).isPresent())) {
            throw new CommandError("column \"" + column + "\" does not exist in " + (keys.size() == 1 ? "table " + keys.get(0).name()
                    : "any of the " + keys.size() + " tables checked"));
        }
        List<TableSurvey> surveys = new ArrayList<>();
        for (TableKeys k : keys) surveys.add(TableSurvey.read(c, k, column, citus));
        return new ReadinessCheck(DistributionPlanner.plan(surveys, column, citus.tables()), citus);
    }
}
