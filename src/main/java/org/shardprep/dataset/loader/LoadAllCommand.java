package org.shardprep.dataset.loader;

import org.shardprep.dataset.generator.GeneratedDataCache;
import org.shardprep.dataset.TailspinSchema;

import org.shardprep.command.ShardprepHome;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import org.shardprep.command.TablePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** load-all and create-schema: the exercise's "Create tables" and "Ingest data" steps as commands. */
public class LoadAllCommand {

    private final CommandContext session;

    public LoadAllCommand(CommandContext session) {
        this.session = session;
    }

    @Command(name = "create-schema", description = "Create the exercise's four tables (stores, products, orders, line_items)")
    public void createSchema() {
        try (var s = session.connection().jdbc().createStatement()) {
            s.execute(TailspinSchema.DDL);
        } catch (SQLException e) {
            throw new CommandError(e.getMessage().replaceFirst("^ERROR: ", ""));
        }
        session.info("CREATE TABLE stores, products, orders, line_items");
    }

    @Command(name = "load-all", description = "Create the schema and bulk-load the data set (generated, a directory, a zip, or a URL)")
    public void loadAll(
            @Option(names = "--from", description = "directory, zip file or http(s) URL of the data set (default: the generated set)") String from,
            @Option(names = "--scale", defaultValue = "1", description = "scale of the generated data set (1 = the exercise's size)") double scale,
            @Option(names = "--jobs", defaultValue = "0", description = "files loaded at once (default: the number of cores, at least 2)") int jobs,
            @Option(names = "--fresh", description = "replace tables that already hold rows") boolean fresh,
            @Option(names = "--yes", description = "do not ask before replacing tables") boolean yes) {
        int parallel = jobs > 0 ? jobs : Math.max(2, Runtime.getRuntime().availableProcessors());
        // a source that is not there is said before anything is asked or dropped
        if (from != null && !isUrl(from) && !java.nio.file.Files.exists(session.resolve(from))) {
            throw new CommandError(from + ": No such file or directory; nothing changed");
        }
        Set<String> replace = checkExistingTables(fresh, yes);
        Path path = sourcePath(from, scale);
        try (DataSource source = DataSource.open(path)) {
            source.requireAllTables();
            LoadProgress progress = new LoadProgress(source);
            ProgressDisplay display = new ProgressDisplay(session, progress);
            BulkLoader.Result result;
            session.clearInterrupt();
            try {
                result = new BulkLoader(session.connection().settings(), session::interrupted)
                        .load(source, progress, parallel, replace, display::refresh);
            } catch (LoadFailure e) {
                display.clear();
                throw new CommandError(e.getMessage() + "; nothing was loaded, the database is as it was");
            }
            display.clear();
            summarize(result);
            checkCounts(result, from == null ? ExpectedCounts.forScale(scale) : ExpectedCounts.exerciseIfMatching(result.rows()));
        } catch (IOException e) {
            throw new CommandError(e.getMessage());
        }
    }

    /** Tables with rows are replaced only with --fresh, and only once the user agreed (or said --yes). */
    private Set<String> checkExistingTables(boolean fresh, boolean yes) {
        Map<String, Long> existing;
        try {
            existing = BulkLoader.existingRows(session.connection().jdbc());
        } catch (SQLException e) {
            throw new CommandError(e.getMessage());
        }
        Set<String> withRows = new TreeSet<>();
        existing.forEach((t, n) -> { if (n > 0) withRows.add(t + " (" + n + " rows)"); });
        if (!withRows.isEmpty()) {
            if (!fresh) {
                throw new CommandError("tables already hold rows: " + String.join(", ", withRows)
                        + "; load-all --fresh replaces them");
            }
            boolean agreed = session.console().confirm("Drop " + String.join(", ", withRows) + " and load again?", yes,
                    "load-all --fresh would drop tables with rows (" + String.join(", ", withRows) + "); add --yes to confirm in a script");
            if (!agreed) throw new CommandError("load-all cancelled; nothing changed");
        }
        return existing.keySet();
    }

    private Path sourcePath(String from, double scale) {
        if (from == null) return GeneratedDataCache.ensure(session, scale);
        if (isUrl(from)) {
            return Download.fetch(session, from, ShardprepHome.stateDir().resolve("data").resolve("downloads"));
        }
        return session.resolve(from);
    }

    private static boolean isUrl(String from) {
        return from.startsWith("http://") || from.startsWith("https://");
    }

    private void summarize(BulkLoader.Result result) {
        TablePrinter table = new TablePrinter().column("table", TablePrinter.TEXT).column("rows", TablePrinter.INT8)
                .column("seconds", TablePrinter.NUMERIC).column("rows/s", TablePrinter.INT8);
        result.rows().forEach((t, n) -> {
            double secs = result.seconds().get(t);
            table.row(t, n, String.format(Locale.ROOT, "%.1f", secs), secs > 0 ? Math.round(n / secs) : n);
        });
        table.print(session);
        session.info(String.format(Locale.ROOT, "Loaded %,d rows in %.1f s (keys, sequences and ANALYZE included).",
                result.rows().values().stream().mapToLong(Long::longValue).sum(), result.totalSeconds()));
    }

    /** The exercise's own check: the four counts, from the database, against what was expected. */
    private void checkCounts(BulkLoader.Result result, Map<String, Long> expected) {
        List<String> wrong = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        try (var s = session.connection().jdbc().createStatement()) {
            for (String t : TailspinSchema.TABLES) {
                long n;
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    n = rs.getLong(1);
                }
                long want = expected != null ? expected.get(t) : result.rows().get(t);
                if (n != want) wrong.add(t + " has " + n + ", expected " + want);
                if (line.length() > 0) line.append(", ");
                line.append(t).append(' ').append(n);
            }
        } catch (SQLException e) {
            throw new CommandError(e.getMessage());
        }
        if (!wrong.isEmpty()) throw new CommandError("counts differ: " + String.join("; ", wrong));
        session.info("Counts: " + line + (expected != null ? " (as expected)" : ""));
    }
}
