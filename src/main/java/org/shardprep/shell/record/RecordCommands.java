package org.shardprep.shell.record;

import org.shardprep.shell.CommandError;
import org.shardprep.shell.Session;
import org.shardprep.sql.SessionConnection;
import org.springframework.shell.command.CommandRegistration.OptionArity;
import org.springframework.shell.command.annotation.Command;
import org.springframework.shell.command.annotation.Option;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * record start FILE, record stop, record / record status: what the user runs, written as a script that
 * {@code shardprep -f}, {@code \i} and {@code replay} run unchanged (see {@link Recorder}).
 */
@Command
public class RecordCommands {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Session session;

    public RecordCommands(Session session) {
        this.session = session;
    }

    @Command(command = "record", description = "Whether input is being recorded, and to which file")
    public void record(@Option(arity = OptionArity.ZERO_OR_ONE, description = "start FILE, stop or status") String what) {
        if (what != null) throw new CommandError("record: no sub-command \"" + what + "\"; use record start FILE, record stop or record status");
        status();
    }

    @Command(command = {"record", "status"}, description = "Whether input is being recorded, and to which file")
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

    @Command(command = {"record", "start"}, description = "Write what you run from now on (not its output) to FILE, a script to replay")
    public void start(@Option(required = true, arity = OptionArity.EXACTLY_ONE, description = "the script file to write (emptied first)") String file) {
        if (file.isBlank()) throw new CommandError("record start: a file name is required");
        SessionConnection c = session.connection();
        String embedded = session.embedded() == null ? null : String.valueOf(session.embedded().dataDirectory());
        session.recorder().start(session.resolve(file), file,
                new Recorder.Server(c.host(), c.port(), c.database(), c.user(), embedded), session.location());
        session.info("Recording to " + file + ".");
    }

    @Command(command = {"record", "stop"}, description = "Stop recording and close the file")
    public void stop() {
        Recorder.Finished done = session.recorder().stop();
        if (done == null) throw new CommandError("record stop: not recording");
        session.info("Recording stopped: " + entries(done.entries()) + " in " + done.displayName() + ".");
    }

    private static String entries(int n) {
        return n + (n == 1 ? " entry" : " entries");
    }
}
