package org.shardprep.shell;

/** The text of \? for the backslash commands shardprep has, in psql's layout. */
final class MetaCommandHelp {
    private MetaCommandHelp() {}

    static final String TEXT = """
            General
              \\q                     quit shardprep
              \\conninfo              display information about current connection

            Query Buffer
              \\g [FILE] or ;         execute query (and send results to file)
              \\gx [FILE]             as \\g, but forces expanded output mode
              \\p                     show the contents of the query buffer
              \\r                     reset (clear) the query buffer

            Input/Output
              \\copy ...              perform SQL COPY with data stream to the client host
              \\echo [-n] [STRING]    write string to standard output (-n for no newline)

            Formatting / timing
              \\timing [on|off]       toggle timing of commands
              \\x [on|off|auto]       toggle expanded output

            Variables
              \\set [NAME [VALUE]]    set internal variable, or list all if no parameters
              \\unset NAME            unset (delete) internal variable

            shardprep commands (type help for the list): load-all, simulate-orders, schedule,
            backfill, swap-pk, timing ... as they become available.
            """;
}
