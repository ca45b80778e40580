package org.shardprep.migrate.distribute;

import org.shardprep.command.CommandContext;
import org.shardprep.command.DurationWords;
import org.shardprep.command.TablePrinter;
import org.shardprep.prepare.KeysOff;
import org.shardprep.prepare.Role;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * distribute status: where each table of the plan stands with Citus now (local, being copied by a Citus call in
 * flight, distributed with its shards and their placement, reference), the foreign keys distribute run has off,
 * and the copy's progress as the servers report it: the COPY into the new shards on the workers
 * (pg_stat_progress_copy, asked through run_command_on_workers) and, for the concurrent form, its step (seen in
 * pg_stat_activity) and the logical replication that catches the new shards up (the coordinator's
 * pg_replication_slots: streaming or idle, and the WAL not yet confirmed). Read from the catalog and the statistics
 * views only, never from the tables themselves.
 *
 * @param now        the server's clock when read (the ages below are against it)
 * @param nodes      the Citus nodes as host:port, the coordinator first (so marked); empty without Citus
 * @param shards     each Citus table's shard count
 * @param placements each Citus table's shards per node (host:port → count)
 * @param calls      the Citus calls in flight on this database
 * @param copied     rows copied so far into the shards of a table being copied, per worker (host:port → rows)
 * @param unreachable workers the copy's progress could not be asked of, with why
 */
