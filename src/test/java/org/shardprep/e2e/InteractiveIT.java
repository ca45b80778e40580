package org.shardprep.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shardprep.TestServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The prompt as a user meets it: the jar runs in a real pseudo-terminal (util-linux `script`), keys are
 * typed into it, and the screen output is read back. Covers psql's prompts, Ctrl-C, history and Ctrl-D.
 */
class InteractiveIT {

    private static String db;

    @BeforeAll
    static void database() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        db = TestServer.freshDatabase("e2e_interactive");
    }

    @Test
    void promptsCancelHistoryAndExit() throws Exception {
        Path home = Files.createTempDirectory("home");
        String cmd = "stty cols 160 rows 50; " + JarRun.javaBinary() + " -jar " + JarRun.JAR.toAbsolutePath() + " \"" + db.replace("\"", "\\\"") + "\"";
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/script", "-qfec", cmd, "/dev/null"));
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TERM", "xterm");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Screen screen = new Screen(p.getInputStream());
        try (OutputStream keys = p.getOutputStream()) {
            screen.await("e2e_interactive=#");
            type(keys, "select 1 as a,\r");
            screen.await("e2e_interactive-#");
            type(keys, "'x\r");
            screen.await("e2e_interactive'#");
            type(keys, "y' as b;\r");
            screen.await("(1 row)");
            type(keys, "select (1\r");
            screen.await("e2e_interactive(#");
            type(keys, "+ 1) as two;\r");
            screen.await("two");
            type(keys, "begin;\r");
            screen.await("e2e_interactive=*#");
            type(keys, "select 1/0;\r");
            screen.await("e2e_interactive=!#");
            type(keys, "rollback;\r");
            screen.await("ROLLBACK");
            type(keys, "select pg_sleep(60);\r");
            Thread.sleep(1000);
            type(keys, "\u0003");                          // Ctrl-C while the statement runs
            screen.await("canceling statement due to user request");
            assertThat(screen.text()).contains("Cancel request sent");
            type(keys, "select '!!' as bang;\r");          // no history expansion
            screen.await("!!\r\n(1 row)");
            type(keys, "\\echo password=secret\r");
            screen.await("password=secret\r\n");
            // the server drops the session (a restart looks the same): psql's reset, and the session goes on
            try (var c = TestServer.connect("e2e_interactive"); var st = c.createStatement()) {
                st.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                        + "where datname = 'e2e_interactive' and application_name = 'shardprep' and pid <> pg_backend_pid()");
            }
            type(keys, "select 5 as five;\r");
            screen.await("The connection to the server was lost. Attempting reset: Succeeded.");
            type(keys, "select 6 as six;\r");
            screen.await("six");
            type(keys, "select 'half typed");
            type(keys, "\u0003");                          // Ctrl-C at the prompt clears the line
            type(keys, "select 3 as three;\r");
            screen.await("three");
            type(keys, "\u0004");                          // Ctrl-D leaves
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(screen.text()).contains("\\q").doesNotContain("Exception");

        String history = Files.readString(home.resolve(".shardprep/history"));
        assertThat(history).contains("select '!!' as bang;").contains("select 1 as a,");
        assertThat(history).doesNotContain("password=secret").doesNotContain("half typed");
    }

    @Test
    void longResultsGoThroughThePagerShortOnesDoNot() throws Exception {
        Path home = Files.createTempDirectory("home");
        String cmd = "stty cols 120 rows 20; " + JarRun.javaBinary() + " -jar " + JarRun.JAR.toAbsolutePath()
                + " \"" + db.replace("\"", "\\\"") + "\"";
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/script", "-qfec", cmd, "/dev/null"));
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TERM", "xterm");
        pb.environment().put("PAGER", "sed 's/^/PAGED:/'");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Screen screen = new Screen(p.getInputStream());
        try (OutputStream keys = p.getOutputStream()) {
            screen.await("e2e_interactive=#");
            type(keys, "select g as tall from generate_series(1, 40) g;\r");
            screen.await("PAGED:(40 rows)");
            type(keys, "select 7 as short;\r");
            screen.await("(1 row)");
            type(keys, "\\pset pager off\r");
            screen.await("Pager usage is off.");
            type(keys, "select g as unpaged from generate_series(1, 40) g;\r");
            screen.await("(40 rows)\r\n");
            type(keys, "\u0004");
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String text = screen.text();
        assertThat(text).contains("PAGED: tall").doesNotContain("PAGED: short").doesNotContain("PAGED: unpaged");
    }

    private static void type(OutputStream keys, String text) throws IOException, InterruptedException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Thread.sleep(150);
    }

    /** Everything the terminal showed, read in the background. */
    private static final class Screen {
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        Screen(InputStream in) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        synchronized (seen) {
                            seen.write(buf, 0, n);
                        }
                    }
                } catch (IOException ignored) {
                    // the terminal closed
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String text() {
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }

        void await(String expected) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 30_000;
            while (!text().contains(expected)) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the terminal never showed \"" + expected + "\"; it showed:\n" + text());
                }
                Thread.sleep(50);
            }
        }
    }
}
