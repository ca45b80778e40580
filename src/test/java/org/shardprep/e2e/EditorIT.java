package org.shardprep.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.TestFiles;
import org.shardprep.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * \e, \ef and \ev with a real editor: a shell script of the test's as PSQL_EDITOR, which says how it was called
 * on standard error and then appends to the file, replaces it, leaves it alone or fails. The same input runs
 * through psql 15 and through the jar, each in a directory and a database of its own, and must print the same
 * (the temporary file's name aside).
 */
class EditorIT {

    private static Path editor;

    @BeforeAll
    static void editorScript() throws IOException {
        editor = TestFiles.file("editor", ".sh");
        Files.writeString(editor, """
                #!/bin/sh
                echo "editor: $*" >&2
                for file; do :; done
                echo "$file" >> "$EDIT_LOG"
                case "$EDIT_MODE" in
                  append) printf '%s' "$EDIT_TEXT" >> "$file" ;;
                  replace) printf '%s' "$EDIT_TEXT" > "$file" ;;
                  fail) exit 3 ;;
                esac
                exit 0
                """);
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void bufferEndingInSemicolonIsSentAtOnce() {
        Runs r = both("select 1 as a\n\\e\n\\p\n", append(";"));
        assertThat(r.ours.out()).isEqualTo(" a \n---\n 1\n(1 row)\n\nselect 1 as a\n;\n");
    }

    @Test
    void bufferWithoutSemicolonStaysInTheBuffer() {
        Runs r = both("select 1 as a\n\\e\n\\p\n\\g\n", append(", 2 as b"));
        // \p shows it with the newline the editor's file ends in; \g sends it
        assertThat(r.ours.out()).isEqualTo("select 1 as a\n, 2 as b\n\n a | b \n---+---\n 1 | 2\n(1 row)\n\n");
    }

    @Test
    void unchangedBufferIsKeptAndUnchangedPreviousQueryDropped() {
        Runs kept = both("select 3 as c\n\\e\n\\p\n", mode("keep"));
        // kept, ended by a newline, and sent at the end of the input
        assertThat(kept.ours.out()).isEqualTo("select 3 as c\n\n c \n---\n 3\n(1 row)\n\n");
        Runs previous = both("select 4 as d;\n\\e\n\\p\n", mode("keep"));
        assertThat(previous.ours.out()).isEqualTo(" d \n---\n 4\n(1 row)\n\nselect 4 as d;\n");
    }

    @Test
    void editedTextIsScannedAsNewInput() {
        Runs r = both("\\e\n", replace("select 1 as one;\n\\echo mid\nselect 2 as two;\nselect 3\n"));
        // psql's slash-command lexer reads \echo's arguments across the newlines of the edited text
        assertThat(r.ours.out()).isEqualTo(" one \n-----\n   1\n(1 row)\n\nmid select 2 as two; select 3\n");
        Runs rest = both("select 4\n\\e \\echo dropped\n", append(";"));
        assertThat(rest.ours.out()).doesNotContain("dropped").contains("        4\n");
    }

    @Test
    void lineNumberGoesToTheEditorWithItsArgument() {
        Map<String, String> env = append(";");
        env.put("PSQL_EDITOR_LINENUMBER_ARG", "--line=");
        Runs r = both("select 1 as a\n\\e 3\n", env);
        assertThat(r.ours.err()).startsWith("editor: --line=3 ");
        // without PSQL_EDITOR_LINENUMBER_ARG psql's default, "+" (Debian's psql is built without one)
        JarRun.Result plain = ours("select 1 as a\n\\e 3\n", append(";"), "lines");
        assertThat(plain.err()).startsWith("editor: +3 ");
        assertThat(plain.out()).contains(" a \n---\n 1\n");
    }

    @Test
    void fileIsEditedAndLoaded() throws IOException {
        Map<String, String> env = append("select 8 as m");
        Runs r = both("select 7\n\\e f.sql\n\\p\n", env, dir -> Files.writeString(dir.resolve("f.sql"), "select 9 as n;\n"));
        assertThat(r.ours.out()).isEqualTo(" n \n---\n 9\n(1 row)\n\nselect 8 as m\n\n m \n---\n 8\n(1 row)\n\n");
        assertThat(r.ours.err()).isEqualTo("editor: f.sql\n");
        assertThat(Files.readString(r.oursDir.resolve("f.sql"))).isEqualTo("select 9 as n;\nselect 8 as m");

        Map<String, String> lines = mode("keep");
        lines.put("PSQL_EDITOR_LINENUMBER_ARG", "+");
        Runs unchanged = both("select 7\n\\e f.sql 2 extra\n\\p\n", lines, dir -> Files.writeString(dir.resolve("f.sql"), "select 9;\n"));
        assertThat(unchanged.ours.out()).isEqualTo("Query buffer is empty.\n");
        assertThat(unchanged.ours.err()).isEqualTo("editor: +2 f.sql\n\\e: extra argument \"extra\" ignored\n");

        Runs missing = both("select 7\n\\e nosuch.sql\n\\p\n", mode("keep"));
        assertThat(missing.ours.err()).isEqualTo("nosuch.sql: No such file or directory\n");
        assertThat(missing.ours.out()).isEqualTo("Query buffer is empty.\n");
    }

    @Test
    void editorFailures() {
        Runs failing = both("select 1 as a\n\\e\n\\p\n", mode("fail"));
        assertThat(failing.ours.out()).startsWith("select 1 as a\n\n a \n");   // kept, and sent at the end
        Runs stopped = both("select 2\n\\e\n\\echo after\n", mode("fail"), "-v", "ON_ERROR_STOP=1");
        assertThat(stopped.ours.exitCode()).isEqualTo(3);
        assertThat(stopped.ours.out()).isEmpty();

        Map<String, String> absent = mode("keep");
        absent.put("PSQL_EDITOR", "/nonexistent/editor");
        Runs notFound = both("select 1 as a\n\\e\n", absent);
        assertThat(notFound.ours.err()).isEqualTo("sh: 1: exec: /nonexistent/editor: not found\n");

        Runs badLines = both("select 1 as a\n\\e 0\n\\e foo x\n\\ef add1 0\n\\p\n", mode("keep"));
        assertThat(badLines.ours.err()).isEqualTo("invalid line number: 0\ninvalid line number: x\ninvalid line number: 0\n");
        assertThat(badLines.ours.out()).startsWith("select 1 as a\n a \n");
    }

    @Test
    void functionDefinitionEdited() {
        Runs unchanged = both("select 1\n\\ef add1\n\\p\n", mode("keep"));
        assertThat(unchanged.ours.out()).isEqualTo("No changes\nQuery buffer is empty.\n");

        Runs kept = both("\\ef add1\n\\p\n\\r\n", append("-- x"));
        assertThat(kept.ours.out()).isEqualTo("CREATE OR REPLACE FUNCTION public.add1(i integer)\n RETURNS integer\n LANGUAGE sql\n"
                + "AS $function$select i + 1$function$\n-- x\n\nQuery buffer reset (cleared).\n");

        Runs sent = both("\\ef add1\n\\sf add1\n", replace("create or replace function add1(i int) returns int language sql as 'select i + 2';"));
        assertThat(sent.ours.out()).startsWith("CREATE FUNCTION\n").contains("AS $function$select i + 2$function$");

        // line 2 of the body is line 5 of pg_get_functiondef's text
        Map<String, String> lines = mode("keep");
        lines.put("PSQL_EDITOR_LINENUMBER_ARG", "+");
        Runs numbered = both("\\ef plf 2\n", lines);
        assertThat(numbered.ours.err()).startsWith("editor: +5 ");
    }

    @Test
    void viewDefinitionEdited() {
        Runs r = both("\\ev v1\n\\p\n", append(" "));
        assertThat(r.ours.out()).isEqualTo("CREATE OR REPLACE VIEW public.v1 AS\n SELECT 1 AS a,\n    'x'::text AS b\n \n\nCREATE VIEW\n");
    }

    @Test
    void templatesWithoutAName() {
        Runs function = both("\\ef\n\\p\n\\r\n", append(" "));
        assertThat(function.ours.out()).isEqualTo("CREATE FUNCTION ( )\n RETURNS \n LANGUAGE \n"
                + " -- common options:  IMMUTABLE  STABLE  STRICT  SECURITY DEFINER\nAS $function$\n\n$function$\n \n\n"
                + "Query buffer reset (cleared).\n");
        Runs view = both("\\ev\n\\p\n\\r\n", append(" "));
        assertThat(view.ours.out()).isEqualTo("CREATE VIEW  AS\n SELECT \n  -- something...\n \n\nQuery buffer reset (cleared).\n");
    }

    @Test
    void definitionLookupErrors() {
        Runs r = both("select 1 as kept\n\\ef nosuch\n\\ev nosuch 3\n\\ef abs\n\\ef add1;  \n\\p\n", mode("keep"));
        assertThat(r.ours.err()).isEqualTo("ERROR:  function \"nosuch\" does not exist\nERROR:  relation \"nosuch\" does not exist\n"
                + "ERROR:  more than one function named \"abs\"\nERROR:  function \"add1;  \" does not exist\n");
        assertThat(r.ours.out()).startsWith("select 1 as kept\n");
        // psql 15 leaves half a CREATE command in the buffer here, which the server then refuses; shardprep leaves it as it was
        JarRun.Result notView = ours("\\ev pg_class\n\\p\n", mode("keep"), "notview");
        assertThat(notView.err()).isEqualTo("\"pg_catalog.pg_class\" is not a view\n");
        assertThat(notView.out()).isEqualTo("Query buffer is empty.\n");
    }

    @Test
    void temporaryFilesAreRemoved() throws IOException {
        Path tmp = TestFiles.directory("edit-tmp");
        Path log = TestFiles.file("edit-log", ".txt");
        Map<String, String> env = append(";");
        env.put("TMPDIR", tmp.toString());
        env.put("EDIT_LOG", log.toString());
        JarRun.Result r = ours("select 1\n\\e\n\\ef add1\n", env, "tmp");
        assertThat(r.exitCode()).isZero();
        List<String> edited = Files.readAllLines(log);
        assertThat(edited).hasSize(2).allMatch(f -> f.startsWith(tmp.toString()));
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).isEmpty();
        }
    }

    // ---- running both

    private record Runs(JarRun.Result psql, JarRun.Result ours, Path oursDir) {}

    private interface DirectorySetup {
        void prepare(Path dir) throws IOException;
    }

    private static int runs;

    private static Runs both(String stdin, Map<String, String> env, String... flags) {
        try {
            return both(stdin, env, dir -> { }, flags);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The input through psql and through the jar, each in a fresh directory and database; the same output asserted. */
    private static Runs both(String stdin, Map<String, String> env, DirectorySetup setup, String... flags) throws IOException {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        String name = "edit" + (++runs);
        Path psqlDir = TestFiles.directory(name + "-psql");
        Path oursDir = TestFiles.directory(name + "-sp");
        setup.prepare(psqlDir);
        setup.prepare(oursDir);
        List<String> psqlCmd = new ArrayList<>(List.of(psql, "-X"));
        psqlCmd.addAll(List.of(flags));
        psqlCmd.add(database(name + "_psql"));
        JarRun.Result expected = JarRun.run(psqlCmd, stdin, withLog(env), psqlDir);
        JarRun.Result actual = run(stdin, env, oursDir, database(name + "_sp"), flags);
        assertThat(masked(actual.out())).isEqualTo(masked(expected.out()));
        assertThat(masked(actual.err())).isEqualTo(masked(expected.err()));
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
        return new Runs(expected, actual, oursDir);
    }

    /** The jar alone, where psql differs (README says why). */
    private static JarRun.Result ours(String stdin, Map<String, String> env, String name) {
        return run(stdin, env, TestFiles.directory(name + "-sp"), database(name + "_sp"));
    }

    private static JarRun.Result run(String stdin, Map<String, String> env, Path dir, String conninfo, String... flags) {
        List<String> cmd = new ArrayList<>(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString(), "-X"));
        cmd.addAll(List.of(flags));
        cmd.add(conninfo);
        return JarRun.run(cmd, stdin, withLog(env), dir);
    }

    /** A fresh database with the function and view the tests edit. */
    private static String database(String name) {
        String conninfo = TestServer.freshDatabase(name);
        try (Connection c = TestServer.connect(name); Statement s = c.createStatement()) {
            s.execute("create function add1(i int) returns int language sql as $$select i + 1$$");
            s.execute("create function plf(a int) returns int language plpgsql as $$\nbegin\n  return a * 2;\nend\n$$");
            s.execute("create view v1 as select 1 as a, 'x'::text as b");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return conninfo;
    }

    private static Map<String, String> withLog(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        if (!all.containsKey("EDIT_LOG")) all.put("EDIT_LOG", "/dev/null");
        return all;
    }

    /** psql's /tmp/psql.edit.PID.sql and ours, in a directory of its own, are both the temporary file. */
    private static String masked(String text) {
        return text.replaceAll("\\S*\\.edit\\.\\d+\\.sql", "TEMPFILE");
    }

    private static Map<String, String> mode(String mode) {
        Map<String, String> env = new HashMap<>();
        env.put("PSQL_EDITOR", editor.toString());
        env.put("EDIT_MODE", mode);
        return env;
    }

    private static Map<String, String> append(String text) {
        Map<String, String> env = mode("append");
        env.put("EDIT_TEXT", text);
        return env;
    }

    private static Map<String, String> replace(String text) {
        Map<String, String> env = mode("replace");
        env.put("EDIT_TEXT", text);
        return env;
    }
}
