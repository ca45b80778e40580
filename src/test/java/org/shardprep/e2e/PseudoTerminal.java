package org.shardprep.e2e;

import org.shardprep.TestFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The jar at a real terminal: util-linux `script` gives it a pseudo-terminal of a set size, keys are typed
 * into it and everything the screen showed is read back, so prompts, Ctrl-C and TAB are tested as a user
 * meets them.
 */
final class PseudoTerminal implements AutoCloseable {

    private static final Path SCRIPT = Path.of("/usr/bin/script");

    private final Process process;
    private final OutputStream keys;
    private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

    private PseudoTerminal(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        Thread reader = new Thread(() -> read(process.getInputStream()));
        reader.setDaemon(true);
        reader.start();
    }

    static boolean available() {
        return Files.isExecutable(SCRIPT);
    }

    /** shardprep with these arguments; PG* variables removed, HOME and TERM set, the rest of env added. */
    static PseudoTerminal shardprep(Map<String, String> env, String... args) throws IOException {
        return shardprep(50, env, args);
    }

    /** As above, on a terminal of this many rows (160 columns). */
    static PseudoTerminal shardprep(int rows, Map<String, String> env, String... args) throws IOException {
        List<String> words = new ArrayList<>(List.of(JarRun.javaBinary(), "-jar", JarRun.JAR.toAbsolutePath().toString()));
        words.addAll(List.of(args));
        // script's terminal has no size of its own; exec, so that Ctrl-C reaches the shell alone (dash, the
        // usual /bin/sh, dies of a SIGINT its child handled, which would turn a clean exit into 130)
        StringBuilder cmd = new StringBuilder("stty cols 160 rows " + rows + "; exec ");
        for (String w : words) cmd.append('\'').append(w.replace("'", "'\\''")).append("' ");
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), "-qfec", cmd.toString(), "/dev/null");
        pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("PSQL") || k.equals("NO_COLOR"));
        pb.environment().put("HOME", TestFiles.directory("home").toString());
        pb.environment().put("TERM", "xterm");
        pb.environment().put("SHELL", "/bin/sh");   // what script runs the command with, the same everywhere
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        return new PseudoTerminal(pb.start());
    }

    /** Types keys ("\r" is Enter, "\u0003" Ctrl-C, "\u0004" Ctrl-D, "\t" TAB) and gives the shell a moment. */
    void type(String text) throws IOException, InterruptedException {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        Thread.sleep(200);
    }

    /** Waits until the screen shows the text (30 s at most). */
    void await(String expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!text().contains(expected)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the terminal never showed \"" + expected + "\"; it showed:\n" + text());
            }
            Thread.sleep(50);
        }
    }

    String text() {
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    /** The shell's exit status, once it has ended (30 s at most). */
    int exitStatus() throws InterruptedException, IOException {
        keys.close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the shell did not end; the terminal showed:\n" + text());
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
    }

    private void read(InputStream in) {
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
    }
}
