package org.shardprep.shell.replay;

import org.shardprep.shell.record.Recorder;

import org.shardprep.command.CommandError;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.SessionConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * record start FILE, record stop, record / record status: what the user runs, written as a script that
 * {@code shardprep -f}, {@code \i} and {@code replay} run unchanged (see {@link Recorder}).
 */
@Command(name = "record", description = "Record what you run to a script that -f, \\i and replay run again")
public class RecordCommands implements Runnable {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Session session;

    public RecordCommands(Session session) {
        this.session = session;
    }

    /** record alone: as record status. */
    @Override
    public void run() {
        status();
    }

    @Command(name = "status", description = "Whether input is being recorded, and to which file")
    public void status() {
        Recorder r = session.recorder();
        if (!r.active()) {
            session.out().println("Not recording.");
        } else {
            session.out().println("Recording to " + r.displayName() + " since " + CLOCK.format(r.since()) + " ("
                    + entries(r.entries()) + " so far).");
        }
        session.out().flush();
    }

    @Command(name = "start", description = "Write what you run from now on (not its output) to FILE, a script to replay")
    public void start(@Parameters(paramLabel = "FILE", description = "the script file to write (emptied first)") String file) {
        if (file.isBlank()) throw new CommandError("record start: a file name is required");
        SessionConnection c = session.connection();
        String embedded = session.embedded() == null ? null : String.valueOf(session.embedded().dataDirectory());
        session.recorder().start(session.resolve(file), file,
                new Recorder.Server(c.host(), c.port(), c.database(), c.user(), embedded), session.location());
        session.info("Recording to " + file + ".");
    }

    @Command(name = "stop", description = "Stop recording and close the file")
    public void stop() {
        Recorder.Finished done = session.recorder().stop();
        if (done == null) throw new CommandError("record stop: not recording");
        session.info("Recording stopped: " + entries(done.entries()) + " in " + done.displayName() + ".");
    }

    private static String entries(int n) {
        return n + (n == 1 ? " entry" : " entries");
    }
}
