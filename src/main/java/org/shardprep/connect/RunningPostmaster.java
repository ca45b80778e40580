package org.shardprep.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The postmaster running on a data directory, as its postmaster.pid tells (pid on line 1, port on line 4,
 * status on line 8): what a shell joins, and what the last shell stops when it did not start it itself.
 */
final class RunningPostmaster {

    private RunningPostmaster() {}

    /** The port of a live, ready postmaster on the directory, else 0. */
    static int port(Path dataDirectory) {
        List<String> lines = pidFile(dataDirectory);
        if (lines.size() < 4 || process(lines).isEmpty()) return 0;
        if (lines.size() >= 8 && !lines.get(7).strip().equals("ready")) return 0;
        try {
            return Integer.parseInt(lines.get(3).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * What pg_ctl stop -m fast does: SIGINT to the postmaster (a fast shutdown, with its shutdown checkpoint),
     * then wait for it to end. pg_ctl itself refuses to run as root, where the embedded server runs as "nobody".
     */
    static void stop(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = process(pidFile(dataDirectory));
        if (postmaster.isEmpty()) return;
        ProcessHandle p = postmaster.get();
        try {
            Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(p.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) p.destroy();   // SIGTERM: a smart shutdown
            p.onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("the server (pid " + p.pid() + ") did not stop within a minute", e);
        }
    }

    private static List<String> pidFile(Path dataDirectory) {
        try {
            return Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<ProcessHandle> process(List<String> lines) {
        if (lines.isEmpty()) return Optional.empty();
        try {
            return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
