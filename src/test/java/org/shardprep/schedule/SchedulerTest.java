package org.shardprep.schedule;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shardprep.command.DatabaseKey;
import org.junit.jupiter.api.io.TempDir;
import org.shardprep.TestServer;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettings;
import org.shardprep.connect.ConnectionSettingsResolver;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner on a real PostgreSQL: runs on pooled connections, one at a time per job, history, the job file. */
class SchedulerTest {

    @TempDir Path home;
    private HikariDataSource pool;
    private final List<Scheduler> started = new ArrayList<>();

    @BeforeEach
    void pool() {
        String db = "sched_unit";
        String conninfo = TestServer.freshDatabase(db);
        ConnectionSettings s = new ConnectionSettingsResolver(w -> { })
                .resolve(ConnectionRequest.ofConnInfo(conninfo), Map.of(), Path.of("/nonexistent"));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(s.jdbcUrl());
        config.setDataSourceProperties(s.jdbcProperties());
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void close() {
        started.forEach(s -> s.stop(Duration.ofSeconds(1)));
        pool.close();
    }

    private Scheduler scheduler(Scheduler.Listener listener) {
        Scheduler s = new Scheduler(new JobStore(home.resolve("jobs.json")), () -> pool, listener);
        started.add(s);
        return s;
    }

    @Test
    void aSlowJobRunsBackToBackNeverTwiceAtOnceAndQueuesOnce() throws Exception {
        Scheduler s = scheduler(new Scheduler.Listener() { });
        Job job = s.schedule("slow", "1 seconds", "select pg_sleep(2.5)");
        List<String> seen = new CopyOnWriteArrayList<>();
        long until = System.nanoTime() + Duration.ofMillis(8500).toNanos();
        while (System.nanoTime() < until) {
            seen.add(s.state(job));
            Thread.sleep(50);
        }
        s.stop(Duration.ofMillis(100));   // cancels the run in progress
        assertThat(seen).contains("running, 1 queued", "running");

        List<JobRun> runs = new ArrayList<>(s.history());
        runs.sort(Comparator.comparing(JobRun::start));
        List<JobRun> done = runs.stream().filter(r -> r.end() != null && r.status().equals(JobRun.SUCCEEDED)).toList();
        // 8.5 s of 2.5 s runs: two or three finished, never more (a pile-up would start one every second)
        assertThat(done).hasSizeBetween(2, 3);
        assertThat(runs).hasSizeBetween(2, 5);
        for (int i = 1; i < runs.size(); i++) {
            JobRun prev = runs.get(i - 1), next = runs.get(i);
            assertThat(prev.end()).as("run %d ended before run %d started", prev.runId(), next.runId()).isNotNull();
            assertThat(next.start()).isAfterOrEqualTo(prev.end());
            // queued: the next run starts as soon as the previous one ends, not at the next whole second
            assertThat(Duration.between(prev.end(), next.start())).isLessThan(Duration.ofMillis(900));
        }
        assertThat(done.get(0).message()).isEqualTo("SELECT 1");
    }

    @Test
    void aFailedRunIsRecordedAndTheJobGoesOn() throws Exception {
        List<JobRun> failures = new CopyOnWriteArrayList<>();
        Scheduler s = scheduler(new Scheduler.Listener() {
            @Override public void runFailed(JobRun run) { failures.add(run); }
        });
        s.schedule("broken", "1 seconds", "select * from no_such_table");
        Thread.sleep(2600);
        assertThat(failures).hasSizeGreaterThanOrEqualTo(2);
        JobRun last = s.runs("broken", 1).get(0);
        assertThat(last.message()).isEqualTo("relation \"no_such_table\" does not exist\n  Position: 15".lines().findFirst().orElseThrow());
        assertThat(s.runs("broken", 10)).allSatisfy(r -> assertThat(r.status()).isIn(JobRun.FAILED, JobRun.RUNNING));
    }

    @Test
    void runsUseTheirOwnConnectionsAndCommit() throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("create table ticks(t timestamptz)");
        }
        Scheduler s = scheduler(new Scheduler.Listener() { });
        s.schedule("tick", "1 seconds", "insert into ticks values (now())");
        Thread.sleep(2600);
        s.stop(Duration.ofSeconds(2));
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from ticks")) {
            rs.next();
            assertThat(rs.getInt(1)).isBetween(1, 4);
        }
        assertThat(s.runs("tick", 1).get(0).message()).isEqualTo("INSERT 0 1");
    }

    @Test
    void pausedJobsDoNotRunAndResumeAgain() throws Exception {
        Scheduler s = scheduler(new Scheduler.Listener() { });
        s.schedule("p", "1 seconds", "select 1");
        assertThat(s.setActive("p", false)).isTrue();
        int before = s.runs("p", 100).size();
        Thread.sleep(1500);
        assertThat(s.runs("p", 100)).hasSizeLessThanOrEqualTo(before + 1);   // at most one that had started
        assertThat(s.nextRun(s.find("p"))).isNull();
        assertThat(s.setActive("p", true)).isTrue();
        assertThat(s.nextRun(s.find("p"))).isNotNull();
        assertThat(s.setActive("nope", true)).isFalse();
    }

    @Test
    void badInputSchedulesNothing() {
        Scheduler s = scheduler(new Scheduler.Listener() { });
        assertThatThrownBy(() -> s.schedule("x", "61 * * * *", "select 1")).hasMessageContaining("invalid schedule");
        assertThatThrownBy(() -> s.schedule("x", "0 seconds", "select 1")).hasMessageContaining("invalid schedule");
        assertThatThrownBy(() -> s.schedule("x", "1 seconds", " ")).hasMessageContaining("empty");
        assertThat(s.jobs()).isEmpty();
        assertThat(s.unschedule("x")).isFalse();
    }

    @Test
    void scheduleByNameReplacesAndUnscheduleTakesNameOrId() {
        Scheduler s = scheduler(new Scheduler.Listener() { });
        Job a = s.schedule("a", "@daily", "select 1");
        Job a2 = s.schedule("a", "@hourly", "select 2");
        Job b = s.schedule(null, "@daily", "select 3");   // pg_cron's two-argument form: no name
        assertThat(a2.id()).isEqualTo(a.id());
        assertThat(s.jobs()).extracting(Job::command).containsExactly("select 2", "select 3");
        assertThat(s.unschedule(String.valueOf(b.id()))).isTrue();
        assertThat(s.unschedule("a")).isTrue();
        assertThat(s.jobs()).isEmpty();
    }

    @Test
    void jobsAndRunsSurviveInTheFile() throws Exception {
        List<Boolean> active = new CopyOnWriteArrayList<>();
        Scheduler first = scheduler(new Scheduler.Listener() {
            @Override public void activeChanged(boolean any) { active.add(any); }
        });
        first.schedule("kept", "*/5 * * * *", "select 'it''s'");
        first.schedule("quick", "1 seconds", "select 1");
        first.setActive("kept", false);
        Thread.sleep(1500);
        first.unschedule("quick");
        first.stop(Duration.ofSeconds(2));
        assertThat(active).containsExactly(true, false);

        Scheduler second = scheduler(new Scheduler.Listener() { });
        second.load();
        assertThat(second.jobs()).singleElement().satisfies(j -> {
            assertThat(j.name()).isEqualTo("kept");
            assertThat(j.schedule().text()).isEqualTo("*/5 * * * *");
            assertThat(j.command()).isEqualTo("select 'it''s'");
            assertThat(j.active()).isFalse();
        });
        assertThat(second.runs("quick", 100)).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isNotEqualTo(JobRun.RUNNING));
        Job next = second.schedule("another", "@daily", "select 2");
        assertThat(next.id()).isEqualTo(3);   // ids are not reused
    }

    @Test
    void aDatabaseWithoutJobsGetsNoFile() throws Exception {
        Scheduler s = scheduler(new Scheduler.Listener() { });
        s.load();
        assertThat(s.jobs()).isEmpty();
        s.stop(Duration.ofSeconds(1));
        assertThat(home.resolve("jobs.json")).doesNotExist();
    }

    @Test
    void theFileKeepsTheLastHundredRuns() throws Exception {
        JobStore store = new JobStore(home.resolve("many.json"));
        List<JobStore.SavedRun> runs = new ArrayList<>();
        for (int i = 1; i <= 150; i++) runs.add(new JobStore.SavedRun(i, 1, "j", "select 1", JobRun.SUCCEEDED, 1000L * i, 1000L * i + 5, "SELECT 1"));
        store.save(new JobStore.Saved(2, 151, List.of(new JobStore.SavedJob(1, "j", "@daily", "select 1", true)), runs));
        JobStore.Saved back = store.load();
        assertThat(back.runs()).hasSize(100);
        assertThat(back.runs().get(0).runId()).isEqualTo(51);
        assertThat(back.jobs()).containsExactly(new JobStore.SavedJob(1, "j", "@daily", "select 1", true));
    }

    @Test
    void fileNamesPerServerAndDatabase() {
        assertThat(JobStore.forDatabase(home, new DatabaseKey("localhost", 5432, "citus")).file())
                .isEqualTo(home.resolve("jobs").resolve("localhost_5432_citus.json"));
        assertThat(JobStore.forDatabase(home, new DatabaseKey("/tmp", 5432, "a/b")).file().getFileName().toString())
                .isEqualTo("%tmp_5432_a%b.json");
    }
}
