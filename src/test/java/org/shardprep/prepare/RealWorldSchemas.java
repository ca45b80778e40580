package org.shardprep.prepare;

import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public schemas of ../shared/realworld/ (see SOURCES.md there), loaded into a fresh database of the test
 * server by psql itself: pg_dump's output (COPY … FROM stdin, \.) is psql's to read. Never copied into the repository.
 */
public final class RealWorldSchemas {

    static final Path DIR = Path.of("..", "shared", "realworld");

    private RealWorldSchemas() {}

    /** pagila's schema and data (500 stores). */
    public static void pagila(String db) {
        load(db, DIR.resolve("pagila/pagila-schema.sql"), DIR.resolve("pagila/pagila-data.sql"));
    }

    /** The Citus docs' ad analytics "before" schema, without data. */
    public static void adAnalytics(String db) {
        load(db, DIR.resolve("citus-ad-analytics/schema-before.sql"));
    }

    /** Kill Bill's ddl files 00 to 10, in order (63 tables, no data). */
    public static void killbill(String db) {
        try (Stream<Path> files = Files.list(DIR.resolve("killbill"))) {
            load(db, files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.sql")).sorted().toArray(Path[]::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void load(String db, Path... files) {
        TestServer.freshDatabase(db);
        for (Path f : files) {
            List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", TestServer.conninfo(db), "-f", f.toString()));
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) throw new IllegalStateException("psql -f " + f + " failed: " + out);
            } catch (IOException e) {
                throw new IllegalStateException("cannot run psql to load " + f + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
