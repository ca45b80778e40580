package org.shardprep.shell;

import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.session.Session;

import org.shardprep.command.ShellCommands;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * -c, -f and piped stdin, in command-line order, with psql's exit statuses: for -c the status of the
 * last command, for scripts 0 unless ON_ERROR_STOP stopped them (3), 2 when the connection went away.
 */
public final class NonInteractiveRunner {

    /** One -c string or -f file. */
    public record Step(boolean isFile, String value) {}

    private final Session session;
    private final InputProcessor processor;

    public NonInteractiveRunner(Session session, ShellCommands commands) {
        this.session = session;
        this.processor = new InputProcessor(session, commands);
    }

    public InputProcessor processor() { return processor; }

    public int run(List<Step> steps, boolean singleTransaction) {
        if (singleTransaction && !session.execute("BEGIN").success()) return InputProcessor.EXIT_FAILURE;
        int status = InputProcessor.EXIT_OK;
        if (steps.isEmpty()) {
            status = runReader(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), null);
        }
        for (Step step : steps) {
            status = step.isFile() ? runFile(step.value()) : processor.runCommandString(step.value());
            if (processor.stopped()) break;
        }
        if (singleTransaction) {
            boolean failed = processor.stopped() && status != InputProcessor.EXIT_OK;
            session.execute(failed ? "ROLLBACK" : "COMMIT");
        }
        return status;
    }

    private int runFile(String name) {
        if (name.equals("-")) {
            return runReader(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), "<stdin>");
        }
        try (BufferedReader reader = Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8)) {
            return runReader(reader, name);
        } catch (NoSuchFileException e) {
            session.message("shardprep: error: " + name + ": No such file or directory");
            return InputProcessor.EXIT_FAILURE;
        } catch (IOException e) {
            session.message("shardprep: error: " + name + ": " + e.getMessage());
            return InputProcessor.EXIT_FAILURE;
        }
    }

    private int runReader(BufferedReader reader, String name) {
        try {
            return processor.runScript(reader, new ScriptLocation(name));
        } catch (IOException e) {
            session.message("shardprep: error: reading " + (name == null ? "standard input" : name) + ": " + e.getMessage());
            return InputProcessor.EXIT_FAILURE;
        }
    }
}
