package org.shardprep.shell.repl;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.shardprep.command.ShellCommands;
import org.shardprep.sql.scan.StatementScanner;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Tells JLine when the typed text is ready to run, using the same scanner as scripts: Enter inside an open
 * statement, quote, comment or parenthesis adds a line (and JLine's secondary prompt shows what is open, as
 * psql's PROMPT2 does), Enter after a ';' or a backslash command runs it. A line starting with one of our
 * commands runs as typed.
 */
public final class SqlLineParser implements Parser {

    private final DefaultParser words = new DefaultParser();
    private final ShellCommands commands;
    private final BooleanSupplier standardConformingStrings;
    private final BooleanSupplier singleLine;   // psql's SINGLELINE: Enter ends a statement with nothing open
    private volatile boolean answering;   // a question (stop and quit? [y/N]): one line, not a statement

    public SqlLineParser(ShellCommands commands, BooleanSupplier standardConformingStrings, BooleanSupplier singleLine) {
        this.commands = commands;
        this.standardConformingStrings = standardConformingStrings;
        this.singleLine = singleLine;
        // no escape characters: a backslash starts a psql command, it must reach us as typed
        words.setEscapeChars(new char[0]);
        words.setEofOnUnclosedQuote(false);
        words.setEofOnEscapedNewLine(false);
    }

    /** While on, every line is accepted as typed (an answer to a question, not SQL). */
    public void setAnswering(boolean on) { answering = on; }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (!answering && (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT)) {
            if (!acceptsAsTyped(line)) {
                var completeness = StatementScanner.completeness(line, standardConformingStrings.getAsBoolean(),
                        org.shardprep.shell.meta.MetaCommandCatalog.PSQL, singleLine.getAsBoolean());
                if (!completeness.complete()) {
                    throw new EOFError(-1, -1, "statement continues", completeness.openState().promptChar());
                }
            }
        }
        return words.parse(line, cursor, ParseContext.COMPLETE);
    }

    /** Our commands, and psql's help/quit/exit on a first line, are line-based: no ';' needed. */
    private boolean acceptsAsTyped(String text) {
        if (text.isBlank() || text.indexOf('\n') >= 0) return text.isBlank();
        String word = ShellCommands.firstWord(text);
        if (!word.isEmpty() && commands.isCommandLine(text)) return true;
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(";")) s = s.substring(0, s.length() - 1).strip();
        return s.equals("help") || s.equals("quit") || s.equals("exit");
    }

    @Override
    public boolean isEscapeChar(char ch) { return false; }
}
