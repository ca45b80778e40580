package org.shardprep.shell.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * One open recording file. Every write is flushed at once, so a shell that dies loses nothing written so far.
 */
final class ScriptRecording implements AutoCloseable {

    private final Path file;
    private final String displayName;
    private final BufferedWriter out;
    private int entries;

    private ScriptRecording(Path file, String displayName, BufferedWriter out) {
        this.file = file;
        this.displayName = displayName;
        this.out = out;
    }

    /** Creates (or empties) the file and writes the header; throws with psql's wording of why it cannot. */
    static ScriptRecording create(Path file, String displayName, List<String> header) throws CannotWrite {
        try {
            BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            ScriptRecording recording = new ScriptRecording(file, displayName, writer);
            recording.write(String.join("\n", header));
            return recording;
        } catch (IOException e) {
            throw new CannotWrite(displayName + ": " + reason(e));
        }
    }

    Path file() { return file; }

    String displayName() { return displayName; }

    int entries() { return entries; }

    /** An entry (one or more lines), then a line break, flushed. */
    void writeEntry(String text) throws IOException {
        write(text);
        entries++;
    }

    /** A line of COPY data, or its {@code \.}, flushed. */
    void writeDataLine(String line) throws IOException {
        write(line);
    }

    private void write(String text) throws IOException {
        out.write(text);
        out.write('\n');
        out.flush();
    }

    /** Writes the last line and closes the file. */
    void finish(String footer) throws IOException {
        try (out) {
            write(footer);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // already failing: the caller reports the first error
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage();
    }

    /** The file cannot be written. */
    static final class CannotWrite extends Exception {
        CannotWrite(String message) { super(message); }
    }
}
