package org.shardprep.dataset.loader;

import org.shardprep.dataset.TailspinSchema;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.util.PSQLException;
import org.shardprep.connect.ConnectionSettings;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The exercise's bulk load, fast and all-or-nothing. The tables are built in a private schema from the
 * exercise's own DDL; their keys come off; every file is COPYed on a connection of its own, several at a
 * time; the keys go back on (primary keys in parallel, foreign keys NOT VALID and then validated in
 * parallel); the sequences are set as the exercise sets them; and one short transaction moves the four
 * tables into public. Until that moment public is untouched, so a bad row, a failed key or Ctrl-C leaves
 * the database exactly as it was.
 */
public final class BulkLoader {

    static final String STAGING = "shardprep_load";

    /** Rows per table and how long each took. */
    public record Result(Map<String, Long> rows, Map<String, Double> seconds, double totalSeconds) {}

    private final ConnectionSettings settings;
    private final BooleanSupplier cancelled;
    private final Set<Connection> running = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> failure = new AtomicReference<>();

    public BulkLoader(ConnectionSettings settings, BooleanSupplier cancelled) {
        this.settings = settings;
        this.cancelled = cancelled;
    }

    /** Tables of the four that exist in public and hold rows: what a load would replace. */
    public static Map<String, Long> existingRows(Connection c) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        for (String t : TailspinSchema.TABLES) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select to_regclass('public." + t + "') is not null")) {
                rs.next();
                if (!rs.getBoolean(1)) continue;
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from public." + t)) {
                rs.next();
                found.put(t, rs.getLong(1));
            }
        }
        return found;
    }

    /**
     * @param replace the public tables that exist and may be dropped in the final transaction
     * @param tick    called about five times a second while the load runs (progress display)
     */
    public Result load(DataSource source, LoadProgress progress, int jobs, Set<String> replace, Runnable tick) throws LoadFailure {
        long start = System.nanoTime();
        try (Connection admin = open()) {
            List<String[]> keys = prepareStaging(admin);
            Map<String, AtomicLong> rows = new LinkedHashMap<>();
            TailspinSchema.TABLES.forEach(t -> rows.put(t, new AtomicLong()));
            copyFiles(source, progress, jobs, rows, tick);
            for (String t : TailspinSchema.TABLES) progress.finished(t, rows.get(t).get());
            restoreKeys(admin, keys, source, jobs, tick);
            setSequences(admin);
            publish(admin, replace);
            try (Statement s = admin.createStatement()) {
                s.execute("ANALYZE stores, products, orders, line_items");
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (String t : TailspinSchema.TABLES) {
                counts.put(t, rows.get(t).get());
                seconds.put(t, progress.table(t).seconds());
            }
            return new Result(counts, seconds, (System.nanoTime() - start) / 1e9);
        } catch (LoadFailure e) {
            dropStaging();
            throw e;
        } catch (SQLException | RuntimeException e) {
            dropStaging();
            String why = failure.get() != null ? failure.get() : message(e);
            throw new LoadFailure(why);
        }
    }

    /** The exercise's CREATE TABLEs in the staging schema, then its keys taken off (and kept to put back). */
    private List<String[]> prepareStaging(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + STAGING + " CASCADE");   // what an interrupted earlier load left
            s.execute("CREATE SCHEMA " + STAGING);
            s.execute("SET search_path = " + STAGING);
            s.execute(TailspinSchema.DDL);
            s.execute("RESET search_path");
        }
        List<String[]> keys = new ArrayList<>();   // {table, name, definition, type}
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(
                "select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype "
                        + "from pg_constraint c where c.connamespace = '" + STAGING + "'::regnamespace "
                        + "and c.contype in ('p', 'f') order by c.contype desc, c.conname")) {
            while (rs.next()) keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
        }
        try (Statement s = admin.createStatement()) {
            for (String[] k : keys) {
                if (k[3].equals("f")) s.execute("ALTER TABLE " + k[0] + " DROP CONSTRAINT " + k[1]);
            }
            for (String[] k : keys) {
                if (k[3].equals("p")) s.execute("ALTER TABLE " + k[0] + " DROP CONSTRAINT " + k[1]);
            }
        }
        return keys;
    }

    /** Every file on its own COPY, `jobs` at a time, biggest first; the first failure cancels the rest. */
    private void copyFiles(DataSource source, LoadProgress progress, int jobs, Map<String, AtomicLong> rows, Runnable tick)
            throws LoadFailure {
        List<DataFile> files = new ArrayList<>(source.allFiles());
        files.sort(Comparator.comparingLong(DataFile::size).reversed());
        ConcurrentLinkedQueue<DataFile> queue = new ConcurrentLinkedQueue<>(files);
        runInParallel(jobs, tick, () -> {
            try (Connection c = open()) {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                DataFile f;
                while (failure.get() == null && (f = queue.poll()) != null) {
                    String sql = "COPY " + STAGING + "." + f.table() + " FROM STDIN WITH (FORMAT csv"
                            + (TailspinSchema.hasHeader(f.table()) ? ", HEADER true" : "") + ")";
                    running.add(c);
                    try (InputStream in = progress.counting(f.table(), f.open())) {
                        rows.get(f.table()).addAndGet(copy.copyIn(sql, in, 1 << 16));
                    } catch (SQLException e) {
                        fail(CopyErrorLocation.describe(f, e));
                    } catch (IOException e) {
                        fail(f.name() + ": " + e.getMessage());
                    } finally {
                        running.remove(c);
                    }
                }
            }
            return null;
        });
    }

    /** Primary keys in parallel; foreign keys added NOT VALID, then validated in parallel (no self-conflicting lock). */
    private void restoreKeys(Connection admin, List<String[]> keys, DataSource source, int jobs, Runnable tick) throws LoadFailure, SQLException {
        ConcurrentLinkedQueue<String> primary = new ConcurrentLinkedQueue<>();
        for (String[] k : keys) if (k[3].equals("p")) primary.add("ALTER TABLE " + k[0] + " ADD CONSTRAINT " + k[1] + " " + k[2]);
        runStatements(primary, jobs, tick, source);
        try (Statement s = admin.createStatement()) {
            for (String[] k : keys) {
                if (k[3].equals("f")) s.execute("ALTER TABLE " + k[0] + " ADD CONSTRAINT " + k[1] + " " + k[2] + " NOT VALID");
            }
        }
        ConcurrentLinkedQueue<String> validate = new ConcurrentLinkedQueue<>();
        for (String[] k : keys) if (k[3].equals("f")) validate.add("ALTER TABLE " + k[0] + " VALIDATE CONSTRAINT " + k[1]);
        runStatements(validate, jobs, tick, source);
    }

    private void runStatements(ConcurrentLinkedQueue<String> statements, int jobs, Runnable tick, DataSource source) throws LoadFailure {
        runInParallel(Math.min(jobs, statements.size()), tick, () -> {
            try (Connection c = open(); Statement s = c.createStatement()) {
                String sql;
                while (failure.get() == null && (sql = statements.poll()) != null) {
                    running.add(c);
                    try {
                        s.execute(sql);
                    } catch (SQLException e) {
                        fail(keyFailure(sql, e, source));
                    } finally {
                        running.remove(c);
                    }
                }
            }
            return null;
        });
    }

    /** A duplicate id or a foreign key miss, named by file and line where the row can be found. */
    private static String keyFailure(String sql, SQLException e, DataSource source) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            String detail = p.getServerErrorMessage().getDetail();
            String table = sql.replaceFirst("^ALTER TABLE " + STAGING + "\\.(\\w+).*$", "$1");
            List<DataFile> files = source.files().getOrDefault(table, List.of());
            String located = BadRowLocator.locate(detail, files, TailspinSchema.columns(table));
            if (located != null) return located;
            return p.getServerErrorMessage().getMessage() + (detail == null ? "" : " (" + detail + ")");
        }
        return message(e);
    }

    /** The exercise's setval(..., MAX(id)) for each table. */
    private static void setSequences(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            for (String t : TailspinSchema.TABLES) {
                s.execute("SELECT setval('" + STAGING + "." + TailspinSchema.sequence(t) + "', MAX(" + TailspinSchema.idColumn(t)
                        + ")) FROM " + STAGING + "." + t);
            }
        }
    }

    /** The one moment public changes: old tables out, new ones in, in one short transaction. */
    private static void publish(Connection admin, Set<String> replace) throws SQLException {
        boolean auto = admin.getAutoCommit();
        admin.setAutoCommit(false);
        try (Statement s = admin.createStatement()) {
            s.execute("SET LOCAL lock_timeout = '10s'");
            if (!replace.isEmpty()) {
                List<String> drop = new ArrayList<>();
                for (String t : List.of("line_items", "orders", "products", "stores")) if (replace.contains(t)) drop.add("public." + t);
                s.execute("DROP TABLE " + String.join(", ", drop));
            }
            for (String t : TailspinSchema.TABLES) s.execute("ALTER TABLE " + STAGING + "." + t + " SET SCHEMA public");
            s.execute("DROP SCHEMA " + STAGING);
            admin.commit();
        } catch (SQLException e) {
            admin.rollback();
            throw e;
        } finally {
            admin.setAutoCommit(auto);
        }
    }

    @FunctionalInterface
    private interface Job {
        Void call() throws Exception;
    }

    /** Runs `workers` copies of a job; the calling thread ticks the display and watches for Ctrl-C meanwhile. */
    private void runInParallel(int workers, Runnable tick, Job job) throws LoadFailure {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "shardprep-load");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < Math.max(1, workers); i++) {
                futures.add(pool.submit(() -> {
                    try {
                        return job.call();
                    } catch (Exception e) {
                        fail(message(e));
                        return null;
                    }
                }));
            }
            while (!futures.stream().allMatch(Future::isDone)) {
                if (cancelled.getAsBoolean()) fail("load cancelled");
                tick.run();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("load cancelled");
                }
            }
            tick.run();
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) throw new LoadFailure(failure.get());
    }

    /** The first failure wins; every other running statement is cancelled so the load stops at once. */
    private void fail(String why) {
        if (failure.compareAndSet(null, why)) {
            for (Connection c : running) {
                try {
                    ((PGConnection) c.unwrap(PGConnection.class)).cancelQuery();
                } catch (SQLException ignored) {
                    // it finished meanwhile
                }
            }
        }
    }

    private void dropStaging() {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + STAGING + " CASCADE");
        } catch (SQLException ignored) {
            // the next load drops it first anyway
        }
    }

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.jdbcProperties());
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");   // a load either completes or is thrown away: no need to wait for each flush
        }
        return c;
    }

    private static String message(Exception e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) return p.getServerErrorMessage().getMessage();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
