package org.shardprep.shell.repl;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.shardprep.shell.input.CopyDataInput;

/**
 * COPY data typed at the terminal after psql's PROMPT3 (">> "). psql reads these lines with plain fgets: no
 * statement continuation, no completion (Tab is a column separator), no history. So they get a line reader
 * of their own rather than the SQL one, whose parser would wait for a ';'.
 */
final class TerminalCopyDataInput implements CopyDataInput {

    private final Terminal terminal;
    /** PROMPT3, as a JLine pattern. */
    private final java.util.function.Supplier<String> prompt;
    private LineReader reader;

    TerminalCopyDataInput(Terminal terminal, java.util.function.Supplier<String> prompt) {
        this.terminal = terminal;
        this.prompt = prompt;
    }

    @Override
    public String readLine() {
        try {
            return reader().readLine(prompt.get());
        } catch (UserInterruptException | EndOfFileException e) {
            return null;   // Ctrl-C or Ctrl-D ends the data, as EOF does in psql
        }
    }

    @Override
    public boolean interactive() { return true; }

    private LineReader reader() {
        if (reader == null) {
            DefaultParser raw = new DefaultParser();
            raw.setEscapeChars(new char[0]);
            raw.setQuoteChars(new char[0]);
            reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .parser(raw)
                    .variable(LineReader.DISABLE_HISTORY, true)   // data lines are not commands
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            KeyMap<Binding> main = reader.getKeyMaps().get(LineReader.MAIN);
            main.bind(new Reference(LineReader.SELF_INSERT), "\t");
        }
        return reader;
    }
}
