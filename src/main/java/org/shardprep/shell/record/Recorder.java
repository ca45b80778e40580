package org.shardprep.shell.record;

import org.shardprep.command.CommandError;
import org.shardprep.shell.input.CopyDataInput;
import org.shardprep.shell.input.InputEntry;
import org.shardprep.shell.input.ScriptLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.function.Consumer;

/**
 * A session's recording: whether it records, to which file, and which input it listens to. That is the input
 * {@code record start} was typed in (the prompt, a -f script): what an {@code \i} or a replay runs from there is
 * not written again, only the line that ran it. When that input ends, the recording goes on with the input
 * around it; it ends with {@code record stop} or the shell.
 */
public final class Recorder implements AutoCloseable {

    private final Consumer<String> problems;   // where a failed write is reported
    private ScriptRecording recording;         // the open file, else null
    private ScriptLocation owner;              // the input being recorded
    private Instant since;

    public Recorder(Consumer<String> problems) {
        this.problems = problems;
    }

    /** The server the recording is made on, for its header. */
    public record Server(String host, int port, String database, String user, String embeddedDirectory) {}

    /**
     * Starts writing to {@code file} (created, or emptied) what {@code input} runs from now on.
     *
     * @throws CommandError while recording already, or when the file cannot be written
     */
    public void start(Path file, String displayName, Server server, ScriptLocation input) {
        if (recording != null) {
            throw new CommandError("already recording to " + recording.displayName() + "; record stop ends that first");
        }
        List<String> header = RecordingHeader.lines(server.host(), server.port(), server.database(), server.user(),
                server.embeddedDirectory(), ZonedDateTime.now());
        try {
            recording = ScriptRecording.create(file, displayName, header);
        } catch (ScriptRecording.CannotWrite e) {
            throw new CommandError("cannot record to " + e.getMessage());
        }
        owner = input;
        since = Instant.now();
    }

    /** Ends the recording; returns it (file name and entries) or null when there was none. */
    public Finished stop() {
        return finish("stopped");
    }

    /** What a finished recording wrote. */
    public record Finished(String displayName, Path file, int entries) {}

    public boolean active() { return recording != null; }

    /** The file as the user named it, while recording; else null. */
    public String displayName() { return recording == null ? null : recording.displayName(); }

    public int entries() { return recording == null ? 0 : recording.entries(); }

    /** Whether this is the file being written (a replay of it would read what it writes). */
    public boolean writes(Path file) {
        return recording != null && recording.file().toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
    }

    public Instant since() { return since; }

    /** Whether entries from this input are written (it is the one {@code record start} was typed in). */
    public boolean recordsFor(ScriptLocation input) {
        return recording != null && input == owner;
    }

    /** An entry about to run, as {@link RecordedText} keeps it. */
    public void write(InputEntry entry) {
        RecordedText.of(entry).ifPresent(this::writeEntry);
    }

    /**
     * The command just written asked a question and the user answered yes at the terminal: its entry gets
     * {@code --yes}, so that -f, \\i and replay run it as it ran, without asking.
     */
    public void answeredYes() {
        if (recording == null) return;
        try {
            recording.amendLastEntry(" --yes");
        } catch (IOException e) {
            problems.accept("recording to " + recording.displayName() + ": " + ScriptRecording.reason(e));
        }
    }

    /** Comment lines between entries. */
    public void writeComment(String text) {
        writeEntry(RecordedText.ofComment(text));
    }

    /** An input ended (an \i file, a replay, a -f script): a recording it owned goes on with the input around it. */
    public void inputEnded(ScriptLocation ended, ScriptLocation resumed) {
        if (owner == ended) owner = resumed;
    }

    /**
     * COPY data the command about to run may read: each line it reads goes into the recording, and {@link
     * RecordedCopyData#end()} adds the {@code \.} when the data ended otherwise (Ctrl-D at the terminal), so the
     * script replays.
     */
    public RecordedCopyData recordCopyData(CopyDataInput source) {
        return new RecordedCopyData(source, recording);
    }

    /** COPY data passing through on its way to the server, copied into the recording. */
    public final class RecordedCopyData implements CopyDataInput {
        private final CopyDataInput source;
        private final ScriptRecording target;
        private boolean read;
        private boolean terminated;

        private RecordedCopyData(CopyDataInput source, ScriptRecording target) {
            this.source = source;
            this.target = target;
        }

        @Override
        public String readLine() throws IOException {
            String line = source.readLine();
            read = true;
            if (line != null) {
                terminated = line.equals("\\.");
                writeData(target, line);
            }
            return line;
        }

        @Override
        public boolean interactive() { return source.interactive(); }

        /** The command is done: a COPY that read data ends with its {@code \.} in the recording. */
        public void end() {
            if (read && !terminated) writeData(target, "\\.");
        }
    }

    private void writeEntry(String text) {
        if (recording == null) return;
        try {
            recording.writeEntry(text);
        } catch (IOException e) {
            failed(e);
        }
    }

    private void writeData(ScriptRecording target, String line) {
        if (recording == null || recording != target) return;   // stopped meanwhile (record stop in an \i)
        try {
            recording.writeDataLine(line);
        } catch (IOException e) {
            failed(e);
        }
    }

    private void failed(IOException e) {
        String name = recording.displayName();
        recording.close();
        recording = null;
        owner = null;
        problems.accept("record: writing " + name + " failed: " + ScriptRecording.reason(e) + "; recording stopped");
    }

    private Finished finish(String why) {
        if (recording == null) return null;
        ScriptRecording done = recording;
        recording = null;
        owner = null;
        try {
            done.finish(RecordingHeader.footer(ZonedDateTime.now(), why));
        } catch (IOException e) {
            problems.accept("record: closing " + done.displayName() + " failed: " + ScriptRecording.reason(e));
        }
        return new Finished(done.displayName(), done.file(), done.entries());
    }

    /** The shell exits: the recording ends with it, its file complete. */
    @Override
    public void close() {
        finish("ended with the shell");
    }
}
