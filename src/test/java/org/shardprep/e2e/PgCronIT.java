package org.shardprep.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The exercise's pg_cron SQL on a server that has pg_cron (scripts/pg-cron-server; its conninfo in
 * SHARDPREP_PGCRON_URL): the statements go to the server as typed, and {@code jobs} lists the server's jobs.
 */
class PgCronIT {

    @TempDir Path home;
    private String url;

    @BeforeEach
    void server() {
        url = System.getenv("SHARDPREP_PGCRON_URL");
        assumeTrue(url != null && !url.isBlank(), "SHARDPREP_PGCRON_URL is not set (scripts/pg-cron-server)");
    }

    private JarRun.Result script(String text) throws IOException {
        Path file = home.resolve("script-" + System.nanoTime() + ".sql");
        Files.writeString(file, text);
        return JarRun.run(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toString(), "-f", file.toString(), url),
                null, Map.of("HOME", home.toString()));
    }

    @Test
    void cronSqlGoesToTheServerAndJobsListsItsJobs() throws IOException {
        script("SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = 'it_create_orders';\n");
        JarRun.Result r = script("""
                SELECT cron.schedule('it_create_orders', '*/1 * * * *', 'SELECT 1;');
                SELECT * FROM cron.job WHERE jobname = 'it_create_orders';
                SELECT count(*) AS server_rows FROM cron.job WHERE jobname = 'it_create_orders';
                schedule it_client '@daily' 'select 2'
                jobs
                SELECT cron.unschedule('it_create_orders');
                unschedule it_client
                SELECT count(*) AS left_over FROM cron.job WHERE jobname = 'it_create_orders';
                """);
        assertThat(r.err()).doesNotContain("scheduling on the client");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains(" server_rows \n-------------\n           1\n(1 row)");
        assertThat(r.out()).containsPattern("(?m)^ +\\d+ \\| it_create_orders \\| \\*/1 \\* \\* \\* \\* \\| SELECT 1; +\\| t +\\| +\\| +\\| server \\(pg_cron\\)$");
        assertThat(r.out()).containsPattern("(?m)^ +1 \\| it_client +\\| @daily .*\\| client");
        assertThat(r.out()).contains(" unschedule \n------------\n t\n(1 row)");
        assertThat(r.out()).contains(" left_over \n-----------\n         0\n(1 row)");
    }

    @Test
    void swapPkRefusesWhileTheServersBackfillJobIsActive() throws IOException {
        script("SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = 'it_backfill';\nDROP SCHEMA IF EXISTS swap_it CASCADE;\n");
        JarRun.Result r = script("""
                CREATE SCHEMA swap_it;
                SET search_path = swap_it;
                create-schema
                ALTER TABLE line_items ADD COLUMN store_id bigint;
                SELECT cron.schedule('it_backfill', '*/1 * * * *', 'SELECT backfill_batch(1000000);');
                swap-pk run
                SELECT cron.unschedule('it_backfill');
                swap-pk run
                SET search_path = public;
                DROP SCHEMA swap_it CASCADE;
                """);
        assertThat(r.err()).startsWith("shardprep:").contains("pg_cron job it_backfill (SELECT backfill_batch(1000000);) still runs the "
                + "backfill: once it has filled every row, SELECT cron.unschedule('it_backfill') and run swap-pk again\n");
        assertThat(r.out()).contains("[26/26] line_items: validate line_items_store_id_fkey");
    }
}
