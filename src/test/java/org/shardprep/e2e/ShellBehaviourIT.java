package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the built jar does with -c, stdin, bad input and lost connections, with psql's exit statuses. */
class ShellBehaviourIT {

    private static final String DB = TestServer.freshDatabase("e2e_behaviour");

    @Test
    void commandStringsRunInOrderAndTheLastOneDecidesTheStatus() {
        JarRun.Result r = JarRun.shardprep(null, "-At", "-c", "select 1", "-c", "select 2", DB);
        assertThat(r.out()).isEqualTo("1\n2\n");
        assertThat(r.exitCode()).isZero();

        assertThat(JarRun.shardprep(null, "-c", "select 1/0", DB).exitCode()).isEqualTo(1);
        JarRun.Result recovered = JarRun.shardprep(null, "-At", "-c", "select 1/0", "-c", "select 3", DB);
        assertThat(recovered.exitCode()).isZero();
        assertThat(recovered.err()).isEqualTo("ERROR:  division by zero\n");
    }

    @Test
    void backslashCommandsInCommandStrings() {
        JarRun.Result r = JarRun.shardprep(null, "-c", "\\echo hello world", DB);
        assertThat(r.out()).isEqualTo("hello world\n");
        JarRun.Result bad = JarRun.shardprep(null, "-c", "\\foo", DB);
        assertThat(bad.err()).isEqualTo("invalid command \\foo\n");
        assertThat(bad.exitCode()).isEqualTo(1);
    }

    @Test
    void aMissingOrMalformedCommandOptionIsOneErrorLineAndFailsTheCommand() {
        JarRun.Result missing = JarRun.shardprep(null, "-c", "unschedule", DB);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("unschedule: missing JOB (see \"unschedule --help\")\n");
        assertThat(missing.exitCode()).isEqualTo(1);
        // in a script with ON_ERROR_STOP the script stops there, as at a failing statement
        JarRun.Result stopped = JarRun.shardprep("select 1 as a;\nsimulate-orders run --orders many\nselect 2 as b;\n",
                "-At", "-v", "ON_ERROR_STOP=1", DB);
        assertThat(stopped.out()).isEqualTo("1\n");
        assertThat(stopped.err()).isEqualTo("simulate-orders run: --orders: expected a whole number, got \"many\"\n");
        assertThat(stopped.exitCode()).isEqualTo(3);
    }

    @Test
    void timingPrintsPsqlsLine() {
        JarRun.Result r = JarRun.shardprep(null, "-At", "-c", "\\timing on", "-c", "select 1", DB);
        assertThat(r.out()).matches("(?s)Timing is on\\.\n1\nTime: \\d+\\.\\d{3} ms\n");
    }

