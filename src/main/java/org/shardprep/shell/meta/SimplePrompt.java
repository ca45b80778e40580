package org.shardprep.shell.meta;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.shardprep.shell.input.StandardInput;
import org.shardprep.shell.session.Session;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * psql's simple_prompt, where \prompt reads its answer and \password the new password: at the terminal (at the
 * interactive prompt through the shell's own; else /dev/tty, or stderr and stdin without one). \prompt in a script
 * (-f, \i) writes its text to stdout and takes the next line of standard input instead, as psql's
 * exec_command_prompt.
 */
final class SimplePrompt {

    private final Session session;

    SimplePrompt(Session session) {
        this.session = session;
    }

    /**
     * The answer without its line end. In a script, null at the end of standard input; at the terminal the end of
     * the input is an empty answer (psql's simple_prompt), and Ctrl-C gives null.
     */
    String ask(String text) throws IOException {
        if (session.location().name() != null) {
            if (text != null) {
                session.out().print(text);
                session.out().flush();
            }
            return StandardInput.reader().readLine();
        }
        Terminal terminal = session.terminal();
        if (terminal != null) {
            try {
                // a reader of its own: no history, completion or statement continuation for the answer
                return LineReaderBuilder.builder().terminal(terminal).build()
                        .readLine(text == null ? "" : text.replace("%", "%%"));
            } catch (EndOfFileException e) {
                return "";
            } catch (UserInterruptException e) {
                return null;
            }
        }
        try (FileInputStream in = new FileInputStream("/dev/tty"); OutputStream out = new FileOutputStream("/dev/tty")) {
            if (text != null) out.write(text.getBytes(Charset.defaultCharset()));
            out.flush();
            return orEmpty(line(in));
        } catch (java.io.FileNotFoundException noTerminal) {
            if (text != null) {
                System.err.print(text);
                System.err.flush();
            }
            return orEmpty(StandardInput.reader().readLine());
        }
    }

    private static String orEmpty(String line) {
        return line == null ? "" : line;
    }

    /**
     * A password: not shown as it is typed (the shell's terminal, else the JVM's console; without either, from
     * standard input, as psql without a terminal). Null when Ctrl-C cancelled it.
     */
    String askHidden(String text) throws IOException {
        Terminal terminal = session.terminal();
        // JLine masks input on a dumb terminal by redrawing the line at each key: the JVM's console there
        if (terminal != null && !terminal.getType().startsWith(Terminal.TYPE_DUMB)) {
            try {
                return LineReaderBuilder.builder().terminal(terminal).build().readLine(text.replace("%", "%%"), '\0');
            } catch (EndOfFileException e) {
                return "";
            } catch (UserInterruptException e) {
                return null;
            }
        }
        java.io.Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("%s", text);
            return pw == null ? "" : new String(pw);
        }
        System.err.print(text);
        System.err.flush();
        String answer = orEmpty(StandardInput.reader().readLine());
        System.err.println();   // the line end the user's Enter did not show
        System.err.flush();
        return answer;
    }

    /** One line, read a byte at a time so that nothing after it is taken from the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') bytes.write(b);
        if (b < 0 && bytes.size() == 0) return null;
        String s = bytes.toString(Charset.defaultCharset());
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
