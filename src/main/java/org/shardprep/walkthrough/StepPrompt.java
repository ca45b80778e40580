package org.shardprep.walkthrough;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

import java.util.Locale;

/**
 * The question before each step, at the terminal: Enter runs the step, s skips its commands (its checkpoint is
 * still asked: for a step done by hand), q, Ctrl-C or Ctrl-D stop the walkthrough. A plain line reader of its
 * own: the answer is not a statement, and it stays out of the history.
 */
final class StepPrompt {

    enum Answer { RUN, SKIP, STOP }

    static final String QUESTION = "Enter: run it, s: skip it, q: stop here> ";

    private final Terminal terminal;
    private LineReader reader;

    StepPrompt(Terminal terminal) {
        this.terminal = terminal;
    }

    Answer ask() {
        while (true) {
            String line;
            try {
                line = reader().readLine(QUESTION);
            } catch (UserInterruptException | EndOfFileException e) {
                return Answer.STOP;
            }
            if (Thread.interrupted()) return Answer.STOP;   // Ctrl-C reached the command's thread instead
            switch (line.strip().toLowerCase(Locale.ROOT)) {
                case "" -> { return Answer.RUN; }
                case "s", "skip" -> { return Answer.SKIP; }
                case "q", "quit", "stop" -> { return Answer.STOP; }
                default -> terminal.writer().println("Press Enter to run the step, s to skip it, or q to stop.");
            }
        }
    }

    private LineReader reader() {
        if (reader == null) {
            DefaultParser raw = new DefaultParser();
            raw.setEscapeChars(new char[0]);
            raw.setQuoteChars(new char[0]);
            reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .parser(raw)
                    .variable(LineReader.DISABLE_HISTORY, true)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
        }
        return reader;
    }
}
