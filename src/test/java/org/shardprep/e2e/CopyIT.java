package org.shardprep.e2e;

import org.shardprep.TestFiles;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shardprep.TestServer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code \copy} and client-side COPY against psql 15: the same script in the same working directory (the
 * exercise's relative file names), each tool on a fresh database, byte for byte. Plus what psql cannot be
 * compared on here: a 200 MB load in a 64 MB heap, and the terminal's ">> " data entry.
 */
class CopyIT {

    private static final Path SCRIPTS = Path.of("src", "test", "resources", "e2e", "copy").toAbsolutePath();

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String script : List.of("exercise_load", "roundtrip", "bad_input")) {
            all.add(Arguments.of(script, "plain", List.of()));
            all.add(Arguments.of(script, "echo", List.of("-e")));
            all.add(Arguments.of(script, "quiet", List.of("-q")));
            all.add(Arguments.of(script, "stop", List.of("-v", "ON_ERROR_STOP=1")));
        }
        all.add(Arguments.of("roundtrip", "all", List.of("-a")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void sameAsPsql(String script, String variant, List<String> flags) throws IOException {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        Path dir = dataDirectory();
        Files.copy(SCRIPTS.resolve(script + ".sql"), dir.resolve(script + ".sql"));

        List<String> psqlCmd = new ArrayList<>(List.of(psql, "-X"));
        psqlCmd.addAll(flags);
        psqlCmd.addAll(List.of("-f", script + ".sql", TestServer.freshDatabase(database(script, variant, "psql"))));
        JarRun.Result expected = JarRun.run(psqlCmd, null, Map.of(), dir);

        Path outputs = dataDirectory();   // same files, untouched by psql's run
        Files.copy(SCRIPTS.resolve(script + ".sql"), outputs.resolve(script + ".sql"));
        JarRun.Result actual = JarRun.run(shardprep(flags, "-f", script + ".sql",
                TestServer.freshDatabase(database(script, variant, "sp"))), null, Map.of(), outputs);

        assertThat(actual.out()).isEqualTo(expected.out());
        assertThat(actual.err()).isEqualTo(E2eScripts.normalize(expected.err()));
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
    }

    /**
     * A COPY among statements combined with \; runs as psql runs it (the parts one by one in one transaction, as
     * pgjdbc cannot move COPY data inside a longer message): its data in the middle, an error in a later part undoing
     * the earlier ones, its position in the whole text. Expected output captured from psql 15 (then "psql:" ->
     * "shardprep:").
     */
    @Test
    void aCopyCombinedWithOtherStatementsRunsAsPsqlRunsIt() throws IOException {
        Path dir = dataDirectory();
        Files.writeString(dir.resolve("combined.sql"), "create table t (a int);\n"
                + "insert into t values (1) \\; copy t from stdin \\; select 2;\n7\n8\n\\.\n"
                + "select 3 \\; copy t to stdout;\n"
                + "select count(*) from t;\n"
                + "insert into t values (1) \\; copy t from stdin \\; select 1/0 \\; select 2;\n9\n\\.\n"
                + "select count(*) from t;\n"
                + "select 5 \\; copy t from stdin \\; select x;\n10\n\\.\n"
                + "select count(*) from t;\n");
        JarRun.Result r = JarRun.run(shardprep(List.of(), "-X", "-f", "combined.sql", TestServer.freshDatabase("e2e_copy_combined")),
                null, Map.of(), dir);
        assertThat(r.out()).isEqualTo("CREATE TABLE\nINSERT 0 1\nCOPY 2\n ?column? \n----------\n        2\n(1 row)\n\n"
                + " ?column? \n----------\n        3\n(1 row)\n\n1\n7\n8\n count \n-------\n     3\n(1 row)\n\n"
                + "INSERT 0 1\nCOPY 1\n count \n-------\n     3\n(1 row)\n\n ?column? \n----------\n        5\n(1 row)\n\n"
                + "COPY 1\n count \n-------\n     3\n(1 row)\n\n");
        assertThat(r.err()).isEqualTo("shardprep:combined.sql:10: ERROR:  division by zero\n"
                + "shardprep:combined.sql:14: ERROR:  column \"x\" does not exist\n"
                + "LINE 1: select 5 ; copy t from stdin ; select x;\n"
                + "                                              ^\n");
        assertThat(r.exitCode()).isZero();
    }

    /** Where the parts cannot run one by one (only the last result shown), the text is refused whole, its data skipped. */
    @Test
    void aCombinedCopyShowingOnlyTheLastResultIsRefusedWholeAndItsDataSkipped() throws IOException {
        Path dir = dataDirectory();
        Files.writeString(dir.resolve("combined.sql"), "\\set SHOW_ALL_RESULTS off\ncreate table t (a int);\n"
                + "insert into t values (1) \\; copy t from stdin \\; select 2;\n7\n8\n\\.\n"
                + "select count(*) from t;\n");
        JarRun.Result r = JarRun.run(shardprep(List.of(), "-X", "-f", "combined.sql", TestServer.freshDatabase("e2e_copy_combined_last")),
                null, Map.of(), dir);
        assertThat(r.err()).isEqualTo("shardprep:combined.sql:3: error: COPY FROM STDIN and COPY TO STDOUT cannot be combined "
                + "with other statements (\\;) here; nothing was run\n");
        assertThat(r.out()).isEqualTo("CREATE TABLE\n count \n-------\n     0\n(1 row)\n\n");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void pstdinReadsTheProcessStdinWhileTheScriptIsAFile() throws IOException {
        String psql = JarRun.psql();
        assumeTrue(psql != null, "psql is not installed");
        Path dir = dataDirectory();
        Files.writeString(dir.resolve("p.sql"), "create table t (a int, b text);\n\\copy t from pstdin\n"
                + "\\copy t to pstdout with csv\nselect count(*) from t;\n");
        String stdin = "1\tone\n2\ttwo\n\\.\nnot read\n";
        JarRun.Result expected = JarRun.run(List.of(psql, "-X", "-f", "p.sql", TestServer.freshDatabase("e2e_copy_pstdin_psql")),
                stdin, Map.of(), dir);
        JarRun.Result actual = JarRun.run(shardprep(List.of(), "-f", "p.sql", TestServer.freshDatabase("e2e_copy_pstdin_sp")),
                stdin, Map.of(), dir);
        assertThat(actual.out()).isEqualTo(expected.out()).contains("COPY 2");
        assertThat(actual.err()).isEqualTo(E2eScripts.normalize(expected.err()));
        assertThat(actual.exitCode()).isEqualTo(expected.exitCode());
    }

    /** Streaming, not buffering: 200 MB through a 64 MB heap. */
    @Test
    void twoHundredMegabytesThroughA64MbHeap() throws Exception {
        Path dir = TestFiles.directory("copy-big");
        Path big = dir.resolve("big.csv");
        long rows = 0;
        String filler = "x".repeat(90);
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            while (Files.size(big) < 200L * 1024 * 1024 || rows % 10000 != 0) {
                for (int i = 0; i < 10000; i++) {
                    rows++;
                    w.write(rows + "," + filler + "\n");
                }
                w.flush();
            }
        }
        String db = TestServer.freshDatabase("e2e_copy_big");
        try (var c = TestServer.connect("e2e_copy_big"); var st = c.createStatement()) {
            st.execute("create table big (id bigint, filler text)");
        }
        List<String> cmd = List.of(JarRun.javaBinary(), "-Xmx64m", "-jar", JarRun.JAR.toAbsolutePath().toString(),
                "-X", "-c", "\\copy big from big.csv with csv", db);
        JarRun.Result r = JarRun.run(cmd, null, Map.of(), dir);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("COPY " + rows + "\n");
        assertThat(r.exitCode()).isZero();
        try (var c = TestServer.connect("e2e_copy_big"); var st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from big")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rows);
        }
        Files.delete(big);
    }

    /** At the terminal: psql's instructions, the ">> " prompt, Tab as data, and =!# after a failed COPY. */
    @Test
    void dataTypedAtTheTerminal() throws Exception {
        assumeTrue(PseudoTerminal.available(), "util-linux script is not installed");
        String db = TestServer.freshDatabase("e2e_copy_tty");
        try (var c = TestServer.connect("e2e_copy_tty"); var st = c.createStatement()) {
            st.execute("create table t (a int, b text)");
        }
        try (PseudoTerminal screen = PseudoTerminal.shardprep(Map.of(), db)) {
            screen.await("e2e_copy_tty=#");
            screen.type("\\copy t from stdin\r");
            screen.await("Enter data to be copied followed by a newline.\r\n"
                    + "End with a backslash and a period on a line by itself, or an EOF signal.\r\n");
            screen.await(">> ");
            screen.type("1\tone\r");
            screen.type("\\.\r");
            screen.await("COPY 1");
            screen.type("begin;\r");
            screen.await("e2e_copy_tty=*#");
            screen.type("copy t from stdin;\r");
            screen.await(">> ");
            screen.type("x\tbad\r");
            screen.type("\u0004");                          // Ctrl-D ends the data
            screen.await("invalid input syntax for type integer: \"x\"");
            screen.await("e2e_copy_tty=!#");
            screen.type("rollback;\r");
            screen.await("ROLLBACK");
            screen.type("select b from t;\r");
            screen.await("(1 row)");
            screen.type("\u0004");
            assertThat(screen.exitStatus()).isZero();
            assertThat(screen.text()).contains(" one\r\n").doesNotContain("Exception");
        }
    }

    private static List<String> shardprep(List<String> flags, String... args) {
        List<String> cmd = new ArrayList<>(List.of(JarRun.javaBinary(), "-XX:TieredStopAtLevel=1", "-jar",
                JarRun.JAR.toAbsolutePath().toString(), "-X"));
        cmd.addAll(flags);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static String database(String script, String variant, String tool) {
        return ("e2e_copy_" + script + "_" + variant + "_" + tool).toLowerCase();
    }

    /** The exercise's CSV layout, small: stores.csv with a header row; products, orders_*, line_items_* without. */
    private static Path dataDirectory() throws IOException {
        Path dir = TestFiles.directory("copy-data");
        StringBuilder stores = new StringBuilder("store_id,name,category\n");
        for (int i = 1; i <= 12; i++) stores.append(i).append(",\"Store ").append(i).append(", Inc.\",Toys\n");
        Files.writeString(dir.resolve("stores.csv"), stores);
        StringBuilder products = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            products.append(i).append(',').append(i % 12 + 1).append(",Product ").append(i)
                    .append(",\"A \"\"nice\"\" toy, é\",").append(i * 1.25).append('\n');
        }
        Files.writeString(dir.resolve("products.csv"), products);
        int order = 1;
        int item = 1;
        for (int part = 1; part <= 3; part++) {
            StringBuilder orders = new StringBuilder();
            for (int i = 0; i < 25; i++, order++) {
                orders.append(order).append(',').append(order % 12 + 1).append(",shipped,\"1 Main St, Town\",2 Side St,2023-01-")
                        .append(String.format("%02d", order % 28 + 1)).append(" 10:00:00\n");
            }
            Files.writeString(dir.resolve("orders_" + part + ".csv"), orders);
        }
        for (int part = 1; part <= 2; part++) {
            StringBuilder items = new StringBuilder();
            for (int i = 0; i < 60; i++, item++) {
                items.append(item).append(',').append(item % 40 + 1).append(',').append(item % 75 + 1).append(',')
                        .append(item % 3 + 1).append(',').append(item * 0.5).append('\n');
            }
            Files.writeString(dir.resolve("line_items_" + part + ".csv"), items);
        }
        return dir;
    }

}
