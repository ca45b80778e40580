package org.shardprep.command;

import java.util.Collection;
import java.util.List;

/**
 * shardprep's own commands (load-all, simulate-orders, ...) as the main loop, the scheduler and commands
 * that run other commands (the walkthrough, replay) see them: a line whose first word names one runs as
 * that command, anything else is SQL or a backslash command.
 */
public interface ShellCommands {

    /**
     * True when the line is one of our commands: its first word names one, and, where that word is also an SQL
     * command (PREPARE), a subcommand of ours follows it, not SQL (PREPARE plan AS ...).
     */
    boolean isCommandLine(String line);

    /** True when the word names one of our commands. */
    boolean isCommand(String firstWord);

    /** Runs the whole line as a command; false when it failed (for ON_ERROR_STOP and the exit status). */
    boolean run(String line);

    /** Runs the line for a scheduled job: null when it worked, else its error in one line. */
    String runForJob(String line);

    /** The commands with their summaries, for help and completion. */
    Collection<CommandRegistry.Entry> entries();

    /** The names, for completion. */
    default Collection<String> names() {
        return entries().stream().map(CommandRegistry.Entry::name).toList();
    }

    /**
     * Runs text as if typed at the prompt (SQL, backslash commands, our commands), in an input of its own: a
     * recording keeps the line of the command that runs it, not these. Returns psql's exit status for it.
     */
    int runAsTyped(String text);

    /** The prompt the shell shows now, for a command that echoes what it runs as if typed. */
    String prompt();

    /** Usage and options of the command a line names (help CMD, CMD --help), or null for no command. */
    String usage(String line);

    ShellCommands NONE = new ShellCommands() {
        @Override public boolean isCommand(String firstWord) { return false; }
        @Override public boolean isCommandLine(String line) { return false; }
        @Override public boolean run(String line) { return false; }
        @Override public String runForJob(String line) { return "no command machinery"; }
        @Override public Collection<CommandRegistry.Entry> entries() { return List.of(); }
        @Override public String usage(String line) { return null; }
        @Override public int runAsTyped(String text) { return 1; }
        @Override public String prompt() { return ""; }
    };

    /** The first word of a line: letters, digits, '-' and '_' (command names are hyphenated). */
    static String firstWord(String line) {
        String s = line.stripLeading();
        int i = 0;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) i++;
        return s.substring(0, i);
    }
}
