package org.shardprep.migrate.distribute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the server has of Citus: the extension (installed, or only available), the tables Citus already
 * manages (pg_dist_partition), and the settings create_distributed_table_concurrently depends on. Read fresh
 * for each command: the point is the current state, for example after a distribution that stopped half-way.
 *
 * @param version     the installed citus extension's version, or empty when it is not installed
 * @param available   whether the server could CREATE EXTENSION citus (pg_available_extensions)
 * @param tables      Citus tables by name as regclass prints them
 * @param concurrentFunction whether create_distributed_table_concurrently exists (Citus 11.1 and later)
 * @param walLevel    the server's wal_level (the concurrent form replicates logically: it needs "logical")
 * @param shardReplicationFactor citus.shard_replication_factor (the concurrent form needs 1), or empty
 * @param outputPlugins output_plugin_libraries, on servers that have it (PostgreSQL 15.19+, 16.7+, 17.3+), or empty
 */
public record CitusServer(Optional<String> version, boolean available, Map<String, CitusTable> tables,
                          boolean concurrentFunction, String walLevel, Optional<String> shardReplicationFactor,
                          Optional<String> outputPlugins) {

    /** How Citus manages a table, from pg_dist_partition. */
    public enum Kind {
        /** hash-distributed on a column */
        DISTRIBUTED,
        /** one shard replicated to every node */
        REFERENCE,
        /** a local table Citus tracks (a citus local table, or a single-shard table): not yet distributed */
        OTHER
    }

    /** A table Citus manages; column is the distribution column of a DISTRIBUTED table, else null. */
    public record CitusTable(String name, Kind kind, String column, long colocationId) {}

    public boolean installed() { return version.isPresent(); }

    public Optional<CitusTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /** A plain PostgreSQL server: no Citus tables, nothing installed. */
    public static CitusServer none(boolean available, String walLevel) {
        return new CitusServer(Optional.empty(), available, Map.of(), false, walLevel, Optional.empty(), Optional.empty());
    }

    public static CitusServer read(Connection c) throws SQLException {
        String walLevel = single(c, "SELECT current_setting('wal_level')");
        Optional<String> version = Optional.ofNullable(single(c, "SELECT extversion FROM pg_extension WHERE extname = 'citus'"));
        boolean available = single(c, "SELECT 1 FROM pg_available_extensions WHERE name = 'citus'") != null;
        if (version.isEmpty()) return none(available, walLevel);
        Map<String, CitusTable> tables = new LinkedHashMap<>();
        // repmodel 't' (two-phase commit to every placement) is what makes a 'n'one-distributed table a
        // reference table; the others of partmethod 'n' are citus local and single-shard tables
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT logicalrelid::regclass::text, partmethod, repmodel, colocationid,
                       CASE WHEN partmethod = 'h' THEN column_to_column_name(logicalrelid, partkey) END
                FROM pg_dist_partition ORDER BY 1""")) {
            while (rs.next()) {
                String method = rs.getString(2);
                Kind kind = "h".equals(method) ? Kind.DISTRIBUTED
                        : "n".equals(method) && "t".equals(rs.getString(3)) ? Kind.REFERENCE : Kind.OTHER;
                tables.put(rs.getString(1), new CitusTable(rs.getString(1), kind, rs.getString(5), rs.getLong(4)));
            }
        }
        boolean concurrent = single(c, "SELECT 1 FROM pg_proc WHERE proname = 'create_distributed_table_concurrently'") != null;
        Optional<String> factor = Optional.ofNullable(single(c, "SELECT current_setting('citus.shard_replication_factor', true)"));
        Optional<String> plugins = Optional.ofNullable(single(c, "SELECT setting FROM pg_settings WHERE name = 'output_plugin_libraries'"));
        return new CitusServer(version, available, Map.copyOf(tables), concurrent, walLevel, factor, plugins);
    }

    /**
     * The names without Citus's shards: on a coordinator that holds shards itself (single-node Citus) they are
     * tables of the same schema, which Citus normally hides from catalog queries; this makes sure.
     */
    public List<String> withoutShards(Connection c, List<String> names) throws SQLException {
        if (!installed() || names.isEmpty()) return names;
        List<String> kept = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t FROM unnest(?::text[]) WITH ORDINALITY u(t, n) WHERE NOT relation_is_a_known_shard(t::regclass) ORDER BY n")) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) kept.add(rs.getString(1));
            }
        }
        return kept;
    }

    /**
     * Why create_distributed_table_concurrently cannot run on this server at all, or empty when it can
     * (the table-by-table rules are the plan's: see {@link DistributionPlan#concurrentBlocker}).
     */
    public Optional<String> concurrentUnavailable() {
        if (!concurrentFunction) return Optional.of("this Citus (" + version.orElse("?") + ") has no create_distributed_table_concurrently (Citus 11.1 and later)");
        if (!"logical".equals(walLevel)) return Optional.of("wal_level is " + walLevel + "; the concurrent form replicates logically and needs wal_level = logical");
        if (shardReplicationFactor.isPresent() && !"1".equals(shardReplicationFactor.get())) {
            return Optional.of("citus.shard_replication_factor is " + shardReplicationFactor.get() + "; the concurrent form needs 1");
        }
        if (outputPlugins.isPresent() && java.util.Arrays.stream(outputPlugins.get().split(",")).map(String::strip).noneMatch("citus"::equals)) {
            return Optional.of("output_plugin_libraries (" + (outputPlugins.get().isEmpty() ? "empty" : outputPlugins.get()) + ") does not name "
                    + "citus, which the concurrent form replicates through (\"library \"citus\" may not be used as an output plugin\"): "
                    + "add it to output_plugin_libraries and reload the server's configuration");
        }
        return Optional.empty();
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
