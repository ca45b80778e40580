package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The client-side scheduler through the built jar on the embedded server (which has no pg_cron). */
class ScheduleIT {

    @TempDir Path home;

    private JarRun.Result script(String db, String text, String... flags) throws IOException {
        Path file = home.resolve("script-" + System.nanoTime() + ".sql");
        Files.writeString(file, text);
        List<String> cmd = new ArrayList<>(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toString()));
        cmd.addAll(List.of(flags));
        cmd.addAll(List.of("-f", file.toString(), TestServer.conninfo(db)));
        return JarRun.run(cmd, null, Map.of("HOME", home.toString()));
    }

    @Test
    void aOneSecondJobTicksWhileTheScriptSleeps() throws IOException {
        String db = "sched_ticks";
        TestServer.freshDatabase(db);
        JarRun.Result r = script(db, """
                create table ticks(t timestamptz);
                schedule tick '1 seconds' 'insert into ticks values (now())'
                \\! sleep 3.5
                jobs
                job-runs tick
                unschedule tick
                select count(*) between 2 and 5 as ticked from ticks;
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("scheduled job 1 (tick): 1 seconds, next run ");
        assertThat(r.out()).containsPattern("(?m)^ +1 \\| tick \\| 1 seconds \\| insert into ticks values \\(now\\(\\)\\) \\| t +\\| \\d{4}-\\d\\d-\\d\\d .* \\| client");
        assertThat(r.out()).containsPattern("(?m)^ +\\d+ \\| tick \\| succeeded \\| .* \\| INSERT 0 1 *$");
        assertThat(r.out()).contains("unscheduled job 1 (tick)");
        assertThat(r.out()).contains(" ticked \n--------\n t\n(1 row)");
    }

    @Test
    void theExercisesPgCronSqlIsServedByTheClient() throws IOException {
        String db = "sched_exercise";
        TestServer.freshDatabase(db);
        Map<String, String> k = TestServer.keywords();
        JarRun.Result r = script(db, """
                SELECT cron.schedule('create_orders', '*/1 * * * *', 'SELECT 1;');
                SELECT cron.schedule('backfill', '*/1 * * * *', 'SELECT 2;');
                SELECT * FROM cron.job;
                SELECT cron.unschedule('backfill');
                SELECT cron.unschedule('create_orders');
                SELECT cron.unschedule('create_orders');
                SELECT * FROM cron.job;
                """);
        assertThat(r.out()).startsWith(" schedule \n----------\n        1\n(1 row)\n\n schedule \n----------\n        2\n(1 row)\n");
        assertThat(r.out()).containsPattern(
                " jobid \\|  schedule   \\|  command  \\| nodename +\\| nodeport \\| +database +\\| username \\| active \\|    jobname    \n");
        assertThat(r.out()).containsPattern("(?m)^     1 \\| \\*/1 \\* \\* \\* \\* \\| SELECT 1; \\| " + k.getOrDefault("host", "localhost")
                + " +\\| +\\d+ \\| " + db + " \\| \\S+ +\\| t +\\| create_orders$");
        assertThat(r.out()).contains(" unschedule \n------------\n t\n(1 row)");
        assertThat(r.out()).endsWith("(0 rows)\n\n");
        // once per session, however many statements
        assertThat(r.err()).containsOnlyOnce("pg_cron is not installed here; scheduling on the client");
        assertThat(r.err()).contains(":6: ERROR:  could not find valid entry for job 'create_orders'");
    }

    @Test
    void jobsComeBackInTheNextShellOnTheSameDatabase() throws IOException {
        String db = "sched_persist";
        TestServer.freshDatabase(db);
        JarRun.Result first = script(db, "schedule nightly '@daily' 'select 1'\njob pause nightly\nschedule hourly '0 * * * *' 'select 2'\n");
        assertThat(first.err()).isEmpty();
        JarRun.Result second = script(db, "jobs\n");
        // the active one runs again from now on, and the shell says so (the paused one stays quiet)
        assertThat(second.err()).isEqualTo(
                "scheduled job \"hourly\" (0 * * * *: select 2) is active again; \"job pause hourly\" stops it\n");
        assertThat(second.out()).containsPattern("(?m)^ +1 \\| nightly \\| @daily +\\| select 1 \\| f +\\| +\\| +\\| client");
        assertThat(second.out()).containsPattern("(?m)^ +2 \\| hourly +\\| 0 \\* \\* \\* \\* \\| select 2 \\| t +\\| \\d{4}-");
        try (var files = Files.list(home.resolve(".shardprep").resolve("jobs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().endsWith("_" + db + ".json");
        }
        // another database has jobs of its own
        String other = "sched_persist_other";
        TestServer.freshDatabase(other);
        assertThat(script(other, "jobs\n").out()).contains("(0 rows)");
    }

    @Test
    void badInputIsOneLineAndSchedulesNothing() throws IOException {
        String db = "sched_bad";
        TestServer.freshDatabase(db);
        JarRun.Result r = script(db, """
                schedule a '61 * * * *' 'select 1'
                schedule a '0 seconds' 'select 1'
                schedule a '1 seconds' ''
                unschedule nope
                job pause nope
                job resume nope
                SELECT cron.schedule('a', '61 * * * *', 'select 1');
                jobs
                """);
        List<String> err = r.err().lines().map(l -> l.replaceFirst("^shardprep:\\S+:(\\d+): ", "$1: ")).toList();
        assertThat(err).containsExactly(
                "1: error: invalid schedule: 61 * * * * (minute 61 is out of 0-59); nothing was scheduled",
                "2: error: invalid schedule: 0 seconds (seconds must be 1..59); nothing was scheduled",
                "3: error: the command is empty; nothing was scheduled",
                "4: error: no job named nope",
                "5: error: no job named nope",
                "6: error: no job named nope",
                "NOTICE:  pg_cron is not installed here; scheduling on the client",
                "7: ERROR:  invalid schedule: 61 * * * * (minute 61 is out of 0-59)");
        assertThat(r.out()).endsWith("(0 rows)\n\n");
    }

    @Test
    void theCronStatementsTheShellAnswersAreTimedAsStatements() throws IOException {
        String db = "sched_timing";
        TestServer.freshDatabase(db);
        JarRun.Result r = script(db, """
                \\timing on
                SELECT cron.schedule('t', '*/5 * * * *', 'SELECT 1');
                SELECT * FROM cron.job;
                SELECT cron.unschedule('t');
                """, "-At");
        String time = "Time: \\d+\\.\\d{3} ms( \\(.*\\))?\n";
        assertThat(r.out()).matches("(?s)Timing is on\\.\n1\n" + time + "1\\|.*\\|t\n" + time + "t\n" + time);
    }

    @Test
    void createExtensionPgCronSaysTheClientSchedules() throws IOException {
        String db = "sched_create_ext";
        TestServer.freshDatabase(db);
        JarRun.Result r = script(db, "CREATE EXTENSION pg_cron;\nselect 1 as after;\n");
        List<String> err = r.err().lines().toList();
        assertThat(err.get(0)).matches("shardprep:\\S+:1: ERROR:  .*pg_cron.*");   // the server's own error first
        assertThat(err).last().isEqualTo("HINT:  shardprep schedules on the client: SELECT cron.schedule(...), "
                + "cron.unschedule(...) and SELECT * FROM cron.job work here without the extension (or use schedule, jobs, unschedule)");
        assertThat(r.out()).contains(" after \n-------\n     1\n");
        // other failing statements get no such line
        assertThat(script(db, "create extension nosuchextension;\n").err()).doesNotContain("HINT:  shardprep");
    }

    @Test
    void jobsSaysRunningWhileARunRunsAndAnotherIsQueued() throws IOException {
        String db = "sched_running";
        TestServer.freshDatabase(db);
        JarRun.Result r = script(db, """
                schedule slow '1 seconds' 'select pg_sleep(4)'
                \\! sleep 2.5
                jobs
                unschedule slow
                """);
        assertThat(r.out()).containsPattern("(?m)^ +1 \\| slow \\| 1 seconds \\| select pg_sleep\\(4\\) \\| t +\\| .* \\| running, 1 queued \\| client *$");
    }

    @Test
    void aScriptEndingWithARunningJobStopsIt() throws IOException {
        String db = "sched_stop";
        TestServer.freshDatabase(db);
        long start = System.nanoTime();
        JarRun.Result r = script(db, "schedule long '1 seconds' 'select pg_sleep(60)'\n\\! sleep 1.5\n");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(r.exitCode()).isZero();
        assertThat(seconds).as("the script ends instead of waiting for the job").isLessThan(40);
        // the cancelled run is recorded; the job stays for the next shell
        JarRun.Result next = script(db, "job-runs long\nunschedule long\n");
        assertThat(next.out()).containsPattern("(?m)\\| long \\| failed +\\| .*canceling statement due to user request");
    }

    @Test
    void aJobCanRunAShardprepCommandAndItsFailureIsShown() throws IOException {
        String db = "sched_command";
        TestServer.freshDatabase(db);
        // every run so far: the newest may have just started (running) when job-runs asks, on a busy machine
        JarRun.Result r = script(db, "schedule cmd '1 seconds' 'job pause nosuchjob'\n\\! sleep 2.5\njob-runs cmd\nunschedule cmd\n");
        assertThat(r.out()).contains("job cmd failed: no job named nosuchjob");
        assertThat(r.out()).containsPattern("(?m)\\| cmd +\\| failed +\\| .* \\| no job named nosuchjob *$");
        assertThat(r.out()).containsPattern("\\(\\d+ rows?\\)");
    }

    @Test
    void atThePromptJobCommandsRunFailuresShowAboveItAndQuittingAsks() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = "sched_prompt";
        TestServer.freshDatabase(db);
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", home.toString()), TestServer.conninfo(db))) {
            screen.await(db + "=#");
            screen.type("schedule oops '1 seconds' 'select 1/0'\r");
            screen.await("job oops failed: division by zero");
            screen.type("job pause oops\r");
            screen.await("paused job oops");
            screen.type("jobs\r");
            screen.await("(1 row)");
            screen.type("job resume oops\r");
            screen.await("resumed job oops");
            screen.type("\\q\r");
            screen.await("scheduled jobs still running; stop and quit? [y/N]");
            screen.type("y\r");
            screen.await("paused scheduled job \"oops\" (saved as paused; \"job resume oops\" takes it back)");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).containsPattern("oops +\\| 1 seconds \\| select 1/0 \\| f ");
        }
        // "stop and quit" meant it: the next shell finds the job paused, and does not run it
        JarRun.Result next = script(db, "jobs\n");
        assertThat(next.err()).isEmpty();
        assertThat(next.out()).containsPattern("(?m)^ +1 \\| oops +\\| 1 seconds \\| select 1/0 \\| f ");
    }
}
