package org.shardprep.shell.repl;

import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.springframework.shell.Input;
import org.springframework.shell.ResultHandlerService;
import org.springframework.shell.Shell;
import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.context.ShellContext;
import org.springframework.shell.exit.ExitCodeMappings;
import org.shardprep.shell.Session;
import org.shardprep.shell.ShellCommands;
import org.shardprep.shell.repl.complete.CommandOptionNames;

import java.util.Collection;
import java.util.List;

/**
 * Spring Shell's command machinery (registration, option binding, validation) behind our main loop:
 * the loop asks {@link #isCommand} for a line's first word and hands such lines here; everything else is
 * SQL or a backslash command and never reaches Spring Shell.
 */
public class CommandShell extends Shell implements ShellCommands {

    private final CommandCatalog catalog;
    private final ResultHandlerService results;
    private final Session session;

    public CommandShell(ResultHandlerService results, CommandCatalog catalog, Terminal terminal,
                        ShellContext context, ExitCodeMappings exitCodes, Session session) {
        super(results, catalog, terminal, context, exitCodes);
        this.catalog = catalog;
        this.results = results;
        this.session = session;
    }

    /**
     * Without Spring Shell's parser-exception resolver: it prints a missing or malformed option in red on
     * the terminal and makes the command look successful. Unresolved, the exception comes back to run(),
     * which prints it as psql prints errors and fails the command (ON_ERROR_STOP, exit status).
     */
    @Override
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    public void setExceptionResolvers(List<org.springframework.shell.command.CommandExceptionResolver> resolvers) {
        super.setExceptionResolvers(resolvers.stream()
                .filter(r -> !(r instanceof org.springframework.shell.command.CommandParserExceptionResolver)).toList());
    }

    @Override
    public boolean isCommand(String firstWord) {
        // "job pause" and "job resume" are registered under their whole names
        var names = catalog.getRegistrations().keySet();
        return names.contains(firstWord) || names.stream().anyMatch(n -> n.startsWith(firstWord + " "));
    }

    @Override
    public Collection<String> names() {
        return catalog.getRegistrations().keySet();
    }

    /** A command's --long and -s options as registered, for completion. */
    public Collection<String> optionNames(String command) {
        return new CommandOptionNames(catalog).apply(command);
    }

    @Override
    public boolean run(String line) {
        long start = System.nanoTime();
        Object result = evaluateCancellable(line);
        String failure = CommandFailure.of(result, line);
        boolean ok = failure == null;
        if (failure != null) {
            session.error(failure);
        } else if (result != null && result != NO_INPUT) {
            results.handle(result);
        }
        if (!ShellCommands.firstWord(line).equals("timing")) {   // timing's own subcommands are not timed
            session.commandTimed(line, (System.nanoTime() - start) / 1e6, ok);
        }
        return ok;
    }

    /** A scheduled job's command line: its failure is the run's message, not a line on the screen. */
    @Override
    public String runForJob(String line) {
        Object result = evaluateLine(line);
        String failure = CommandFailure.of(result, line);
        if (failure != null) return failure;
        if (result != null && result != NO_INPUT) results.handle(result);
        return null;
    }

    /**
     * While a command runs, Spring Shell takes SIGINT and only interrupts the command's thread, which a
     * statement blocked on the server never notices: watch for that interrupt and turn it into the session's
     * Ctrl-C (cancel what runs, on the session's connection or a registered pooled one).
     */
    private Object evaluateCancellable(String line) {
        Thread commandThread = Thread.currentThread();
        var watch = INTERRUPT_WATCH.scheduleWithFixedDelay(() -> {
            if (commandThread.isInterrupted() && !session.interrupted()) session.interrupt();
        }, 50, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        try {
            return evaluateLine(line);
        } finally {
            watch.cancel(false);
            // the interrupt was for this command only; one the watch had no time to see (a command that stopped at
            // once, keeping the flag) is still the user's Ctrl-C: the session hears of it, and a script stops
            if (Thread.interrupted() && !session.interrupted()) session.interrupt();
        }
    }

    private static final java.util.concurrent.ScheduledExecutorService INTERRUPT_WATCH =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "shardprep-interrupt-watch");
                t.setDaemon(true);
                return t;
            });

    private Object evaluateLine(String line) {
        // shell-style words: quotes group, and are removed, as a user of a command line expects
        List<String> words = new DefaultParser().escapeChars(new char[0]).parse(line, line.length()).words()
                .stream().filter(w -> !w.isEmpty()).toList();
        return evaluate(new Input() {
            @Override public String rawText() { return line; }
            @Override public List<String> words() { return words; }
        });
    }
}
