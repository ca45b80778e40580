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
public final class ScriptRecording implements AutoCloseable {

    private final Path file;
    private final String displayName;
    private final java.nio.channels.FileChannel channel;
    private final BufferedWriter out;
    private int entries;
    private long lastEntryEnd = -1;   // where the last entry's line break is, while nothing followed it

    private ScriptRecording(Path file, String displayName, java.nio.channels.FileChannel channel) {
        this.file = file;
        this.displayName = displayName;
        this.channel = channel;
        this.out = new BufferedWriter(java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8));
    }

    /** Creates (or empties) the file and writes the header; throws with psql's wording of why it cannot. */
    static ScriptRecording create(Path file, String displayName, List<String> header) throws CannotWrite {
        try {
            var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            ScriptRecording recording = new ScriptRecording(file, displayName, channel);
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
        lastEntryEnd = channel.position() - 1;
    }

    /**
     * Adds words to the end of the last entry, when nothing was written after it: a question its command asked
     * and the user answered (" --yes"), so that the recording runs as it ran. Returns whether it could.
     */
    boolean amendLastEntry(String words) throws IOException {
        if (lastEntryEnd < 0) return false;
        channel.truncate(lastEntryEnd);
        channel.position(lastEntryEnd);
        write(words);
        lastEntryEnd = channel.position() - 1;
        return true;
    }

    /** A line of COPY data, or its {@code \.}, flushed. */
    void writeDataLine(String line) throws IOException {
        write(line);
        lastEntryEnd = -1;
    }

    private void write(String text) throws IOException {
        out.write(text);
        out.write('\n');
        out.flush();
    }

    /** Writes the last line and closes the file. */
    void finish(String footer) throws IOException {
        try (out) {
            lastEntryEnd = -1;
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

    public static String reason(IOException e) {
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
