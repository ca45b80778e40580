package org.shardprep.sql.scan;

import org.shardprep.shell.meta.MetaCommandCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compares the scanner with the real psql: runs a script with {@code psql -e -q -o /dev/null -f} (which echoes
 * every query it sends, and \echo output) and with the scanner plus a tiny emulation of \echo, \set, \g, \p,
 * \r. Runs only where psql and the server from the brief are reachable (PGPASSWORD=postgres, localhost:5432,
 * database scratch); skipped elsewhere. Override with SHARDPREP_PSQL_ARGS, e.g. "-h host -U user -d db".
 */
class PsqlDifferentialTest {

    private static List<String> psqlArgs;

    @TempDir
    Path dir;

    @BeforeAll
    static void findPsql() {
        String override = System.getenv("SHARDPREP_PSQL_ARGS");
        psqlArgs = override != null ? List.of(override.trim().split("\\s+"))
                : List.of("-h", "localhost", "-U", "postgres", "-d", "scratch");
        List<String> probe = new ArrayList<>(List.of("psql", "-X", "-q", "-c", "select 1"));
        probe.addAll(psqlArgs);
        try {
            assumeTrue(run(probe, null).exit == 0, "psql cannot connect");
        } catch (IOException e) {
            assumeTrue(false, "psql not available: " + e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select 1 \\; select 2;\nselect 3 -- c\n;\n-- lone comment\n   select\n\n4;\nselect 5 \\g\nselect ARRAY[1;2];\n",
        "\\set x 'select 11; select 12'\n:x;\n\\set v 'it''s a\\\\b'\nselect :'v', :\"v\", :v2, 1::int;\n"
            + "\\set r 'x :r y'\nselect ':r' as a, :r as b;\n",
        "select /* a /* nested ; */ still ; */ 7;\nselect $$;$$, $body$ $x$ ; $x$ $body$;\nselect a$b, $1 from t;\n"
            + "select 'a'\n'b' as cont;\nselect E'it\\'s;' as e;\nselect (1;\n2);\nselect e'\\\\'';\n",
        "select 8 \\echo mid \\\\ ;\nselect 9; -- trailing\n\\echo one \\echo two\n\\echo 'a\\\\b' \\\\ select 10;\n"
            + "\\echo \"a\"\"b\" 'c''d' 'e\\x41\\101\\n.' f\\;g\nselect 6\n\\g\n\\echo x\\\\select 7;\n",
        "CREATE FUNCTION pg_temp.f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;\n"
            + "create or replace procedure pg_temp.p() language sql begin atomic select case when true then 1 end; end;\n"
            + "BEGIN;\nselect 1;\nCOMMIT;\nselect begin from (select 1 as begin) s;\n",
        "set standard_conforming_strings = off;\nselect 'a\\'b;c' as x;\nselect 'q\\\\'; select 91;\n"
            + "set standard_conforming_strings = on;\nselect 'a\\'; select 92;\n",
        "select E'a'\n'b\\'; select 81;\nselect 1e'\\'' as x; select 82;\nselect u&'d;', U&\"a;\" uu, u & 1;\n"
            + "select n'x', b'101', x'1F', B'01'' ;\nselect ';';\n",
        "\\set e 'select 97 \\\\g'\n:e\n\\set f 'select 1 \\\\echo'\n:f x \\\\ select 2;\nselect 98 \\p \\r\n"
            + "select '\n\nq' as a, (\n\n1) as b,\n   \n:{?e} c, :{?nope} d, \\:e e, x:e;\nselect 1\nfrom t /* open\n\n",
    })
    void sameQueriesAsPsql(String script) throws IOException {
        Path file = dir.resolve("script.sql");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-e", "-q", "-o", "/dev/null", "-f", file.toString()));
        cmd.addAll(psqlArgs);
        String expected = run(cmd, null).stdout;
        assertThat(emulate(script)).isEqualTo(expected);
    }

    /** The scanner with psql's \echo, \set, \g, \p, \r; prints what psql -e prints. */
    private static String emulate(String script) {
        StringBuilder out = new StringBuilder();
        Map<String, String> vars = new HashMap<>();
        StatementScanner scanner = new StatementScanner(MetaCommandCatalog.PSQL);
        scanner.setVariables(vars::get);
        String[] previous = {""};
        ScanListener listener = new ScanListener() {
            @Override
            public void onStatement(String sql, int firstLine) {
                out.append(sql).append('\n');
                previous[0] = sql;
                String lower = sql.toLowerCase().replaceAll("\\s+", " ");
                if (lower.startsWith("set standard_conforming_strings = ")) {
                    scanner.setStandardConformingStrings(!lower.contains("off"));
                }
            }

            @Override
            public void onMetaCommand(MetaCommand c) {
                switch (c.name()) {
                    case "g", "gx" -> {
                        String sql = scanner.takeBuffer();
                        previous[0] = sql.isEmpty() ? previous[0] : sql;
                        out.append(previous[0]).append('\n');
                    }
                    case "echo" -> out.append(String.join(" ", c.parseArgs(vars::get, false).values())).append('\n');
                    case "set" -> {
                        List<String> a = c.args(vars::get);
                        vars.put(a.get(0), String.join("", a.subList(1, a.size())));
                    }
                    case "p" -> {
                        String text = scanner.bufferText().isEmpty() ? previous[0] : scanner.bufferText();
                        if (!text.isEmpty()) {
                            out.append(text).append('\n');
                        }
                    }
                    case "r" -> scanner.resetBuffer();
                    default -> { }
                }
            }
        };
        String[] lines = script.split("\n", -1);
        int n = script.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            scanner.feedLine(lines[i], listener);
        }
        try {
            scanner.finish().ifPresent(rest -> out.append(rest).append('\n'));
        } catch (UnterminatedInputException e) {
            out.append(e.pendingText()).append('\n');   // psql sends it anyway; the server reports the error
        }
        return out.toString();
    }

    private record Result(int exit, String stdout) {
    }

    private static Result run(List<String> command, String input) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putIfAbsent("PGPASSWORD", "postgres");
        pb.environment().put("PGCONNECT_TIMEOUT", "5");
        Process p = pb.start();
        p.getOutputStream().close();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, stdout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, stdout);
        }
        return new Result(p.exitValue(), stdout);
    }
}
