package org.shardprep.shell.record;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shardprep.TestServer;
import org.shardprep.connect.ConnectionRequest;
import org.shardprep.connect.ConnectionSettingsResolver;
import org.shardprep.command.CommandError;
import org.shardprep.shell.input.CopyDataInput;
import org.shardprep.shell.input.InputEntry;
import org.shardprep.shell.input.InputObserver;
import org.shardprep.shell.InputProcessor;
import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.session.Session;
import org.shardprep.command.ShellCommands;
import org.shardprep.sql.SessionConnection;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The main loop's hook on a real server: what a recording writes of input fed as the prompt feeds it, and what a
 * replay's observer sees, skips and stops.
 */
class RecordingInputTest {

    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Session> sessions = new ArrayList<>();

    private Session session(String db) throws Exception {
        String conninfo = TestServer.freshDatabase(db);
        var settings = new ConnectionSettingsResolver(w -> { })
                .resolve(ConnectionRequest.ofConnInfo(conninfo), Map.of(), Path.of("/nonexistent"));
        Session s = new Session(SessionConnection.open(settings), null, null,
                new PrintWriter(out, true), new PrintStream(out, true), false);
        sessions.add(s);
        return s;
    }

    @AfterEach
    void close() {
        sessions.forEach(Session::close);
    }

    private static void start(Session s, Path file) {
        var c = s.connection();
        s.recorder().start(file, file.getFileName().toString(),
                new Recorder.Server(c.host(), c.port(), c.database(), c.user(), null), s.location());
    }

    /** The recording without the recorder's own comment lines. */
    private static String body(Path file) throws Exception {
        return String.join("\n", Files.readAllLines(file).stream().filter(l -> !l.startsWith(RecordedText.MARK)).toList());
    }

    private static String rows(String db) throws Exception {
        try (Connection c = TestServer.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select string_agg(a || ':' || b, ',' order by a) from t")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void promptInputIsWrittenAsTypedAndReplaysToTheSameRows() throws Exception {
        Session s = session("rec_prompt");
        InputProcessor prompt = new InputProcessor(s, ShellCommands.NONE);
        Path file = dir.resolve("session.sql");
        start(s, file);
        // COPY data at the prompt ends with Ctrl-D here (no \.): the recording must still end it
        s.setCopyDataInput(CopyDataInput.of(new BufferedReader(new StringReader("4\tw\n5\tv\n")), null));
        for (String line : List.of(
                "-- a table for the demo",
                "create table t (a int,",
                "",
                "   b text);",
                "insert into t values (1, 'x'); insert into t values (2, 'y');   -- two on a line",
                "\\set n 3",
                "\\set API_KEY not-for-the-file",
                "insert into t values (:n, 'z');",
                "copy t from stdin;",
                "select count(*)",
                "  from t \\g")) {
            prompt.processLine(line);
        }
        assertThat(s.recorder().stop().entries()).isEqualTo(10);

        assertThat(body(file)).isEqualTo("""
                -- a table for the demo
                create table t (a int,

                   b text);
                insert into t values (1, 'x');
                insert into t values (2, 'y');
                -- two on a line
                \\set n 3
                insert into t values (:n, 'z');
                copy t from stdin;
                4\tw
                5\tv
                \\.
                select count(*)
                  from t \\g""");
        assertThat(Files.readString(file)).doesNotContain("not-for-the-file").contains("\\set API_KEY left out");
        assertThat(Files.readString(file)).startsWith("-- shardprep record: started ");

        Session fresh = session("rec_prompt_replayed");
        List<String> shown = new ArrayList<>();
        List<String> narrated = new ArrayList<>();
        InputProcessor replay = InputProcessor.observed(fresh, ShellCommands.NONE, observer(shown, narrated, InputObserver.Verdict.RUN));
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            assertThat(replay.runScript(reader, new ScriptLocation(file.toString()))).isZero();
        }
        assertThat(rows("rec_prompt_replayed")).isEqualTo(rows("rec_prompt")).isEqualTo("1:x,2:y,3:z,4:w,5:v");
        // a script's empty lines are dropped before the scanner sees them, as psql's MainLoop drops them
        assertThat(shown).contains("create table t (a int,\n   b text);", "copy t from stdin;", "select count(*)\n  from t \\g");
        assertThat(narrated).contains("-- a table for the demo", "-- two on a line");
    }

