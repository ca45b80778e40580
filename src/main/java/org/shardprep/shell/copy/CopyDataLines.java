package org.shardprep.shell.copy;

import org.shardprep.shell.input.CopyDataInput;


import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * COPY data typed or scripted after the command, as psql's handleCopyIn reads it: line by line up to a
 * line {@code \.} or the end of the input. Only one line is held at a time.
 */
public final class CopyDataLines extends InputStream {

    static final String INSTRUCTIONS = "Enter data to be copied followed by a newline.\n"
            + "End with a backslash and a period on a line by itself, or an EOF signal.";

    private final CopyDataInput input;
    private final PrintWriter instructions;   // where psql's instructions go at the terminal; null: none
    private boolean started;
    private boolean done;
    private byte[] line = new byte[0];
    private int offset;

    /** @param instructions the terminal's output when psql would print its instructions (not QUIET), else null */
    public CopyDataLines(CopyDataInput input, PrintWriter instructions) {
        this.input = input;
        this.instructions = instructions;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (offset >= line.length) {
            if (!nextLine()) return -1;
        }
        int n = Math.min(len, line.length - offset);
        System.arraycopy(line, offset, b, off, n);
        offset += n;
        return n;
    }

    private boolean nextLine() throws IOException {
        if (done) return false;
        if (!started) {
            started = true;
            if (input.interactive() && instructions != null) {
                instructions.println(INSTRUCTIONS);
                instructions.flush();
            }
        }
        String text = input.readLine();
        if (text == null || text.equals("\\.")) {
            done = true;
            return false;
        }
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        offset = 0;
        return true;
    }
}