    @Test
    void pipedStdinRunsAsAScriptWithoutPrefix() {
        JarRun.Result r = JarRun.shardprep("select 1 as a;\nselect 1/0;\nselect 2 as b;\n", "-At", DB);
        assertThat(r.out()).isEqualTo("1\n2\n");
        assertThat(r.err()).isEqualTo("ERROR:  division by zero\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void fileDashIsStdinWithPsqlsPrefix() {
        JarRun.Result r = JarRun.shardprep("select 1/0;\n", "-f", "-", DB);
        assertThat(r.err()).isEqualTo("shardprep:<stdin>:1: ERROR:  division by zero\n");
    }

    @Test
    void onErrorStopStopsAScriptWithStatusThree() {
        JarRun.Result r = JarRun.shardprep("select 1 as a;\nselect 1/0;\nselect 2 as b;\n", "-At", "-v", "ON_ERROR_STOP=1", DB);
        assertThat(r.out()).isEqualTo("1\n");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void unterminatedQuoteAtTheEndOfAFileIsRefusedNamingFileAndLine() throws IOException {
        Path dir = TestFiles.directory("e2e");
        Path script = dir.resolve("broken.sql");
        Files.writeString(script, "create table before_quote(a int);\nselect 'this quote\nnever ends;\n");
        JarRun.Result r = JarRun.shardprep(null, "-f", script.toString(), DB);
        assertThat(r.out()).isEqualTo("CREATE TABLE\n");
        assertThat(r.err()).isEqualTo("shardprep:" + script + ":2: error: unterminated quoted string at end of input; nothing was sent\n");
        // nothing of the broken statement reached the server: the session's last statement was the CREATE
        JarRun.Result check = JarRun.shardprep(null, "-At", "-c", "select count(*) from before_quote", DB);
        assertThat(check.out()).isEqualTo("0\n");
    }

    @Test
    void unterminatedCommentToo() throws IOException {
        Path script = TestFiles.directory("e2e").resolve("comment.sql");
        Files.writeString(script, "select 1;\n/* open\ncomment\n");
        JarRun.Result r = JarRun.shardprep(null, "-At", "-v", "ON_ERROR_STOP=1", "-f", script.toString(), DB);
        assertThat(r.err()).isEqualTo("shardprep:" + script + ":2: error: unterminated /* comment at end of input; nothing was sent\n");
        assertThat(r.exitCode()).isEqualTo(3);
    }

    @Test
    void statementWithoutSemicolonAtEndOfFileIsSentAsPsqlDoes() {
        JarRun.Result r = JarRun.shardprep("select 41 + 1", "-At", DB);
        assertThat(r.out()).isEqualTo("42\n");
    }

    @Test
    void unknownOptionIsOneLineAndStatusOneAsPsqls() {
        JarRun.Result r = JarRun.shardprep(null, "--bogus");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("shardprep: error: unrecognized option '--bogus'");
        assertThat(r.exitCode()).isEqualTo(1);   // psql 15: psql --no-such-option; echo $? says 1
    }

    @Test
    void psetOnTheCommandLineIsApplied() {
        JarRun.Result r = JarRun.shardprep(null, "-P", "null=X", "-P", "footer=off", "-c", "select null as n", DB);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(" n \n---\n X\n\n");
        JarRun.Result bad = JarRun.shardprep(null, "-P", "nosuch=1", "-c", "select 1", DB);
        assertThat(bad.err()).isEqualTo("shardprep: error: \\pset: unknown option: nosuch\n"
                + "shardprep: error: could not set printing parameter \"nosuch\"\n");
        assertThat(bad.out()).isEmpty();
        assertThat(bad.exitCode()).isEqualTo(1);
    }

    @Test
    void aCommandStringPrintsExactlyItsResultAndNothingOnStderr() {
        // no logging library may add a line of its own (a stray "No appenders present" once did)
        JarRun.Result r = JarRun.shardprep(null, "-c", "select 1", DB);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(" ?column? \n----------\n        1\n(1 row)\n\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void onAPlatformWhoseBinariesTheJarLacksTheEmbeddedServerSaysWhatToDoInstead() throws IOException {
        // this jar holds one platform's binaries (linux here): the JVM is told it runs on Apple silicon
        Path home = TestFiles.directory("home");
        JarRun.Result r = JarRun.run(List.of(JarRun.javaBinary(), "-Dos.name=Mac OS X", "-Dos.arch=aarch64", "-jar",
                JarRun.JAR.toString(), "-c", "select 1"), null, Map.of("HOME", home.toString()));
        assertThat(r.err()).isEqualTo("shardprep: error: this shardprep has no embedded server for Mac OS X aarch64 (it was built "
                + "for another platform): connect to any PostgreSQL instead, with -h HOST -p PORT [-U USER] [DBNAME] or a conninfo "
                + "(\"host=... port=... dbname=...\"), or build shardprep on this machine (README: Building for another platform)\n");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(home.resolve(".shardprep/embedded")).doesNotExist();
    }

    @Test
    void malformedConninfoIsOneLineAndStatusTwo() {
        JarRun.Result r = JarRun.shardprep(null, "-c", "select 1", "host=localhost port=x");
        assertThat(r.err()).isEqualTo("shardprep: error: invalid integer value \"x\" for connection option \"port\"\n");
        assertThat(r.exitCode()).isEqualTo(2);
        JarRun.Result quote = JarRun.shardprep(null, "-c", "select 1", "host='localhost");
        assertThat(quote.err().lines()).hasSize(1);
        assertThat(quote.exitCode()).isEqualTo(2);
    }

    @Test
    void refusedConnectionIsStatusTwoWithoutStackTrace() {
        JarRun.Result r = JarRun.shardprep(null, "-c", "select 1", "host=127.0.0.1 port=1 user=x dbname=x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("shardprep: error: connection to server at \"127.0.0.1\", port 1 failed");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void lostConnectionInAScriptStopsWithStatusTwo() {
        JarRun.Result r = JarRun.shardprep("select pg_terminate_backend(pg_backend_pid());\nselect 2;\n", "-f", "-", DB);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("""
                shardprep:<stdin>:1: FATAL:  terminating connection due to administrator command
                shardprep:<stdin>:1: server closed the connection unexpectedly
                \tThis probably means the server terminated abnormally
                \tbefore or while processing the request.
                shardprep:<stdin>:1: error: connection to server was lost
                """);
    }

    @Test
    void noticesArriveWhileALongStatementRuns() throws Exception {
        Process p = start("-c", "do $$ begin raise notice 'first'; perform pg_sleep(4); raise notice 'second'; end $$", DB);
        long started = System.nanoTime();
        try (var err = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream()))) {
            assertThat(err.readLine()).isEqualTo("NOTICE:  first");
            double firstAfter = (System.nanoTime() - started) / 1e9;
            assertThat(err.readLine()).isEqualTo("NOTICE:  second");
            double secondAfter = (System.nanoTime() - started) / 1e9;
            // the first notice came while the DO block was still sleeping, not with the result
            assertThat(secondAfter - firstAfter).isGreaterThan(3.0);
        }
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes())).isEqualTo("DO\n");
    }