    @Test
    void onlyTheLineThatRanAnIncludeIsWritten() throws Exception {
        Session s = session("rec_include");
        InputProcessor prompt = new InputProcessor(s, ShellCommands.NONE);
        Files.writeString(dir.resolve("inner.sql"), "select 'inner' as x;\n");
        Path file = dir.resolve("outer.sql");
        start(s, file);
        prompt.processLine("\\i " + dir.resolve("inner.sql"));
        prompt.processLine("select 'after' as y;");
        s.recorder().stop();
        assertThat(body(file)).isEqualTo("\\i " + dir.resolve("inner.sql") + "\nselect 'after' as y;");
    }

    @Test
    void anUnfinishedStatementHandedBackToTheEditorIsWrittenOnceSent() throws Exception {
        Session s = session("rec_pending");
        InputProcessor prompt = new InputProcessor(s, ShellCommands.NONE);
        Path file = dir.resolve("pending.sql");
        start(s, file);
        prompt.processLine("select 1 as one; select 2");
        assertThat(prompt.takePending()).isEqualTo("select 2");
        prompt.processLine("select 2 as two;");
        s.recorder().stop();
        assertThat(body(file)).isEqualTo("select 1 as one;\nselect 2 as two;");
    }

    @Test
    void aSkippedCopyTakesItsDataWithItAndStopEndsTheScript() throws Exception {
        Session s = session("rec_skip");
        s.execute("create table t (a int, b text)");
        List<String> shown = new ArrayList<>();
        InputObserver skipCopyStopAtThree = new InputObserver() {
            @Override public Verdict beforeRun(InputEntry entry) {
                shown.add(entry.text());
                if (entry.text().startsWith("copy")) return Verdict.SKIP;
                if (entry.text().contains("(3,")) return Verdict.STOP;
                return Verdict.RUN;
            }
            @Override public void comment(String text) { }
            @Override public boolean stopOnInterrupt() { return false; }
        };
        String script = """
                insert into t values (1, 'a');
                copy t from stdin;
                9\tnot loaded
                \\.
                insert into t values (2, 'b');
                insert into t values (3, 'c');
                insert into t values (4, 'd');
                """;
        InputProcessor replay = InputProcessor.observed(s, ShellCommands.NONE, skipCopyStopAtThree);
        replay.runScript(new BufferedReader(new StringReader(script)), new ScriptLocation("demo.sql"));
        assertThat(replay.stopped()).isTrue();
        assertThat(rows("rec_skip")).isEqualTo("1:a,2:b");
        assertThat(shown).containsExactly("insert into t values (1, 'a');", "copy t from stdin;",
                "insert into t values (2, 'b');", "insert into t values (3, 'c');");
    }

    @Test
    void refusesASecondStartAndAFileItCannotWrite() throws Exception {
        Session s = session("rec_refusals");
        assertThatThrownBy(() -> start(s, dir.resolve("no/such/dir/x.sql")))
                .isInstanceOf(CommandError.class).hasMessage("cannot record to x.sql: No such file or directory");
        assertThat(s.recorder().active()).isFalse();
        start(s, dir.resolve("one.sql"));
        assertThatThrownBy(() -> start(s, dir.resolve("two.sql")))
                .isInstanceOf(CommandError.class).hasMessage("already recording to one.sql; record stop ends that first");
        assertThat(dir.resolve("two.sql")).doesNotExist();
        assertThat(s.recorder().writes(dir.resolve("sub/../one.sql"))).isTrue();   // replay refuses to read it
    }

    @Test
    void theRecordingEndsWithTheSession() throws Exception {
        Session s = session("rec_close");
        InputProcessor prompt = new InputProcessor(s, ShellCommands.NONE);
        Path file = dir.resolve("closed.sql");
        start(s, file);
        prompt.processLine("select 1;");
        assertThat(Files.readString(file)).endsWith("select 1;\n");   // flushed at once
        s.close();
        assertThat(Files.readAllLines(file)).last().asString().startsWith("-- shardprep record: ended with the shell ");
    }

    private static InputObserver observer(List<String> shown, List<String> narrated, InputObserver.Verdict verdict) {
        return new InputObserver() {
            @Override public Verdict beforeRun(InputEntry entry) {
                shown.add(entry.text());
                return verdict;
            }
            @Override public void comment(String text) { narrated.add(text); }
            @Override public boolean stopOnInterrupt() { return false; }
        };
    }
}
