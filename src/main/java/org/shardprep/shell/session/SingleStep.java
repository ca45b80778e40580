package org.shardprep.shell.session;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.shardprep.shell.input.StandardInput;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;

/**
 * psql's single-step mode (SINGLESTEP, -s), from its SendQuery: each query is shown on stdout and waits for a
 * line; one starting with "x" cancels it. psql reads that line with fgets(buf, 3, stdin): at the prompt the
 * terminal, in a script whatever standard input is, the script's own next characters when it is piped in.
 */
final class SingleStep {

    static final String HEADER = "***(Single step mode: verify command)*******************************************";
    static final String FOOTER = "***(press return to proceed or enter x and return to cancel)********************";

    private SingleStep() {}

    /** Shows the query and reads the answer: whether to send it. */
    static boolean proceed(Session session, String sql) {
        session.err().flush();
        PrintWriter out = session.out();
        out.println(HEADER);
        out.println(sql);
        out.println(FOOTER);
        out.flush();
        String answer = session.terminal() != null ? atTerminal(session.terminal()) : fgets(StandardInput.reader(), 3);
        if (answer != null && answer.startsWith("x")) return false;
        return !session.interrupted();   // psql: Ctrl-C while it waited cancels the query too
    }

    /** At the prompt: a line of the terminal's; Ctrl-C there cancels, Ctrl-D is no answer (the query goes). */
    private static String atTerminal(Terminal terminal) {
        try {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            return reader.readLine("");
        } catch (UserInterruptException e) {
            return "x";
        } catch (EndOfFileException e) {
            return null;
        }
    }

    /** C's fgets: at most size - 1 characters, up to and with a line end; null at the end of the input. */
    static String fgets(Reader in, int size) {
        StringBuilder s = new StringBuilder();
        try {
            int c;
            while (s.length() < size - 1 && (c = in.read()) >= 0) {
                s.append((char) c);
                if (c == '\n') break;
            }
        } catch (IOException e) {
            return null;   // psql goes on as at the end of the input
        }
        return s.length() == 0 ? null : s.toString();
    }
}
