package org.shardprep.schedule;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PgCronSqlTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT cron.schedule('create_orders', '*/1 * * * *', 'SELECT create_orders(20000);');",
            "SELECT cron.schedule('backfill', '*/1 * * * *', 'SELECT backfill_batch(1000000);')",
            "select cron.schedule('*/5 * * * *', 'vacuum')",
            "select cron.schedule ( 'a''b', '1 seconds', 'select ''x''' ) ;",
            "SELECT cron.unschedule('backfill');",
            "SELECT cron.unschedule(42)",
            "SELECT * FROM cron.job;",
            "select * from cron.job",
            "-- every minute\nSELECT cron.schedule('create_orders', '*/1 * * * *', 'SELECT create_orders(20000);');",
            "/* a /* nested */ note */ SELECT cron.unschedule('backfill');",
            "  -- jobs\n  /* all */ select * from cron.job"})
    void recognisesTheExercisesStatements(String sql) {
        assertThat(PgCronSql.recognises(sql)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT cron.schedule('a')",
            "SELECT cron.schedule('a', 'b', 'c', 'd')",
            "SELECT cron.schedule(name, '* * * * *', 'x')",
            "SELECT * FROM cron.job_run_details",
            "SELECT jobid FROM cron.job",
            "SELECT * FROM cron.job WHERE jobid = 1",
            "SELECT cron.unschedule('a', 'b')",
            "select 1"})
    void leavesEverythingElseToTheServer(String sql) {
        assertThat(PgCronSql.recognises(sql)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'it''s'"})
    void unquotesLiterals(String literal) {
        assertThat(PgCronSql.unquote(literal)).isEqualTo("it's");
    }
}
