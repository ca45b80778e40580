package org.shardprep.e2e;

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

/** TAB and colour at the real prompt: the jar in a pseudo-terminal (util-linux `script`), keys typed into it. */
class CompletionIT {

    @Test
    void tabCompletesFromTheCatalogAndSqlIsColoured() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script is not installed");
        String db = TestServer.freshDatabase("e2e_completion");
        String cmd = "stty cols 160 rows 50; " + JarRun.javaBinary() + " -jar " + JarRun.JAR.toAbsolutePath() + " \"" + db.replace("\"", "\\\"") + "\"";
        ProcessBuilder pb = new ProcessBuilder(List.of("/usr/bin/script", "-qfec", cmd, "/dev/null"));
        pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.equals("NO_COLOR"));
        pb.environment().put("HOME", Files.createTempDirectory("home").toString());
        pb.environment().put("TERM", "xterm");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        pump(p.getInputStream(), seen);
        try (OutputStream keys = p.getOutputStream()) {
            await(seen, "e2e_completion=#");
            type(keys, "create table completion_target (wanted_column int);\r");
            await(seen, "CREATE TABLE");
            type(keys, "select wanted_c\t from completion_tar\t;\r");   // the new table, after markStale
            await(seen, "wanted_column \r\n");
            assertThat(text(seen)).contains("(0 rows)");
            assertThat(text(seen)).contains("\u001b[34;1mselect");        // a keyword, bold blue
            type(keys, "\\q\r");
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(text(seen)).doesNotContain("Exception");
    }

    private static void type(OutputStream keys, String text) throws IOException, InterruptedException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Thread.sleep(300);
    }

    private static void await(ByteArrayOutputStream seen, String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!text(seen).contains(expected)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the terminal never showed \"" + expected + "\"; it showed:\n" + text(seen));
            }
            Thread.sleep(50);
        }
    }

    private static String text(ByteArrayOutputStream seen) {
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    private static void pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) > 0) synchronized (sink) { sink.write(buf, 0, n); }
            } catch (IOException ignored) {
                // the terminal closed
            }
        });
        t.setDaemon(true);
        t.start();
    }
}
