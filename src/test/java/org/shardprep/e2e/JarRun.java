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

/** Runs a command (the built shardprep jar, or psql) as a user would, and captures what it printed. */
public final class JarRun {

    public record Result(int exitCode, String out, String err) {}

    public static final Path JAR = Path.of("target", "shardprep.jar");

    private JarRun() {}

    public static Result shardprep(String stdin, String... args) {
        List<String> cmd = shardprepCommand();
        cmd.addAll(List.of(args));
        return run(cmd, stdin, Map.of());
    }

    /** The command that starts the jar, arguments to be added. */
    public static List<String> shardprepCommand() {
        return new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    }

    public static Result run(List<String> command, String stdin, Map<String, String> extraEnv) {
        return run(command, stdin, extraEnv, null);
    }

    /** @param directory the working directory, or null for this one */
    public static Result run(List<String> command, String stdin, Map<String, String> extraEnv, Path directory) {
        ProcessBuilder pb = new ProcessBuilder(command);
        if (directory != null) pb.directory(directory.toFile());
        // the user's PG* and PSQL* variables (PSQLRC, PSQL_HISTORY, PSQL_EDITOR) must not steer a test; HOME points at a scratch directory
        pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("PSQL"));
        pb.environment().putAll(extraEnv);
        try {
            Path home = TestFiles.directory("shardprep-home");
            pb.environment().putIfAbsent("HOME", home.toString());
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread o = pump(p.getInputStream(), out);
            Thread e = pump(p.getErrorStream(), err);
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            o.join();
            e.join();
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException ex) {
            throw new AssertionError("cannot run " + command + ": " + ex, ex);
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream sink) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(sink);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.start();
        return t;
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** psql on PATH, or null (the parity tests skip then). */
    public static String psql() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path p = Path.of(dir, "psql");
            if (Files.isExecutable(p)) return p.toString();
        }
        return null;
    }
}