public record DistributionStatus(DistributionPlan plan, CitusServer citus, OffsetDateTime now, List<String> nodes,
                                 Map<String, Long> shards, Map<String, Map<String, Long>> placements, List<Call> calls,
                                 List<KeysOff.Saved> keysOff, Map<String, Map<String, Long>> copied, Map<String, Long> estimatedRows,
                                 List<Slot> slots, List<String> unreachable) {

    /** A create_distributed_table(_concurrently) or create_reference_table running on the coordinator. */
    public record Call(int pid, String table, String function, boolean concurrently, double seconds, String phase, boolean waitingForLock) {}

    /** A replication slot of Citus's on the coordinator, and how far its subscriber is behind (bytes of WAL). */
    public record Slot(String name, boolean active, long lagBytes) {}

    private static final Pattern CALL = Pattern.compile(
            "(?i)\\b(create_(?:distributed|reference)_table(_concurrently)?)\\s*\\(\\s*(?:'((?:[^']|'')*)'|\\$\\$(.*?)\\$\\$)");

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx", Locale.ROOT);

    /** Reads the state now, on c (the session's search_path: names as the plan has them). */
    public static DistributionStatus read(Connection c, DistributionPlan plan) throws SQLException {
        CitusServer citus = CitusServer.read(c);
        OffsetDateTime now = single(c, "SELECT now()", rs -> rs.getObject(1, OffsetDateTime.class));
        List<String> nodes = new ArrayList<>();
        Map<String, Long> shards = new LinkedHashMap<>();
        Map<String, Map<String, Long>> placements = new LinkedHashMap<>();
        if (citus.installed()) {
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT nodename || ':' || nodeport || CASE WHEN groupid = 0 THEN ' (coordinator)' ELSE '' END "
                        + "FROM pg_dist_node WHERE isactive ORDER BY groupid, nodeid")) {
                    while (rs.next()) nodes.add(rs.getString(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT logicalrelid::regclass::text, count(*) FROM pg_dist_shard GROUP BY 1")) {
                    while (rs.next()) shards.put(rs.getString(1), rs.getLong(2));
                }
                try (ResultSet rs = st.executeQuery("""
                        SELECT s.logicalrelid::regclass::text, n.nodename || ':' || n.nodeport, count(*)
                        FROM pg_dist_shard s JOIN pg_dist_placement p USING (shardid) JOIN pg_dist_node n USING (groupid)
                        GROUP BY 1, 2, n.groupid ORDER BY 1, n.groupid, 2""")) {
                    while (rs.next()) placements.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        List<Slot> slots = citus.installed() ? slots(c) : List.of();
        List<Call> calls = calls(c, slots);
        Map<String, Map<String, Long>> copied = new LinkedHashMap<>();
        Map<String, Long> estimated = new LinkedHashMap<>();
        List<String> unreachable = new ArrayList<>();
        if (citus.installed() && !calls.isEmpty()) {
            for (Call call : calls) {
                if (call.table() == null || copied.containsKey(call.table())) continue;
                copied.put(call.table(), copiedRows(c, call.table(), unreachable));
                Long rows = single(c, "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)", call.table(), rs -> rs.getLong(1));
                if (rows != null && rows > 0) estimated.put(call.table(), rows);
            }
        }
        return new DistributionStatus(plan, citus, now, List.copyOf(nodes), shards, placements, calls, KeysOff.read(c), copied,
                estimated, slots, List.copyOf(unreachable));
    }

    /** The Citus calls running on this database, as pg_stat_activity shows them on the coordinator. */
    private static List<Call> calls(Connection c, List<Slot> slots) throws SQLException {
        List<Call> out = new ArrayList<>();
        boolean splitting = false, snapshot = false;
        record Found(int pid, String function, boolean concurrently, String literal, double seconds, boolean waiting) {}
        List<Found> found = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT pid, query, extract(epoch FROM now() - query_start), wait_event_type, state
                FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid()
                ORDER BY query_start""")) {
            while (rs.next()) {
                String query = rs.getString(2);
                if (query == null) continue;
                // the concurrent form's steps: a slot made with its snapshot held open until the copy into the new
                // shards (worker_split_copy) is done, then the catch-up by logical replication
                if (query.startsWith("CREATE_REPLICATION_SLOT")) snapshot = true;
                if (!"active".equals(rs.getString(5))) continue;
                if (query.contains("worker_split_copy(")) splitting = true;
                Matcher m = CALL.matcher(query);
                if (m.find()) {
                    found.add(new Found(rs.getInt(1), m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null,
                            m.group(3) != null ? m.group(3).replace("''", "'") : m.group(4), rs.getDouble(3), "Lock".equals(rs.getString(4))));
                }
            }
        }
        for (Found f : found) {
            // as this session names it (the caller's search_path may differ; the literal stands when it does not resolve)
            String table = single(c, "SELECT to_regclass(?)::text", f.literal(), rs -> rs.getString(1));
            String phase = f.waiting() ? "waiting for a lock"
                    : !f.concurrently() ? "copying the rows into the shards; writes to the table wait"
                    : splitting ? "copying the rows into the new shards; writes go on"
                    : slots.stream().anyMatch(Slot::active) ? "catching the new shards up by logical replication, then switching over; writes go on"
                    : snapshot || !slots.isEmpty() ? "making the new shards; writes go on"
                    : "preparing (the table becomes a citus local table first); writes go on";
            out.add(new Call(f.pid(), table != null ? table : f.literal(), f.function(), f.concurrently(), f.seconds(), phase, f.waiting()));
        }
        return out;
    }

    /**
     * Rows in the COPY into the table's shards on each worker so far (pg_stat_progress_copy there, in this
     * database); a worker that does not answer is named in unreachable.
     */
    private static Map<String, Long> copiedRows(Connection c, String table, List<String> unreachable) throws SQLException {
        String relname = single(c, "SELECT relname FROM pg_class WHERE oid = to_regclass(?)", table, rs -> rs.getString(1));
        Map<String, Long> out = new LinkedHashMap<>();
        if (relname == null) return out;
        try (PreparedStatement ps = c.prepareStatement("SELECT nodename || ':' || nodeport, success, result FROM run_command_on_workers(?) ORDER BY 1")) {
            // the shards are the table's name, an underscore and the shard id, in the same schema
            ps.setString(1, "SELECT coalesce(sum(p.tuples_processed), 0) FROM pg_stat_progress_copy p JOIN pg_class k ON k.oid = p.relid "
                    + "WHERE p.datname = current_database() AND left(k.relname, " + (relname.length() + 1) + ") = '" + relname.replace("'", "''")
                    + "_' AND substr(k.relname, " + (relname.length() + 2) + ") ~ '^[0-9]+$'");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) out.put(rs.getString(1), Long.parseLong(rs.getString(3)));
                    else unreachable.add(rs.getString(1) + " (" + rs.getString(3) + ")");
                }
            }
        } catch (SQLException e) {
            unreachable.add("the workers (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        return out;
    }

    /** Citus's replication slots on this database (the concurrent form's catch-up), with their lag. */
    private static List<Slot> slots(Connection c) throws SQLException {
        List<Slot> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT slot_name, active, coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint
                FROM pg_replication_slots WHERE database = current_database() AND slot_name LIKE 'citus%' ORDER BY 1""")) {
            while (rs.next()) out.add(new Slot(rs.getString(1), rs.getBoolean(2), rs.getLong(3)));
        }
        return out;
    }

    /** The tables' state now, in words: what the table's "now" column says. */
    String state(DistributionPlan.Entry e) {
        Optional<Call> call = calls.stream().filter(x -> e.name().equals(x.table())).findFirst();
        if (call.isPresent()) {
            Call x = call.get();
            return (x.function().startsWith("create_reference") ? "being copied to every node" : "being copied")
                    + (x.concurrently() ? ", concurrently" : "") + " (" + DurationWords.of(x.seconds()) + ")";
        }
        Optional<CitusServer.CitusTable> t = citus.table(e.name());
        if (t.isEmpty()) return "local";
        return switch (t.get().kind()) {
            case DISTRIBUTED -> "distributed on " + t.get().column();
            case REFERENCE -> "reference table";
            case OTHER -> "citus local table" + (e.role() == Role.LOCAL ? "" : " (a distribution that stopped half-way: distribute run goes on)");
        };
    }

    /** Where the table's shards are: "localhost:9701 16, localhost:9702 16"; a reference table's one shard on every node. */
    String placement(String table) {
        Map<String, Long> p = placements.getOrDefault(table, Map.of());
        if (p.isEmpty()) return null;
        if (citus.table(table).map(t -> t.kind() == CitusServer.Kind.REFERENCE).orElse(false)) {
            return "on every node: " + String.join(", ", p.keySet());
        }
        return p.entrySet().stream().map(x -> x.getKey() + " " + x.getValue()).collect(Collectors.joining(", "));
    }

    public void print(CommandContext session) {
        TablePrinter table = new TablePrinter().column("table", TablePrinter.TEXT).column("planned", TablePrinter.TEXT)
                .column("now", TablePrinter.TEXT).column("shards", TablePrinter.INT8).column("placement", TablePrinter.TEXT);
        for (DistributionPlan.Entry e : plan.entries()) {
            table.row(e.name(), planned(e), state(e), shards.get(e.name()), placement(e.name()));
        }
        table.print(session);
        PrintWriter out = session.results();
        for (Call x : calls) {
            out.println("In flight: " + x.function() + "('" + x.table() + "', ...) (pid " + x.pid() + ", " + DurationWords.of(x.seconds())
                    + "): " + x.phase() + ".");
            Map<String, Long> perWorker = copied.getOrDefault(x.table(), Map.of());
            long rows = perWorker.values().stream().mapToLong(Long::longValue).sum();
            if (rows > 0) {
                // a table the concurrent form made a citus local table has its rows in a shard: the plan's count then
                Long total = estimatedRows.getOrDefault(x.table(), plan.entry(x.table()).map(DistributionPlan.Entry::rows).filter(n -> n > 0).orElse(null));
                out.println(String.format(Locale.ROOT, "    copied: %,d%s rows into the shards (%s)", rows,
                        total == null ? "" : String.format(Locale.ROOT, " of ~%,d (%d%%)", total, Math.min(100, rows * 100 / total)),
                        perWorker.entrySet().stream().map(w -> w.getKey() + String.format(Locale.ROOT, " %,d", w.getValue()))
                                .collect(Collectors.joining(", "))));
            }
        }
        if (!calls.isEmpty()) {
            for (Slot s : slots) {
                out.println("    catch-up: replication slot " + s.name() + (s.active() ? " streaming" : " idle") + ", " + bytes(s.lagBytes()) + " behind");
            }
            unreachable.forEach(w -> out.println("    no progress from " + w));
        }
        if (!keysOff.isEmpty()) {
            out.println("Foreign keys off (" + keysOff.size() + "), put back and validated by distribute run:");
            for (KeysOff.Saved k : keysOff) {
                String since = k.takenOffAt() == null ? "" : " since " + SINCE.format(k.takenOffAt().withOffsetSameInstant(ZoneOffset.UTC))
                        + " (" + DurationWords.of(Math.max(0, Duration.between(k.takenOffAt(), now).toMillis() / 1000.0)) + ")";
                out.println("    " + k.key().table() + "." + k.key().name() + ": " + (k.added() ? "back NOT VALID, to validate; off" : "off") + since);
            }
        }
        out.println(verdict());
        out.flush();
    }

    private String verdict() {
        if (!citus.installed()) {
            return "No Citus on this server" + (citus.available() ? " (the extension is available, not created)" : "")
                    + ": every table is local. distribute run makes the calls on a Citus coordinator.";
        }
        long planned = plan.entries().stream().filter(e -> e.role() != Role.LOCAL).count();
        long asPlanned = plan.entries().stream().filter(e -> e.role() != Role.LOCAL && asPlanned(e)).count();
        String where = "Citus " + citus.version().orElse("?") + (nodes.isEmpty() ? ", no nodes" : " on " + String.join(", ", nodes));
        String tables = asPlanned + " of " + planned + (planned == 1 ? " table" : " tables") + " as planned";
        if (!calls.isEmpty()) return "Distributing (" + where + "): " + tables + ".";
        if (asPlanned == planned && keysOff.isEmpty()) return "Done (" + where + "): " + tables + ".";
        return "Nothing in flight (" + where + "): " + tables + (keysOff.isEmpty() ? "" : ", " + keysOff.size() + " foreign "
                + (keysOff.size() == 1 ? "key" : "keys") + " off") + "; distribute run does the rest.";
    }

    private boolean asPlanned(DistributionPlan.Entry e) {
        if (calls.stream().anyMatch(x -> e.name().equals(x.table()))) return false;
        return citus.table(e.name()).map(t -> switch (e.role()) {
            case DISTRIBUTED -> t.kind() == CitusServer.Kind.DISTRIBUTED && t.column().equals(e.column());
            case REFERENCE -> t.kind() == CitusServer.Kind.REFERENCE;
            case LOCAL -> true;
        }).orElse(false);
    }

    private static String planned(DistributionPlan.Entry e) {
        return switch (e.role()) {
            case DISTRIBUTED -> "distributed on " + e.column() + (e.anchor() ? " (anchor)" : "");
            case REFERENCE -> "reference table";
            case LOCAL -> "stays local";
        };
    }

    private static String bytes(long n) {
        if (n < 1024) return n + " bytes";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f kB", n / 1024.0);
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static <T> T single(Connection c, String sql, Reader<T> reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? reader.read(rs) : null;
        }
    }

    private static <T> T single(Connection c, String sql, String arg, Reader<T> reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? reader.read(rs) : null;
            }
        }
    }
}
