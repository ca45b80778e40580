package org.shardprep.shell.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where query results go instead of stdout: a file, or a shell command's stdin ("|cmd"), as psql's \o and
 * \g take them. Closing it waits for the command, so its output is complete before the next prompt.
 */
public final class OutputTarget implements AutoCloseable {

    private final PrintWriter writer;
    private final Process process;   // null for a file

    private OutputTarget(PrintWriter writer, Process process) {
        this.writer = writer;
        this.process = process;
    }

    /** psql's argument: "|command" pipes, anything else is a file name (relative to the session's directory). */
    public static OutputTarget open(String spec, Path workingDirectory) throws IOException {
        if (spec.startsWith("|")) {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", spec.substring(1).strip())
                    .directory(workingDirectory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = org.shardprep.os.ChildEnvironment.apply(pb).start();
            return new OutputTarget(writer(p.getOutputStream()), p);
        }
        Path file = workingDirectory.resolve(org.shardprep.shell.copy.HomeDirectories.system().expandTilde(spec));
        return new OutputTarget(writer(Files.newOutputStream(file)), null);
    }

    private static PrintWriter writer(java.io.OutputStream out) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), false);
    }

    public PrintWriter writer() { return writer; }

    @Override
    public void close() {
        writer.close();
        if (process != null) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
