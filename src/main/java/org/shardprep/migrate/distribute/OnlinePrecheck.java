package org.shardprep.migrate.distribute;

import org.shardprep.command.CommandError;
import org.shardprep.command.CommandErrors;
import org.shardprep.prepare.CitusStep;
import org.shardprep.prepare.Role;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What distribute run --online needs before it starts, checked before anything changes: the server's conditions
 * for create_distributed_table_concurrently ({@link CitusServer#concurrentUnavailable}: Citus 11.1+, wal_level =
 * logical, citus.shard_replication_factor = 1, citus in output_plugin_libraries), and a replica identity for every
 * table copied concurrently: the copy follows the table by logical replication, and without one PostgreSQL refuses
 * the application's UPDATEs and DELETEs on it ("cannot update table ... because it does not have a replica
 * identity and publishes updates").
 */
final class OnlinePrecheck {

    private OnlinePrecheck() {}

    static Optional<String> refusal(Connection c, DistributionPlan plan, CitusServer citus) {
        Optional<String> server = citus.concurrentUnavailable();
        if (server.isPresent()) return server;
        List<String> without = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k.relreplident = 'n' OR (k.relreplident = 'd' AND NOT EXISTS "
                + "(SELECT 1 FROM pg_constraint WHERE conrelid = k.oid AND contype = 'p')) FROM pg_class k WHERE k.oid = ?::regclass")) {
            for (CitusStep step : plan.steps()) {
                if (step.role() != Role.DISTRIBUTED) continue;
                if (plan.entry(step.table()).map(DistributionPlan.Entry::rows).orElse(0L) < CopyMode.ONLINE_BLOCKING_BELOW) continue;
                ps.setString(1, step.table());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) without.add(step.table());
                }
            }
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
        if (without.isEmpty()) return Optional.empty();
        return Optional.of(String.join(", ", without) + (without.size() == 1 ? " has" : " have") + " no replica identity (no primary key, "
                + "REPLICA IDENTITY NOTHING): its UPDATEs and DELETEs would fail while it is copied; ALTER TABLE ... REPLICA IDENTITY FULL, "
                + "or a primary key, first");
    }
}
