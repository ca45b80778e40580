package org.shardprep.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardprep.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * record and replay through the built jar: a recorded session replays (replay, -f) to the same database on a
 * fresh one, the recording keeps no secret, and a presenter's replay at a real terminal types, steps, skips,
 * stops and survives a Ctrl-C'd statement.
 */
class RecordReplayIT {

    @TempDir Path dir;

    private JarRun.Result shardprep(String db, String... args) {
        List<String> cmd = new ArrayList<>(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JarRun.JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        cmd.add(TestServer.conninfo(db));
        return JarRun.run(cmd, null, Map.of("HOME", dir.toString()), dir);
    }

    /** Tables, columns, constraints, functions and every row of the demo's tables, as one comparable text. */
    private static String state(String db) throws Exception {
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select string_agg(x, E'\\n' order by x) from (
                       select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(column_default, '')
                         from information_schema.columns where table_schema = 'public'
                       union all
                       select 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                         from pg_constraint where connamespace = 'public'::regnamespace
                       union all
                       select 'function ' || proname || ' ' || md5(prosrc) from pg_proc where pronamespace = 'public'::regnamespace
                       union all
                       select 'row demo_stores ' || s::text from demo_stores s
                       union all
                       select 'row demo_notes ' || n::text from demo_notes n
                     ) t(x)""")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aRecordingReplaysToTheSameDatabase() throws Exception {
        TestServer.freshDatabase("rr_source");
        Path recording = dir.resolve("session.sql");
        Path script = dir.resolve("work.sql");
        Files.writeString(script, """
                record start session.sql
                -- the demo's tables
                create table demo_stores (id int primary key, name text);
                insert into demo_stores values (1, 'Alpha'); insert into demo_stores values (2, 'Beta');
                create table demo_notes (
                    id serial primary key,
                    store_id int references demo_stores (id),
                    body text
                );
                \\copy demo_notes (store_id, body) FROM STDIN
                1\tfirst note
                2\tsecond note
                \\.
                \\set greeting 'hello from a variable'
                insert into demo_notes (store_id, body) values (1, :'greeting');
                create-schema
                simulate-orders install
                record stop
                select 'not recorded' as after_stop;
                """);
        JarRun.Result made = shardprep("rr_source", "-v", "ON_ERROR_STOP=1", "-f", script.toString());
        assertThat(made.err()).isEmpty();
        assertThat(made.exitCode()).isZero();
        assertThat(made.out()).contains("Recording to session.sql.", "Recording stopped: 10 entries in session.sql.");

        String text = Files.readString(recording);
        assertThat(text).startsWith("-- shardprep record: started ")
                .contains("-- shardprep record: server host=" + TestServer.keywords().getOrDefault("host", "localhost")
                        + " port=" + TestServer.keywords().get("port") + " dbname=rr_source user=")
                .contains("""
                        create table demo_notes (
                            id serial primary key,
                            store_id int references demo_stores (id),
                            body text
                        );
                        \\copy demo_notes (store_id, body) FROM STDIN
                        1\tfirst note
                        2\tsecond note
                        \\.
                        \\set greeting 'hello from a variable'
                        insert into demo_notes (store_id, body) values (1, :'greeting');
                        create-schema
                        simulate-orders install
                        """)
                .contains("insert into demo_stores values (1, 'Alpha');\ninsert into demo_stores values (2, 'Beta');\n")
                .doesNotContain("record start").doesNotContain("not recorded");
        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow()).startsWith("-- shardprep record: stopped ");

        TestServer.freshDatabase("rr_replayed");
        JarRun.Result replayed = shardprep("rr_replayed", "-v", "ON_ERROR_STOP=1", "-c", "replay " + recording);
        assertThat(replayed.err()).isEmpty();
        assertThat(replayed.exitCode()).isZero();
        // each entry shown after the prompt before its output, comments as narration, our own notes not
        assertThat(replayed.out()).contains("-- the demo's tables\n")
                .contains("rr_replayed=# create table demo_notes (\nrr_replayed(#     id serial primary key,\n")
                .contains("rr_replayed=# create-schema\nCREATE TABLE stores, products, orders, line_items\n")
                .doesNotContain("shardprep record:");

        TestServer.freshDatabase("rr_scripted");
        JarRun.Result scripted = shardprep("rr_scripted", "-v", "ON_ERROR_STOP=1", "-f", recording.toString());
        assertThat(scripted.err()).isEmpty();
        assertThat(scripted.exitCode()).isZero();

        String source = state("rr_source");
        assertThat(source).contains("row demo_notes (3,1,\"hello from a variable\")", "row demo_stores (2,Beta)",
                "column line_items.", "function create_orders ");
        assertThat(state("rr_replayed")).isEqualTo(source);
        assertThat(state("rr_scripted")).isEqualTo(source);
    }

    @Test
    void aRecordingOfCommandStringsEndsEveryStatementSoItReplaysAsItRan() throws Exception {
        TestServer.freshDatabase("rr_c_source");
        JarRun.Result made = shardprep("rr_c_source", "-c", "record start r.sql", "-c", "create table rr(x int)",
                "-c", "insert into rr select 1 -- the first row", "-c", "record stop");
        assertThat(made.err()).isEmpty();
        assertThat(made.exitCode()).isZero();
        // -c sends a statement without its ';': the recording ends it, after a trailing comment on a line of its own
        assertThat(Files.readString(dir.resolve("r.sql"))).contains("create table rr(x int);\ninsert into rr select 1 -- the first row\n;\n");

        TestServer.freshDatabase("rr_c_scripted");
        JarRun.Result scripted = shardprep("rr_c_scripted", "-v", "ON_ERROR_STOP=1", "-f", dir.resolve("r.sql").toString());
        assertThat(scripted.err()).isEmpty();
        assertThat(scripted.out()).isEqualTo("CREATE TABLE\nINSERT 0 1\n");
    }

    @Test
    void aRecordingKeepsIfBlocksAsTypedAndReplaysTheSameBranches() throws Exception {
        TestServer.freshDatabase("rr_cond_source");
        Path recording = dir.resolve("cond.sql");
        Path script = dir.resolve("cond-work.sql");
        Files.writeString(script, """
                record start cond.sql
                create table cond_t (a text);
                \\if :{?big}
                insert into cond_t values ('big');
                create-schema
                \\else
                insert into cond_t values ('small');
                \\endif
                record stop
                """);
        JarRun.Result made = shardprep("rr_cond_source", "-v", "ON_ERROR_STOP=1", "-f", script.toString());
        assertThat(made.err()).isEmpty();
        assertThat(made.exitCode()).isZero();
        // the branch not taken is written down too: the recording is the input as typed
        assertThat(Files.readString(recording)).contains("""
                create table cond_t (a text);
                \\if :{?big}
                insert into cond_t values ('big');
                create-schema
                \\else
                insert into cond_t values ('small');
                \\endif
                """);

        TestServer.freshDatabase("rr_cond_replayed");
        JarRun.Result replayed = shardprep("rr_cond_replayed", "-v", "ON_ERROR_STOP=1", "-c", "replay " + recording);
        assertThat(replayed.err()).isEmpty();
        assertThat(replayed.exitCode()).isZero();
        // the entries of the branch not taken are shown as narration, not run
        assertThat(replayed.out()).contains("insert into cond_t values ('big');\n").doesNotContain("CREATE TABLE stores");
        for (String db : new String[] {"rr_cond_source", "rr_cond_replayed"}) {
            try (var c = TestServer.connect(db); var st = c.createStatement();
                 var rs = st.executeQuery("select string_agg(a, ',') || '/' || (to_regclass('stores') is null) from cond_t")) {
                rs.next();
                assertThat(rs.getString(1)).as(db).isEqualTo("small/true");
            }
        }
    }

    @Test
    void aRecordingKeepsNoPassword() throws Exception {
        String db = "rr_secrets";
        TestServer.freshDatabase(db);
        Map<String, String> k = TestServer.keywords();
        String host = k.getOrDefault("host", "localhost");
        String port = k.get("port");
        String user = k.get("user");
        assumeTrue(!host.startsWith("/"), "the URI form below needs a TCP host");
        Path script = dir.resolve("secrets.sql");
        Files.writeString(script, String.join("\n",
                "record start secrets-recorded.sql",
                "\\c \"host=" + host + " port=" + port + " dbname=" + db + " user=" + user + " password=Sup3rSecretPw\"",
                "\\c postgresql://" + user + ":An0therSecretPw@" + host + ":" + port + "/" + db,
                "\\set API_TOKEN tok-Th1rdSecret",
                "\\set db_password 'F0urthSecret'",
                "create role rr_someone password 'F1fthSecret';",
                "\\password rr_someone",   // no terminal, standard input at its end: an empty password, refused
                "drop role rr_someone;",
                "-- a note with password=S1xthSecret",
                "select 1 as still_connected;",
                "record stop", ""));
        JarRun.Result r = shardprep(db, "-f", script.toString());
        assertThat(r.out()).contains("still_connected").contains("You are now connected to database \"" + db + "\"");

        String text = Files.readString(dir.resolve("secrets-recorded.sql"));
        for (String secret : List.of("Sup3rSecretPw", "An0therSecretPw", "Th1rdSecret", "F0urthSecret", "F1fthSecret", "S1xthSecret")) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(text).contains(
                "\\c \"host=" + host + " port=" + port + " dbname=" + db + " user=" + user + "\"\n",
                "\\c postgresql://" + user + "@" + host + ":" + port + "/" + db + "\n",
                "-- shardprep record: \\set API_TOKEN left out (a secret variable)\n",
                "-- shardprep record: \\set db_password left out (a secret variable)\n",
                "-- shardprep record: a statement holding a password left out\n",
                "-- shardprep record: \\password left out\n",
                "drop role rr_someone;\n",
                "-- shardprep record: a comment holding a password left out\n",
                "-- shardprep record: server host=" + host + " port=" + port + " dbname=" + db + " user=" + user + "\n");
    }

    @Test
    void includesLookBesideTheScriptAndOnErrorStopEndsTheReplay() throws Exception {
        TestServer.freshDatabase("rr_scripts");
        Files.createDirectories(dir.resolve("talk"));
        Files.writeString(dir.resolve("talk/main.sql"), """
                \\i part.sql
                select 1/0;
                select 'unreached' as never;
                """);
        Files.writeString(dir.resolve("talk/part.sql"), "select 'from the part' as included;\n");
        JarRun.Result going = shardprep("rr_scripts", "-c", "replay talk/main.sql --pause 5", "-c", "select 'after' as next_command");
        assertThat(going.out()).contains("rr_scripts=# \\i part.sql\nrr_scripts=# select 'from the part' as included;\n")
                .contains("unreached").contains("next_command");
        assertThat(going.err()).contains("shardprep:talk/main.sql:2: ERROR:  division by zero");

        JarRun.Result stopped = shardprep("rr_scripts", "-v", "ON_ERROR_STOP=1", "-c", "replay talk/main.sql", "-c", "select 'after' as next_command");
        assertThat(stopped.exitCode()).isEqualTo(3);
        assertThat(stopped.out()).contains("from the part").doesNotContain("unreached").doesNotContain("next_command");
        assertThat(stopped.err()).isEqualTo("shardprep:talk/main.sql:2: ERROR:  division by zero\n"
                + "replay stopped at talk/main.sql:2 (ON_ERROR_STOP)\n");
    }

    @Test
    void stepNeedsATerminal() throws Exception {
        TestServer.freshDatabase("rr_step_script");
        Files.writeString(dir.resolve("demo.sql"), "select 1;\n");
        JarRun.Result r = shardprep("rr_step_script", "-c", "replay demo.sql --step");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("replay: --step needs a terminal to answer at, and this shell reads a script; leave --step out\n");
        assertThat(r.out()).isEmpty();
    }

    /** A command's question (the console's confirm) answered y at the prompt: the recording gets --yes and replays. */
    @Test
    void aQuestionAnsweredAtThePromptIsRecordedAsItsYes() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = "rr_confirm";
        String conninfo = E2eScripts.loadedSample(db);
        Path recording = dir.resolve("confirm.sql");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", dir.toString()), conninfo)) {
            screen.await(db + "=#");
            screen.type("record start " + recording + "\r");
            screen.await("Recording to ");
            screen.type("load-all --from " + E2eScripts.SAMPLE_ZIP.toAbsolutePath() + " --fresh\r");
            screen.await("and load again? [y/N] ");
            screen.type("y\r");
            screen.await("Counts: ");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
        }
        assertThat(Files.readString(recording)).contains("load-all --from " + E2eScripts.SAMPLE_ZIP.toAbsolutePath() + " --fresh --yes\n");
        // and it runs as it ran: in a script, where nobody could answer, --yes does
        JarRun.Result again = shardprep(db, "-f", recording.toString());
        assertThat(again.err()).isEmpty();
        assertThat(again.out()).contains("Counts: ");
    }

    @Test
    void recordingAtThePromptKeepsMultiLineStatementsAndCopyData() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = "rr_prompt";
        String conninfo = TestServer.freshDatabase(db);
        Path recording = dir.resolve("prompt.sql");
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", dir.toString()), conninfo)) {
            screen.await(db + "=#");
            screen.type("record start " + recording + "\r");
            screen.await("Recording to ");
            screen.type("create table demo_stores (id int,\r");
            screen.type("  name text);\r");
            screen.await("CREATE TABLE");
            screen.type("copy demo_stores from stdin;\r");
            screen.await(">> ");
            screen.type("1\tAlpha\r");
            screen.type("2\tBeta\r");
            screen.type("\\.\r");
            screen.await("COPY 2");
            screen.type("record\r");
            screen.await("(2 entries so far)");
            screen.type("\\q\r");                               // ends the recording with the shell
            assertThat(screen.exitStatus()).isZero();
        }
        String text = Files.readString(recording);
        assertThat(text).contains("""
                create table demo_stores (id int,
                  name text);
                copy demo_stores from stdin;
                1\tAlpha
                2\tBeta
                \\.
                -- shardprep record: ended with the shell""").doesNotContain("\\q").doesNotContain("record start").doesNotContain("\nrecord\n");

        TestServer.freshDatabase("rr_prompt_again");
        JarRun.Result again = shardprep("rr_prompt_again", "-f", recording.toString());
        assertThat(again.err()).isEmpty();
        assertThat(again.out()).isEqualTo("CREATE TABLE\nCOPY 2\n");
    }

    @Test
    void replayTypesNarratesStepsSkipsAndStops() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = "rr_present";
        String conninfo = TestServer.freshDatabase(db);
        Path demo = dir.resolve("demo.sql");
        Files.writeString(demo, """
                -- First, a table of our own
                create table demo (n int);
                insert into demo values (1);
                insert into demo values (2);
                select count(*) as rows_in_demo from demo;
                insert into demo values (3);
                """);
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", dir.toString()), conninfo)) {
            screen.await(db + "=#");
            screen.type("replay " + demo + " --typing 200 --step\r");
            screen.await("create table demo (n int);");
            screen.await("[s] skip");
            screen.type("\r");                                   // run it
            screen.await("CREATE TABLE");
            screen.await("insert into demo values (1);");
            screen.type("\r");
            screen.await("INSERT 0 1");
            screen.await("insert into demo values (2);");
            screen.type("x");                                    // not an answer: says which keys are
            screen.await("x does nothing here: Enter runs, s skips, q stops");
            screen.type("s");                                    // skip it, one key, no Enter
            screen.await("(skipped)");
            screen.await("select count(*) as rows_in_demo from demo;");
            screen.type("\r");
            screen.await("(1 row)");
            screen.await("insert into demo values (3);");
            screen.type("q");                                    // stop before it
            screen.await("Replay stopped at " + demo + ":6 (q at the step prompt).");
            screen.type("select 'back' as at_the_prompt;\r");
            screen.await("at_the_prompt");
            String seen = screen.text();
            // narration, then each statement typed after the prompt, then its output
            int narration = seen.indexOf("-- First, a table of our own");
            int typed = seen.indexOf(db + "=# create table demo (n int);");
            int output = seen.indexOf("CREATE TABLE");
            assertThat(narration).isPositive().isLessThan(typed);
            assertThat(typed).isLessThan(output);
            assertThat(seen).contains("\u001b[3;2m-- First, a table of our own");   // dim italics at a terminal
            assertThat(seen).containsPattern("rows_in_demo \\r\\n-+\\r\\n +1\\r\\n\\(1 row\\)");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
        }
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select string_agg(n::text, ',' order by n) from demo")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1");   // 2 skipped, 3 never reached
        }
    }

    @Test
    void ctrlCCancelsTheRunningStatementAndTheReplayGoesOn() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = "rr_cancel";
        String conninfo = TestServer.freshDatabase(db);
        Path demo = dir.resolve("slow.sql");
        Files.writeString(demo, """
                select pg_sleep(30);
                select 'the next statement' as after_the_sleep;
                """);
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of("HOME", dir.toString()), conninfo)) {
            screen.await(db + "=#");
            screen.type("replay " + demo + "\r");
            screen.await(db + "=# select pg_sleep(30);");
            Thread.sleep(1000);
            screen.type("\u0003");                               // Ctrl-C while it runs
            screen.await("canceling statement due to user request");
            screen.await("the next statement");                 // the replay went on
            assertThat(screen.text()).contains("Cancel request sent").doesNotContain("Replay stopped");
            screen.type("\\q\r");
            assertThat(screen.exitStatus()).isZero();
        }
    }
}
