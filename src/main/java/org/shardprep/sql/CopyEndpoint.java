package org.shardprep.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The client's end of a COPY: psql's copyStream. For plain {@code COPY ... FROM STDIN} it is the current
 * input (the script lines that follow, or the terminal), for {@code TO STDOUT} the query output; {@code \copy}
 * puts a file, a program or the process's own streams in their place.
 */
public interface CopyEndpoint {

    /** Data for {@code COPY ... FROM STDIN}. Asked for only once the server has accepted the COPY. */
    InputStream source() throws IOException;

    /** Where {@code COPY ... TO STDOUT} data goes; flushed, not closed, by the runner. */
    OutputStream sink() throws IOException;

    /**
     * The server refused the COPY before asking for data: the data that stands in the input after the command (up to
     * its {@code \\.}) is passed over, as psql 15.20 does, instead of being read as statements.
     */
    default void skipData() throws IOException { }

    /** Whether the sink is where query results go: psql then leaves out the {@code COPY n} tag after the data. */
    default boolean sinkIsQueryOutput() { return false; }
}
