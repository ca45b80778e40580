package org.shardprep.shell;

import org.shardprep.command.CommandErrors;
import org.shardprep.shell.describe.CatalogQuery;
import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.input.StandardInput;
import org.shardprep.shell.session.Session;

import org.shardprep.command.ShellCommands;
import java.io.BufferedReader;
import java.io.IOException;
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
        if (singleTransaction && !psqlExec("BEGIN")) return InputProcessor.EXIT_FAILURE;
        int status = InputProcessor.EXIT_OK;
        if (steps.isEmpty()) {
            status = runReader(StandardInput.reader(), null);
        }
        for (Step step : steps) {
            status = step.isFile() ? runFile(step.value()) : processor.runCommandString(step.value());
            if (processor.stopped()) break;
        }
        if (singleTransaction) {
            boolean failed = processor.stopped() && status != InputProcessor.EXIT_OK;
            psqlExec(failed ? "ROLLBACK" : "COMMIT");
        }
        return status;
    }

    /** -1's BEGIN and COMMIT go as psql's PSQLexec sends them: no tag printed, no step, shown only by -E. */
    private boolean psqlExec(String sql) {
        try {
            CatalogQuery.of(session).run(sql);
            return true;
        } catch (CatalogQuery.NotSent e) {
            return false;
        } catch (java.sql.SQLException e) {
            session.error(CommandErrors.oneLine(e));
            return false;
        }
    }

    private int runFile(String name) {
        if (name.equals("-")) {
            return runReader(StandardInput.reader(), "<stdin>");
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
