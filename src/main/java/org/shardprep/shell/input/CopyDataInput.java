package org.shardprep.shell.input;


import java.io.BufferedReader;
import java.io.IOException;

/**
 * Where COPY ... FROM STDIN (and \copy ... FROM STDIN) read their data: psql reads it from wherever the
 * command came from, so in a script it is the lines that follow the command, up to "\.".
 */
public interface CopyDataInput {

    /** The next line of data without its terminator; null at the end of the input. */
    String readLine() throws IOException;

    /** At the terminal psql prints its instructions and a ">> " prompt. */
    boolean interactive();

    /** Lines of a script or of standard input; each line read advances the script's line number. */
    static CopyDataInput of(BufferedReader reader, ScriptLocation location) {
        return new CopyDataInput() {
            @Override
            public String readLine() throws IOException {
                String line = reader.readLine();
                if (line != null && location != null) location.setLine(location.line() + 1);
                return line;
            }

            @Override
            public boolean interactive() { return false; }
        };
    }
}
