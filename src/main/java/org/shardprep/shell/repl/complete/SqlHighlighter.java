package org.shardprep.shell.repl.complete;

import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Colours SQL as it is typed: keywords, literals, comments, numbers, :variables and backslash commands.
 * Colours that read on dark and light backgrounds alike; none at all on a dumb terminal, when output is
 * not a terminal, or when NO_COLOR is set (https://no-color.org).
 */
public final class SqlHighlighter implements Highlighter {

    static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.italic().foreground(AttributedStyle.CYAN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle VARIABLE = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle META_COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);

    private final boolean colour;

    public SqlHighlighter(boolean colour) {
        this.colour = colour;
    }

    public boolean colours() { return colour; }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        return highlight(buffer);
    }

    public AttributedString highlight(String buffer) {
        if (!colour || buffer.isEmpty()) return new AttributedString(buffer);
        try {
            AttributedStringBuilder out = new AttributedStringBuilder(buffer.length() + 32);
            for (SqlTokens.Token t : SqlTokens.of(buffer)) {
                AttributedStyle style = styleOf(t, buffer);
                if (style == null) {
                    out.append(buffer, t.start(), t.end());
                } else {
                    out.styled(style, buffer.substring(t.start(), t.end()));
                }
            }
            return out.toAttributedString();
        } catch (RuntimeException e) {
            return new AttributedString(buffer);   // a highlighting bug must never cost the user the line
        }
    }

    private static AttributedStyle styleOf(SqlTokens.Token t, String buffer) {
        return switch (t.kind()) {
            case WORD -> SqlKeywords.isKeyword(t.text(buffer)) ? KEYWORD : null;
            case STRING -> STRING;
            case COMMENT -> COMMENT;
            case NUMBER, PARAMETER -> NUMBER;
            case VARIABLE -> VARIABLE;
            case META_COMMAND -> META_COMMAND;
            default -> null;
        };
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // no error marking: the server says what is wrong
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // as above
    }
}
