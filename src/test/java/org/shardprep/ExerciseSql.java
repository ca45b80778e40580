package org.shardprep;

import org.shardprep.shell.meta.MetaCommandCatalog;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.ScanListener;
import org.shardprep.sql.scan.StatementScanner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The exercise's own SQL, as written: slices of the exercise's blocks (src/test/resources/e2e/exercise_blocks.sql,
 * every SQL block of the exercise in order), so that tests run the exercise's statements verbatim rather than
 * a paraphrase of them.
 */
public final class ExerciseSql {

    public static final Path BLOCKS = Path.of("src", "test", "resources", "e2e", "exercise_blocks.sql");

    private ExerciseSql() {}

    /** "Create tables": the four CREATE TABLE statements. */
    public static String createTables() { return upTo("CREATE TABLE stores", "SET CLIENT_ENCODING"); }

    /** "Ingest data": the four \COPY transactions with their setval (psql meta-commands: for the jar). */
    public static String copyData() { return upTo("BEGIN;", "SELECT COUNT(*) FROM stores"); }

    /** "Add distribution key": ALTER TABLE line_items ADD COLUMN store_id bigint. */
    public static String addStoreId() { return upTo("ALTER TABLE line_items ADD COLUMN store_id", "CREATE OR REPLACE FUNCTION backfill_batch"); }

    /** "Add distribution key and backfill": the backfill_batch function. */
    public static String backfillFunction() { return upTo("CREATE OR REPLACE FUNCTION backfill_batch", "SELECT cron.schedule('backfill'"); }

    /** "Update table keys": the three unique indexes and the three key-swap transactions. */
    public static String keySwap() { return upTo("CREATE UNIQUE INDEX CONCURRENTLY orders_tmp_idx", "SELECT create_orders(20000);"); }

    /**
     * Runs SQL statement by statement, as psql sends it (CREATE INDEX CONCURRENTLY cannot share a
     * transaction; BEGIN and COMMIT are statements of their own).
     */
    public static void run(Connection c, String sql) throws SQLException {
        List<String> statements = new ArrayList<>();
        StatementScanner scanner = new StatementScanner(MetaCommandCatalog.PSQL);
        ScanListener listener = new ScanListener() {
            @Override
            public void onStatement(String statement, int firstLine) { statements.add(statement); }

            @Override
            public void onMetaCommand(MetaCommand command) {
                throw new IllegalArgumentException("a psql meta-command needs the shell: \\" + command.name());
            }
        };
        for (String line : sql.split("\n", -1)) scanner.feedLine(line, listener);
        try (Statement st = c.createStatement()) {
            for (String s : statements) st.execute(s);
        }
    }

    /** The lines from the first that starts with {@code first} up to the next that starts with {@code stop} (not included). */
    private static String upTo(String first, String stop) {
        List<String> lines;
        try {
            lines = Files.readAllLines(BLOCKS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (from < 0 && lines.get(i).startsWith(first)) {
                from = i;
            } else if (from >= 0 && lines.get(i).startsWith(stop)) {
                return String.join("\n", lines.subList(from, i)).strip() + "\n";
            }
        }
        throw new IllegalStateException("no block from \"" + first + "\" to \"" + stop + "\" in " + BLOCKS);
    }
}
