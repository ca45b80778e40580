package org.shardprep.migrate;

import org.shardprep.migrate.keyswap.ExerciseKeySwap;

import org.shardprep.QueryRows;
import org.shardprep.TestServer;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettings;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.dataset.loader.BulkLoader;
import org.shardprep.dataset.loader.DataSource;
import org.shardprep.dataset.loader.LoadProgress;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.SessionConnection;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Databases for the key swap tests: the exercise's tables loaded with a data set (by load-all's loader),
 * line_items.store_id added and filled by a plain UPDATE, made once per data set and copied from it as a
 * template; the catalog as comparable text; and a real Session on a database with its output captured.
 */
public final class SwapDatabases {

    public static final Path EXERCISE_ZIP = Path.of("src/test/resources/e2e/exercise-data.zip").toAbsolutePath();
    public static final Path SAMPLE_DIR = Path.of("data/sample-0.01").toAbsolutePath();

    private static final Map<Path, String> TEMPLATES = new HashMap<>();

    private SwapDatabases() {}

    /** A new database holding the data set, with line_items.store_id added and filled: the swap's starting point. */
    public static synchronized String filled(String name, Path data) throws Exception {
        String template = TEMPLATES.get(data);
        if (template == null) {
            template = "swap_template_" + TEMPLATES.size();
            TestServer.freshDatabase(template);
            try (DataSource source = DataSource.open(data)) {
                new BulkLoader(settings(template), () -> false).load(source, new LoadProgress(source), 2, Set.of(), () -> { });
            }
            try (Connection c = TestServer.connect(template); Statement st = c.createStatement()) {
                st.execute("ALTER TABLE line_items ADD COLUMN store_id bigint");
                st.execute("UPDATE line_items li SET store_id = o.store_id FROM orders o WHERE li.order_id = o.order_id");
                st.execute("VACUUM ANALYZE");
            }
            TEMPLATES.put(data, template);
        }
        try (Connection c = TestServer.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        }
        return name;
    }

    public static ConnectionSettings settings(String db) {
        return new ConnectionSettingsResolver(w -> { })
                .resolve(ConnectionRequest.ofConnInfo(TestServer.conninfo(db)), Map.of(), Path.of("/nonexistent"));
    }

    /** A session on the database, as the shell has it, printing into buffers. */
    public static final class TestSession implements AutoCloseable {
        public final Session session;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();

        public TestSession(String db) throws SQLException {
            session = new Session(SessionConnection.open(settings(db)), null, null,
                    new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        }

        public String out() {
            session.out().flush();
            return out.toString(StandardCharsets.UTF_8);
        }

        public String err() {
            return err.toString(StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /**
     * The four tables' keys as the catalog has them: constraints (pg_get_constraintdef, validated or not),
     * indexes (pg_indexes.indexdef), and which columns are NOT NULL.
     */
    public static List<String> catalog(String db) throws SQLException {
        String[] queries = {
            "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid), convalidated FROM pg_constraint "
                + "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2",
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1, 2",
            "SELECT attrelid::regclass::text, attname, attnotnull FROM pg_attribute WHERE attnum > 0 AND NOT attisdropped "
                + "AND attrelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r') ORDER BY 1, 2"};
        List<String> rows = new ArrayList<>();
        rows.addAll(QueryRows.of(db, queries));
        return rows;
    }

    /** The exercise's key swap as written, statement by statement over JDBC: the reference end state. */
    public static void exercisePath(String db) throws SQLException {
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement()) {
            for (ExerciseKeySwap.Step step : ExerciseKeySwap.steps()) {
                for (String sql : step.statements()) st.execute(sql);
            }
        }
    }

    public static long count(String db, String sql) throws SQLException {
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static void execute(String db, String... sql) throws SQLException {
        try (Connection c = TestServer.connect(db); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
    }
}
