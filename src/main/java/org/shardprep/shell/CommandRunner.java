package org.shardprep.shell;

import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.session.Session;

import org.jline.reader.impl.DefaultParser;
import org.shardprep.command.CommandRegistry;
import org.shardprep.command.ShellCommands;

import java.util.Collection;
import java.util.List;

/**
 * Runs shardprep command lines for the session: splits a line into words as a shell would (quotes group and
 * are removed), hands them to the registry, prints a failure as psql prints its errors, and times the
 * command for \timing and the timing log.
 */
public final class CommandRunner implements ShellCommands {

    private final Session session;
    private final CommandRegistry registry;

    public CommandRunner(Session session, CommandRegistry registry) {
        this.session = session;
        this.registry = registry;
    }

    public CommandRegistry registry() { return registry; }

    @Override
    public boolean isCommand(String firstWord) {
        return registry.isCommand(firstWord);
    }

    @Override
    public boolean isCommandLine(String line) {
        String word = ShellCommands.firstWord(line);
        // only words that can start a command are split: a SQL line pays for nothing
        return !word.isEmpty() && registry.isCommand(word) && registry.isCommandLine(words(line.strip()));
    }

    @Override
    public Collection<CommandRegistry.Entry> entries() {
        return registry.entries();
    }

    @Override
    public int runAsTyped(String text) {
        ScriptLocation outer = session.enter(new ScriptLocation(null));
        try {
            return new InputProcessor(session, this).runCommandString(text);
        } finally {
            session.enter(outer);
        }
    }

    @Override
    public String prompt() {
        return new PromptBuilder(session).text(org.shardprep.sql.scan.OpenState.NONE, true, 1);
    }

    @Override
    public String usage(String line) {
        registry.setOutput(session.out(), session.terminalWidth());
        return registry.usage(words(line));
    }

    @Override
    public boolean run(String line) {
        long start = System.nanoTime();
        CommandRegistry.Outcome outcome;
        session.setCommandThread(Thread.currentThread());   // Ctrl-C reaches the command and its statements
        try {
            outcome = execute(line);
        } finally {
            session.setCommandThread(null);
            Thread.interrupted();   // that Ctrl-C was the command's; the session still knows of it (interrupted())
        }
        if (!outcome.ok()) session.error(outcome.failure());
        if (!ShellCommands.firstWord(line).equals("timing")) {   // timing's own subcommands are not timed
            session.commandTimed(line, (System.nanoTime() - start) / 1e6, outcome.ok());
        }
        return outcome.ok();
    }

    @Override
    public String runForJob(String line) {
        CommandRegistry.Outcome outcome = execute(line);
        return outcome.ok() ? null : outcome.failure();
    }

    private CommandRegistry.Outcome execute(String line) {
        registry.setOutput(session.out(), session.terminalWidth());
        return registry.run(words(line));
    }

    /** Shell-style words: quotes group, and are removed, as a user of a command line expects. */
    public static List<String> words(String line) {
        // an empty word is an argument only when quoted (''): JLine gives one more for a trailing blank
        String text = line.strip();
        return new DefaultParser().escapeChars(new char[0]).parse(text, text.length()).words();
    }
}
