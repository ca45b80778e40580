package org.shardprep.shell;

/**
 * shardprep's own commands (load-all, simulate-orders, ...), typed on a line of their own where SQL could
 * start. The main loop asks here before handing a line to the SQL scanner.
 */
public interface ShellCommands {

    /** True when the first word of a line names one of our commands. */
    boolean isCommand(String firstWord);

    /** Runs the whole line as a command; false when it failed (for ON_ERROR_STOP and the exit status). */
    boolean run(String line);

    /** Runs the line for a scheduled job: null when it worked, else its error in one line. */
    default String runForJob(String line) {
        return run(line) ? null : "the command failed";
    }

    /** The names, for help and completion. */
    java.util.Collection<String> names();

    ShellCommands NONE = new ShellCommands() {
        @Override public boolean isCommand(String firstWord) { return false; }
        @Override public boolean run(String line) { return false; }
        @Override public java.util.Collection<String> names() { return java.util.List.of(); }
    };

    /** The first word of a line: letters, digits, '-' and '_' (command names are hyphenated). */
    static String firstWord(String line) {
        String s = line.stripLeading();
        int i = 0;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '_')) i++;
        return s.substring(0, i);
    }
}
