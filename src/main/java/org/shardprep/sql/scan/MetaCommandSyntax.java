package org.shardprep.sql.scan;

import java.util.Set;

/**
 * What psql 15's {@code exec_command()} (src/bin/psql/command.c) reads as the arguments of a backslash command,
 * as far as it decides where the command ends on its line.
 */
final class MetaCommandSyntax {
    private MetaCommandSyntax() {
    }

    /** How the first argument is lexed (psql's {@code OT_NORMAL}, {@code OT_FILEPIPE}, {@code OT_WHOLE_LINE}). */
    enum ArgMode { NORMAL, FILEPIPE, WHOLE_LINE }

    /** Commands whose argument is the raw rest of the line, {@code \\} included. */
    private static final Set<String> WHOLE_LINE = Set.of(
            "!", "copy", "ef", "ev", "sf", "sf+", "sv", "sv+", "h", "help");

    /** Commands whose first argument may be {@code |command}, which then takes the rest of the line. */
    private static final Set<String> FILEPIPE = Set.of("g", "gx", "o", "out", "w", "write");

    /** The command names psql 15 knows, other than the {@code \d...} family. */
    private static final Set<String> KNOWN = Set.of(
            "a", "c", "connect", "C", "cd", "conninfo", "copy", "copyright", "crosstabview",
            "e", "edit", "ef", "ev", "echo", "elif", "else", "encoding", "endif", "errverbose",
            "f", "g", "gx", "gdesc", "getenv", "gexec", "gset", "h", "help", "H", "html",
            "i", "include", "if", "ir", "include_relative", "l", "list", "l+", "list+",
            "lo_export", "lo_import", "lo_list", "lo_list+", "lo_unlink",
            "o", "out", "p", "print", "password", "prompt", "pset", "q", "quit", "qecho",
            "r", "reset", "restrict", "unrestrict", "s", "set", "setenv", "sf", "sf+", "sv", "sv+",
            "t", "T", "timing", "unset", "w", "write", "warn", "watch", "x", "z", "!", "?");

    /** Whether psql 15 knows the command (an unknown one is an error and psql discards the rest of its line). */
    static boolean isKnown(String name) {
        return KNOWN.contains(name) || isCopy(name) || (!name.isEmpty() && name.charAt(0) == 'd');
    }

    /**
     * Lexing mode of the first argument. Unknown commands are {@link ArgMode#WHOLE_LINE}: psql reports
     * "invalid command" and throws the rest of the line away.
     */
    static ArgMode firstArgMode(String name) {
        if (!isKnown(name) || WHOLE_LINE.contains(name) || isCopy(name)) {
            return ArgMode.WHOLE_LINE;
        }
        return FILEPIPE.contains(name) ? ArgMode.FILEPIPE : ArgMode.NORMAL;
    }

    /** psql matches {@code \copy} in any case ({@code \COPY}, as the exercise writes it); every other name exactly. */
    static boolean isCopy(String name) {
        return name.equalsIgnoreCase("copy");
    }

    /** {@code \g} and {@code \gx} accept {@code (option=value ...)} before the file name. */
    static boolean takesOptionList(String name) {
        return name.equals("g") || name.equals("gx");
    }
}