    @Test
    void ctrlCStopsAScriptLikePsqlWithStatusThree() throws Exception {
        Process p = start("-f", "-", DB);
        try (var in = p.getOutputStream()) {
            in.write("select pg_sleep(60);\nselect 'after' as never;\n".getBytes());
        }
        Thread.sleep(2500);   // the JVM is up and the statement runs on the server
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(3);
        assertThat(new String(p.getErrorStream().readAllBytes()))
                .isEqualTo("Cancel request sent\nshardprep:<stdin>:1: ERROR:  canceling statement due to user request\n");
        assertThat(new String(p.getInputStream().readAllBytes())).doesNotContain("never");
    }

    @Test
    void ctrlCEndsWatchAndTheScriptGoesOnAsPsql() throws Exception {
        Process p = start("-X", "-f", "-", DB);
        try (var in = p.getOutputStream()) {
            in.write("select 1 as a \\watch 0.3\nselect 2 as after_watch;\n".getBytes());
        }
        Thread.sleep(3000);
        new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).isZero();
        assertThat(out).matches("(?s)\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4} \\(every 0.3s\\)\n\n a \n---\n 1\n\\(1 row\\)\n\n.*");
        assertThat(out).contains("(every 0.3s)").endsWith(" after_watch \n-------------\n           2\n(1 row)\n\n");
        assertThat(out.split("\\(every 0.3s\\)", -1).length - 1).isGreaterThanOrEqualTo(2);
    }

    @Test
    void reconnectWithBackslashC() {
        JarRun.Result r = JarRun.shardprep(null, "-At", "-c", "\\c postgres", "-c", "select current_database()",
                "-c", "\\c e2e_behaviour", "-c", "select current_database()", DB);
        assertThat(r.out()).isEqualTo("You are now connected to database \"postgres\" as user \"" + TestServer.keywords().get("user")
                + "\".\npostgres\nYou are now connected to database \"e2e_behaviour\" as user \"" + TestServer.keywords().get("user")
                + "\".\ne2e_behaviour\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void failedReconnectStopsAScriptWithStatusTwo() {
        JarRun.Result r = JarRun.shardprep("\\c nosuchdatabase\nselect 'not reached';\n", "-f", "-", DB);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).doesNotContain("not reached");
        assertThat(r.err()).startsWith("shardprep:<stdin>:1: error: connection to server at").contains("nosuchdatabase")
                .doesNotContain("Exception");
    }

    @Test
    void clientEncodingOtherThanUtf8IsRefusedBeforeSending() {
        JarRun.Result r = JarRun.shardprep(null, "-At", "-c", "SET CLIENT_ENCODING TO 'utf8'", "-c", "set client_encoding = 'LATIN1'",
                "-c", "show client_encoding", "-c", "\\encoding", "-c", "\\encoding latin1", DB);
        assertThat(r.out()).isEqualTo("SET\nUTF8\nUTF8\n");
        assertThat(r.err()).isEqualTo("ERROR:  client encoding \"LATIN1\" is not supported: shardprep talks UTF8 to the server (pgjdbc requires it)\n"
                + "client encoding \"latin1\" is not supported: shardprep talks UTF8 to the server (pgjdbc requires it)\n");
    }

    @Test
    void minusVWithoutValueUnsets() {
        JarRun.Result r = JarRun.shardprep(null, "-v", "x=1", "-v", "x", "-c", "\\echo :x", DB);
        assertThat(r.out()).isEqualTo(":x\n");
    }

    @Test
    void minusVWithABadValueOfASpecialVariableStopsAsPsql() {
        // psql 15: psql -v VERBOSITY=x -c 'select 1' prints this (as "psql: error: ...") and nothing else, status 1
        JarRun.Result r = JarRun.shardprep(null, "-v", "VERBOSITY=x", "-c", "select 1", DB);
        assertThat(r.err()).isEqualTo("shardprep: error: unrecognized value \"x\" for \"VERBOSITY\"\n"
                + "Available values are: default, verbose, terse, sqlstate.\n");
        assertThat(r.out()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(1);
        // an unset special variable is its default
        assertThat(JarRun.shardprep(null, "-v", "HISTSIZE", "-c", "\\echo :HISTSIZE", DB).out()).isEqualTo("500\n");
    }

    @Test
    void fieldSeparatorInUnalignedMode() {
        JarRun.Result r = JarRun.shardprep(null, "-A", "-F", ",", "-c", "select 1 as a, 'x' as b", DB);
        assertThat(r.out()).isEqualTo("a,b\n1,x\n(1 row)\n");
    }

    private static Process start(String... args) throws java.io.IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        return pb.start();
    }

    @Test
    void embeddedServerIsTheDefaultAndKeepsItsData() throws IOException {
        Path home = TestFiles.directory("home");
        Map<String, String> env = Map.of("HOME", home.toString());
        List<String> base = List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toString());
        JarRun.Result first = JarRun.run(concat(base, "-At", "-c", "create table kept(a int)",
                "-c", "select current_database() || ' ' || current_user"), null, env);
        assertThat(first.err()).isEmpty();
        assertThat(first.out()).isEqualTo("CREATE TABLE\ncitus citus\n");
        assertThat(home.resolve(".shardprep/embedded/PG_VERSION")).exists();

        JarRun.Result second = JarRun.run(concat(base, "-At", "-c", "select count(*) from kept"), null, env);
        assertThat(second.out()).isEqualTo("0\n");
        assertThat(second.exitCode()).isZero();

        // a scheduled job is kept with the database and comes back on the next start (kept by data directory:
        // the embedded server's port may have had to fall back to another)
        JarRun.Result scheduled = JarRun.run(concat(base, "-q", "-c", "schedule kept_job '@daily' 'select 1'", "-c", "job pause kept_job"), null, env);
        assertThat(scheduled.exitCode()).as(scheduled.err()).isZero();
        JarRun.Result back = JarRun.run(concat(base, "-At", "-c", "jobs"), null, env);
        assertThat(back.out()).contains("kept_job|@daily|select 1|f");
    }

    /**
     * psql users keep a second window on the same server: a second shardprep joins the embedded server of the
     * first, psql reaches it on the port both announce (the same at every start), and the server stops only
     * when the last shell on it leaves, whichever started it.
     */
    @Test
    void shellsOnTheSameEmbeddedDirectoryShareItsServerUntilTheLastOneLeaves() throws Exception {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        Path dir = TestFiles.directory("emb").resolve("data");
        List<String> base = List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toString(), "--embedded-dir", dir.toString());
        // shells that stay until their input ends
        Process first = background(base);
        first.getOutputStream().write("create table shared(n int);\ninsert into shared values (7);\n".getBytes());
        first.getOutputStream().flush();
        Process third = null;
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!Files.exists(dir.resolve("postmaster.pid")) && System.currentTimeMillis() < deadline) Thread.sleep(200);
            JarRun.Result second;
            do {
                Thread.sleep(300);
                second = JarRun.run(concat(base, "-At", "-c", "select n from shared", "-c", "\\conninfo"), null, Map.of());
            } while (second.exitCode() != 0 && System.currentTimeMillis() < deadline);
            assertThat(second.err()).isEmpty();
            assertThat(second.out()).startsWith("7\n");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "(?m)^embedded server: host=localhost port=(\\d+) \\(psql -h localhost -p \\1 -U citus citus\\)$").matcher(second.out());
            assertThat(m.find()).as(second.out()).isTrue();
            String port = m.group(1);
            assertThat(Files.readString(dir.resolve("shardprep.port")).strip()).isEqualTo(port);

            // the second shell has left; the first is still on the server, and psql reaches it as announced
            List<String> viaPsql = List.of(psql, "-X", "-At", "-h", "localhost", "-p", port, "-U", "citus", "-c", "select n from shared", "citus");
            assertThat(JarRun.run(viaPsql, null, Map.of()).out()).isEqualTo("7\n");

            // a third joins and outlives the first, which started the server: the server stays for the third
            third = background(base);
            Path shells = dir.resolveSibling("data.shells");
            while (shellCount(shells) < 2 && System.currentTimeMillis() < deadline + 60_000) Thread.sleep(200);
            assertThat(shellCount(shells)).isEqualTo(2);
            first.getOutputStream().close();
            assertThat(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).isZero();
            assertThat(JarRun.run(viaPsql, null, Map.of()).out()).isEqualTo("7\n");
            third.getOutputStream().close();
            assertThat(third.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(third.exitValue()).isZero();

            // the last one left: the server stopped cleanly
            JarRun.Result gone = JarRun.run(viaPsql, null, Map.of());
            assertThat(gone.exitCode()).isEqualTo(2);
            assertThat(dir.resolve("postmaster.pid")).doesNotExist();

            // and the next start listens on the same port
            JarRun.Result again = JarRun.run(concat(base, "-At", "-c", "\\conninfo"), null, Map.of());
            assertThat(again.out()).contains("embedded server: host=localhost port=" + port + " (");
            // which the prompt says at start-up, under the greeting
            if (PseudoTerminal.available()) {
                try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), "--embedded-dir", dir.toString())) {
                    screen.await("embedded server: host=localhost port=" + port + " (psql -h localhost -p " + port + " -U citus citus)");
                    screen.await("citus=#");
                    screen.type("\\q\r");
                    assertThat(screen.exitStatus()).isZero();
                }
            }
        } finally {
            first.destroy();
            if (third != null) third.destroy();
        }
    }

    private static long shellCount(Path shells) throws IOException {
        if (!Files.isDirectory(shells)) return 0;
        try (var files = Files.list(shells)) {
            return files.count();
        }
    }

    /** The jar in the background reading its input from us, its output thrown away, no PG* variables, a scratch HOME. */
    private static Process background(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("HOME", TestFiles.directory("shardprep-home").toString());
        return pb.start();
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
