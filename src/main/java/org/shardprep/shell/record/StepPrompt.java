package org.shardprep.shell.record;

import org.shardprep.command.StepAnswer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.InfoCmp;

/**
 * The {@code replay --step} question under a statement shown (and the walkthrough's under a step): Enter runs
 * it, s skips it, q stops. A line reader
 * of its own (no history, no SQL continuation), so Ctrl-C here ends the wait rather than cancelling anything.
 * On a terminal that can, the question is erased once answered, so the statement's output follows it directly.
 */
public final class StepPrompt {

    static final String QUESTION = "[Enter] run  [s] skip  [q] stop: ";

    private final Terminal terminal;
    private final boolean ansi;   // a terminal that shows styles and moves the cursor
    private LineReader reader;

    public StepPrompt(Terminal terminal, boolean ansi) {
        this.terminal = terminal;
        this.ansi = ansi;
    }

    public StepAnswer ask() {
        while (true) {
            String typed;
            try {
                typed = reader().readLine(ansi ? new AttributedString(QUESTION, AttributedStyle.DEFAULT.faint()).toAnsi(terminal) : QUESTION);
            } catch (UserInterruptException | EndOfFileException e) {
                return StepAnswer.INTERRUPTED;
            }
            StepAnswer answer = StepAnswer.parse(typed);
            if (answer != null) {
                eraseQuestion();
                return answer;
            }
        }
    }

    /** The cursor is on the line after the question: up one line and clear it, where the terminal can. */
    private void eraseQuestion() {
        if (!ansi) return;
        terminal.puts(InfoCmp.Capability.cursor_up);
        terminal.puts(InfoCmp.Capability.carriage_return);
        terminal.puts(InfoCmp.Capability.clr_eol);
        terminal.flush();
    }

    private LineReader reader() {
        if (reader == null) {
            DefaultParser raw = new DefaultParser();
            raw.setEscapeChars(new char[0]);
            reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .parser(raw)
                    .variable(LineReader.DISABLE_HISTORY, true)   // answers are not commands
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
        }
        return reader;
    }
}
