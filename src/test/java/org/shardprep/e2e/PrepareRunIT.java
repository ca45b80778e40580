package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** prepare run through the built jar, in a script: refused without --yes, carried out with it, then nothing to do and ready. */
class PrepareRunIT {

    @Test
    void aScriptRunsItWithYesAndCheckDistributionSaysReady() {
        String db = TestServer.freshDatabase("prepare_run_it");
        JarRun.Result load = JarRun.shardprep(null, "-q", "-v", "ON_ERROR_STOP=1", "-f", "../shared/realworld/citus-ad-analytics/schema-before.sql",
                "-c", "INSERT INTO companies SELECT i, 'c' || i, NULL, now(), now() FROM generate_series(1, 4) i", "-c",
                "INSERT INTO campaigns SELECT i, i % 4 + 1, 'camp' || i, 'cpc', 'on', i, NULL, now(), now() FROM generate_series(1, 20) i",
                "-c", "INSERT INTO ads SELECT i, i % 20 + 1, 'ad' || i, NULL, NULL, i, i, now(), now() FROM generate_series(1, 200) i",
                "-c", "INSERT INTO clicks SELECT i, i % 200 + 1, now(), 's', 1, '10.0.0.1', '{}' FROM generate_series(1, 6000) i", db);
        assertThat(load.exitCode()).as(load.err()).isZero();

        JarRun.Result refused = JarRun.shardprep(null, "-c", "prepare run --tenant companies --column company_id", db);
        assertThat(refused.err()).contains("prepare run changes tables: add --yes to run it from a script");
        assertThat(refused.out()).contains("Ready to prepare.").doesNotContain("add column");

        JarRun.Result run = JarRun.shardprep(null, "-c", "prepare run --tenant companies --column company_id --yes", db);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("clicks: company_id filled along clicks.ad_id → ads.id → ads.campaign_id → campaigns.id → campaigns.company_id: "
                + "6,000 rows in 2 batches", "prepare run done:");

        JarRun.Result again = JarRun.shardprep(null, "-c", "prepare run --tenant companies --column company_id --yes", db);
        assertThat(again.out()).isEqualTo("Nothing to do: the catalog shows every step of the plan done; nothing changed.\n");

        JarRun.Result check = JarRun.shardprep(null, "-c", "check-distribution --column company_id", db);
        assertThat(check.out()).contains("Ready: 4 tables to distribute on company_id");
    }
}
