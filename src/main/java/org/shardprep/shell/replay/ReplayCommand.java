package org.shardprep.shell.replay;

import org.shardprep.shell.record.ScriptRecording;
import org.shardprep.shell.session.StepPrompt;

import org.jline.terminal.Terminal;
import org.shardprep.command.CommandError;
import org.shardprep.shell.InputProcessor;
import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.session.Session;
import org.shardprep.command.ShellCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * replay FILE [--step] [--typing CPS] [--pause MS]: a script (a recording, or anything -f runs) played for an
 * audience. It runs through the same main loop as typed input, on the statement scanner, as a script: \i and
 * \ir inside it look beside it first, its COPY data comes from it, and ON_ERROR_STOP ends it as it ends an \i.
 */
public class ReplayCommand {

    private final Session session;
    private final ShellCommands commands;

    public ReplayCommand(Session session, ShellCommands commands) {
        this.session = session;
        this.commands = commands;
    }

    @Command(name = "replay", description = "Run a script for an audience: each statement shown as if typed, then its output")
    public void replay(
            @Parameters(paramLabel = "FILE", description = "the script (a recording, or any file -f runs)") String file,
            @Option(names = "--step", description = "wait for Enter before each statement (s skips it, q stops); at a terminal only") boolean step,
            @Option(names = "--typing", defaultValue = "0", description = "show statements typed at this many characters a second (0: at once)") int typing,
            @Option(names = "--pause", defaultValue = "0", description = "milliseconds to wait after each statement") long pause) {
        if (typing < 0) throw new CommandError("replay: --typing must be 0 (at once) or more characters a second");
        if (pause < 0) throw new CommandError("replay: --pause must be 0 or more milliseconds");
        if (step && !session.interactive()) {
            throw new CommandError("replay: --step needs a terminal to answer at, and this shell reads a script; leave --step out");
        }
        Path path = session.resolve(file);
        if (Files.isDirectory(path)) throw new CommandError("replay: " + file + ": Is a directory");
        if (session.recorder().writes(path)) {
            throw new CommandError("replay: " + file + " is the file being recorded; record stop first");
        }
        Terminal screen = session.interactive() ? session.terminal() : null;
        boolean ansi = screen != null && session.console().colour();
        if (step && screen == null) throw new CommandError("replay: --step needs a terminal to answer at");
        Pacing pacing = new Pacing(typing, pause, () -> session.interrupted() || Thread.currentThread().isInterrupted());
        ReplayPresenter presenter = new ReplayPresenter(session, pacing, step ? new StepPrompt(screen, ansi) : null, screen, ansi);
        InputProcessor processor = InputProcessor.observed(session, commands, presenter);
        ScriptLocation location = new ScriptLocation(file);
        int status;
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            status = processor.runScript(reader, location);
        } catch (IOException e) {
            throw new CommandError("replay: " + file + ": " + ScriptRecording.reason(e));
        }
        if (status == InputProcessor.EXIT_USER) {
            throw new CommandError("replay stopped at " + file + ":" + location.line() + " (ON_ERROR_STOP)");
        }
        if (status == InputProcessor.EXIT_BADCONN) {
            throw new CommandError("replay stopped at " + file + ":" + location.line() + ": the connection to the server was lost");
        }
    }
}
