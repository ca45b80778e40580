package org.shardprep.sql.scan;

/**
 * How the arguments of a backslash command are lexed, as each of psql's {@code exec_command_*} functions
 * (src/bin/psql/command.c) asks for them: the scanner needs to know, for a command, where its arguments end.
 * The shell's meta-command catalog answers; the scanner itself knows no command.
 */
public interface MetaCommandSyntax {

    /** How the first argument is lexed (psql's {@code OT_NORMAL}, {@code OT_FILEPIPE}, {@code OT_WHOLE_LINE}). */
    enum ArgMode { NORMAL, FILEPIPE, WHOLE_LINE }

    /** Whether psql knows the command (an unknown one is an error and psql discards the rest of its line). */
    boolean isKnown(String name);

    /**
     * Lexing mode of the first argument. Unknown commands are {@link ArgMode#WHOLE_LINE}: psql reports
     * "invalid command" and throws the rest of the line away.
     */
    ArgMode firstArgMode(String name);

    /** Whether the command accepts {@code (option=value ...)} before its file name ({@code \g}, {@code \gx}). */
    boolean takesOptionList(String name);

    /** The name as psql dispatches it ({@code \COPY} is {@code copy}). */
    default String dispatchName(String name) {
        return name;
    }

    /** No backslash commands at all: for SQL text that is known to hold none (a resource file). */
    MetaCommandSyntax NONE = new MetaCommandSyntax() {
        @Override public boolean isKnown(String name) { return false; }
        @Override public ArgMode firstArgMode(String name) { return ArgMode.WHOLE_LINE; }
        @Override public boolean takesOptionList(String name) { return false; }
    };
}
