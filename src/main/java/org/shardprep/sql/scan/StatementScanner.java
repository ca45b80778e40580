package org.shardprep.sql.scan;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.shardprep.sql.scan.MetaCommandSyntax.ArgMode;

/**
 * The single authority on where statements end: a line-at-a-time port of psql 15's SQL lexer
 * ({@code src/fe_utils/psqlscan.l}) and of the parts of {@code src/bin/psql/mainloop.c} that shape the query
 * buffer (newline between lines, empty lines dropped, leading whitespace and comments dropped).
 *
 * <p>Feed physical lines with {@link #feedLine}; the listener hears of each statement ended by {@code ;} and of
 * each backslash command, in order. The scanner keeps the lexer state between lines (open quote, comment,
 * dollar quote, parenthesis depth, {@code BEGIN ... END} depth) and the pending query buffer.
 *
 * <p>The lexer is an explicit state machine over the characters of the line: it is linear in the input and
 * never recursive. Variable values ({@code :name}) are scanned like psql does, as a stack of input segments.
 */
public final class StatementScanner {

    // lexer states, named after psqlscan.l's start conditions
    private static final int INITIAL = 0;
    private static final int XB = 1;      // B'...'
    private static final int XH = 2;      // X'...'
    private static final int XQ = 3;      // '...' (standard_conforming_strings on)
    private static final int XE = 4;      // E'...' or '...' with standard_conforming_strings off
    private static final int XUS = 5;     // U&'...'
    private static final int XQS = 6;     // after a closing quote: looking for a quote continuation
    private static final int XC = 7;      // /* comment */
    private static final int XD = 8;      // "identifier"
    private static final int XUI = 9;     // U&"identifier"
    private static final int XDOLQ = 10;  // $tag$ ... $tag$

    // results of scan(), as psql's LEXRES_*
    private static final int EOL = 0;
    private static final int SEMI = 1;
    private static final int BACKSLASH = 2;
    private static final int GO_ON = -1;

    /** One input source: the fed line, or the value of a variable being interpolated. */
    private static final class Segment {
        final String text;
        final int end;
        final String varName;
        int pos;

        Segment(String text, String varName) {
            this.text = text;
            this.end = text.length();
            this.varName = varName;
        }
    }

    private boolean stdStrings = true;
    private VariableLookup vars;
    private BooleanSupplier singleLine = () -> false;

    private int state = INITIAL;
    private int stateBeforeStrStop = INITIAL;
    private int xcDepth;
    private int parenDepth;
    private int beginDepth;
    private int identifierCount;
    private final char[] identifiers = new char[4];
    private String dolqStart;
    private int openLine;

    private final StringBuilder buf = new StringBuilder();
    private int lineNo;
    private int stmtFirstLine;

    private Segment[] stack = new Segment[4];
    private int depth;
    private boolean scanning;
    private boolean stopLine;
    private Segment lineSegment;   // the fed line while it is being scanned

    private final MetaCommandSyntax syntax;

    /**
     * A scanner with standard_conforming_strings on and no variable interpolation.
     *
     * @param syntax how backslash commands take their arguments (the shell's meta-command catalog)
     */
    public StatementScanner(MetaCommandSyntax syntax) {
        this.syntax = syntax;
    }

    /** Follows the server's standard_conforming_strings: off makes a plain {@code '...'} honour backslashes. */
    public void setStandardConformingStrings(boolean on) {
        this.stdStrings = on;
    }

    /**
     * psql's SINGLELINE: when it says on at the end of a line, a statement with nothing open (no quote, comment,
     * parenthesis or BEGIN ... END) ends there as at a semicolon. Asked at each line end, as mainloop.c reads
     * pset.singleline, so a {@code \set} earlier on the same line counts.
     */
    public void setSingleLine(BooleanSupplier on) {
        this.singleLine = on;
    }

    /** Source of {@code :name} values; {@code null} turns interpolation off. */
    public void setVariables(VariableLookup lookup) {
        this.vars = lookup;
    }

    /**
     * Feeds one physical line (without its line terminator). Calls the listener for each statement completed
     * and each backslash command found in this line, in order.
     */
    public void feedLine(String line, ScanListener listener) {
        if (scanning) {
            throw new IllegalStateException("feedLine called from a ScanListener callback");
        }
        lineNo++;
        // mainloop.c: an empty line outside quotes is ignored altogether
        if (line.isEmpty() && !inQuote()) {
            return;
        }
        // mainloop.c: a newline goes between source lines once the buffer holds something
        int addedNewlineAt = -1;
        if (buf.length() > 0) {
            buf.append('\n');
            addedNewlineAt = buf.length();
        }
        scanning = true;
        stopLine = false;
        depth = 0;
        lineSegment = new Segment(line, null);
        push(lineSegment);
        try {
            while (true) {
                int result = scan();
                if (result == SEMI || result == EOL && endsAtLineEnd()) {
                    String sql = buf.toString();
                    int first = stmtFirstLine;
                    buf.setLength(0);
                    addedNewlineAt = -1;
                    // psql 15 starts the next statement afresh, CREATE FUNCTION's words forgotten, as after a ';'
                    if (result == EOL) resetLexer();
                    listener.onStatement(sql, first);
                    if (stopLine) {
                        break;
                    }
                } else if (result == BACKSLASH) {
                    // mainloop.c: a line holding only a backslash command leaves the buffer unchanged
                    if (buf.length() == addedNewlineAt) {
                        buf.setLength(buf.length() - 1);
                    }
                    addedNewlineAt = -1;
                    MetaCommand command = lexMetaCommand();
                    listener.onMetaCommand(command);
                    if (stopLine) {
                        break;
                    }
                } else {
                    break;
                }
            }
        } finally {
            Arrays.fill(stack, 0, depth, null);
            depth = 0;
            scanning = false;
            lineSegment = null;
        }
    }

    /**
     * From a listener callback: how many characters of the line being fed have been scanned, so the text as
     * typed of the statement or command just found ends there (recording and replay cut input at it).
     */
    public int lineOffset() {
        if (lineSegment == null) {
            throw new IllegalStateException("lineOffset is only known inside a ScanListener callback");
        }
        // after a backslash inside a variable's value (flattenInput) the bottom segment is that value's rest
        // joined to the line's rest, whose position was frozen when they were joined: the line is its tail
        Segment bottom = stack[0];
        return lineSegment.end - Math.min(lineSegment.end - lineSegment.pos, bottom.end - bottom.pos);
    }

    /** From a listener callback: ignore the rest of the current line (psql does after {@code \q}). */
    public void stopLine() {
        stopLine = true;
    }

    /** What is open at the end of the input fed so far ({@link OpenState#NONE} when the buffer is empty). */
    public OpenState openState() {
        if (buf.length() == 0) {
            return OpenState.NONE;   // mainloop.c resets the prompt when query_buf is empty
        }
        switch (state) {
            case XB, XH, XQ, XE, XUS:
                return OpenState.SINGLE_QUOTE;
            case XD, XUI:
                return OpenState.DOUBLE_QUOTE;
            case XDOLQ:
                return OpenState.DOLLAR_QUOTE;
            case XC:
                return OpenState.COMMENT;
            default:
                return parenDepth > 0 ? OpenState.PAREN : OpenState.CONTINUE;
        }
    }

    /** Whether the query buffer holds non-whitespace text. */
    public boolean hasPendingText() {
        for (int i = 0; i < buf.length(); i++) {
            if (!Character.isWhitespace(buf.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The pending query buffer. */
    public String bufferText() {
        return buf.toString();
    }

    /** Returns the query buffer and clears it, resetting the lexer state (psql after {@code \g}). */
    public String takeBuffer() {
        String text = buf.toString();
        resetBuffer();
        return text;
    }

    /** Length of the query buffer (psql's query_buf->len), for {@link #truncateBuffer}. */
    public int bufferLength() {
        return buf.length();
    }

    /** The lexer's parenthesis depth, for {@link #truncateBuffer}. */
    public int parenDepth() {
        return parenDepth;
    }

    /**
     * Cuts the query buffer back to {@code length} and the parenthesis depth to {@code depth} (psql's
     * discard_query_text: text typed in an {@code \if} branch that does not run is dropped at its end).
     */
    public void truncateBuffer(int length, int depth) {
        if (length >= 0 && length < buf.length()) {
            buf.setLength(length);
        }
        if (depth >= 0) {
            parenDepth = depth;
        }
    }

    /** Ends the query buffer with a newline, if it holds text without one (psql's do_edit, for its editor). */
    public void endBufferWithNewline() {
        if (buf.length() > 0 && buf.charAt(buf.length() - 1) != '\n') {
            buf.append('\n');
        }
    }

    /** Clears the query buffer and the lexer state ({@code \r}). */
    public void resetBuffer() {
        buf.setLength(0);
        resetLexer();
    }

    /** Number of lines fed so far. */
    public int lineNumber() {
        return lineNo;
    }

    /**
     * End of input. Returns the unterminated pending statement, as psql sends it at end of file, or empty.
     * The scanner is then ready for new input.
     *
     * @throws UnterminatedInputException if the input ends inside a quoted string or identifier, a dollar quote
     *                                    or a block comment (psql would send the text and the server would
     *                                    report this error)
     */
    public Optional<String> finish() {
        String pending = buf.toString();
        int stateAtEnd = state;
        int line = openLine;
        resetBuffer();
        String reason = switch (stateAtEnd) {
            case XB -> "unterminated bit string literal";
            case XH -> "unterminated hexadecimal string literal";
            case XQ, XE, XUS -> "unterminated quoted string";
            case XD, XUI -> "unterminated quoted identifier";
            case XC -> "unterminated /* comment";
            case XDOLQ -> "unterminated dollar-quoted string";
            default -> null;
        };
        if (reason != null && !pending.isEmpty()) {
            throw new UnterminatedInputException(reason, line, pending);
        }
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending);
    }

    /**
     * For a line editor: whether {@code multiLineInput} should be accepted now. It should if, after scanning all
     * of it, the buffer is empty or its last physical line ended a statement or held a backslash command;
     * otherwise the answer carries what is open, for the continuation prompt.
     */
    public static Completeness completeness(String multiLineInput, boolean standardConformingStrings, MetaCommandSyntax syntax) {
        return completeness(multiLineInput, standardConformingStrings, syntax, false);
    }

    /** As above, under SINGLELINE when {@code singleLine}: a line that ends a statement there is complete. */
    public static Completeness completeness(String multiLineInput, boolean standardConformingStrings, MetaCommandSyntax syntax,
                                            boolean singleLine) {
        StatementScanner scanner = new StatementScanner(syntax);
        scanner.setStandardConformingStrings(standardConformingStrings);
        scanner.setSingleLine(() -> singleLine);
        boolean[] lastLineEmitted = new boolean[1];
        ScanListener listener = new ScanListener() {
            @Override
            public void onStatement(String sql, int firstLine) {
                lastLineEmitted[0] = true;
            }

            @Override
            public void onMetaCommand(MetaCommand command) {
                lastLineEmitted[0] = true;
            }
        };
        int start = 0;
        while (true) {
            int nl = multiLineInput.indexOf('\n', start);
            String line = nl < 0 ? multiLineInput.substring(start) : multiLineInput.substring(start, nl);
            lastLineEmitted[0] = false;
            scanner.feedLine(line, listener);
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        OpenState open = scanner.openState();
        boolean complete = open == OpenState.NONE || lastLineEmitted[0];
        return new Completeness(complete, complete ? OpenState.NONE : open);
    }

    // ------------------------------------------------------------------------------------------------------------
    // lexer

    private boolean inQuote() {
        return state != INITIAL && state != XQS;
    }

    /** psql_scan's PSCAN_EOL (nothing open, the buffer not empty) under SINGLELINE: mainloop.c sends it. */
    private boolean endsAtLineEnd() {
        return !inQuote() && parenDepth == 0 && beginDepth == 0 && buf.length() > 0 && singleLine.getAsBoolean();
    }

    private void resetLexer() {
        state = INITIAL;
        stateBeforeStrStop = INITIAL;
        parenDepth = 0;
        xcDepth = 0;
        dolqStart = null;
        identifierCount = 0;
        beginDepth = 0;
    }

    private void push(Segment segment) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = segment;
    }

    private boolean isCurrentSource(String varName) {
        for (int i = 0; i < depth; i++) {
            if (varName.equals(stack[i].varName)) {
                return true;
            }
        }
        return false;
    }

    /** psqlscan_emit: copy scanned text to the query buffer. */
    private void echo(String s, int from, int to) {
        if (buf.length() == 0) {
            stmtFirstLine = lineNo;
        }
        buf.append(s, from, to);
    }

    /** Text that does not come from the input (escaped variable values). */
    private void emitGenerated(String text) {
        if (buf.length() == 0) {
            stmtFirstLine = lineNo;
        }
        buf.append(text);
    }

    private void enter(int newState) {
        state = newState;
        openLine = lineNo;
    }

    /** Lexes until a command-ending semicolon, a backslash command or the end of the line. */
    private int scan() {
        while (true) {
            Segment seg = stack[depth - 1];
            if (seg.pos >= seg.end) {
                if (depth == 1) {
                    return EOL;
                }
                stack[--depth] = null;   // end of a variable's value: back to the text around it
                continue;
            }
            int result = switch (state) {
                case INITIAL -> lexInitial(seg);
                case XQ, XUS -> lexStandardString(seg);
                case XE -> lexEscapeString(seg);
                case XB, XH -> lexBitString(seg);
                case XQS -> lexQuoteStop(seg);
                case XC -> lexComment(seg);
                case XD, XUI -> lexQuotedIdentifier(seg);
                case XDOLQ -> lexDollarQuoted(seg);
                default -> throw new IllegalStateException("lexer state " + state);
            };
            if (result != GO_ON) {
                return result;
            }
        }
    }

    private int lexInitial(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        char c = s.charAt(p);
        char next = p + 1 < e ? s.charAt(p + 1) : 0;

        if (isSpace(c) || (c == '-' && next == '-')) {
            // {whitespace}: blanks and -- comments, dropped while the buffer is empty (psql 15)
            int q = p;
            if (c == '-') {
                while (q < e && !isNewline(s.charAt(q))) {
                    q++;
                }
            } else {
                while (q < e && isSpace(s.charAt(q))) {
                    q++;
                }
            }
            if (buf.length() > 0) {
                echo(s, p, q);
            }
            seg.pos = q;
            return GO_ON;
        }
        if (c == '/' && next == '*') {
            xcDepth = 0;
            enter(XC);
            echo(s, p, p + 2);
            seg.pos = p + 2;
            return GO_ON;
        }
        if (next == '\'') {
            switch (c) {
                case 'b', 'B' -> {
                    return startString(seg, XB, 2);
                }
                case 'x', 'X' -> {
                    return startString(seg, XH, 2);
                }
                case 'e', 'E' -> {
                    return startString(seg, XE, 2);
                }
                case 'n', 'N' -> {
                    // {xnstart}: eat only the 'n'; the quote starts an ordinary string next
                    echo(s, p, p + 1);
                    seg.pos = p + 1;
                    return GO_ON;
                }
                default -> {
                    // fall through to the rules below
                }
            }
        }
        if ((c == 'u' || c == 'U') && next == '&') {
            char third = p + 2 < e ? s.charAt(p + 2) : 0;
            if (third == '\'') {
                return startString(seg, XUS, 3);
            }
            if (third == '"') {
                return startString(seg, XUI, 3);
            }
            echo(s, p, p + 1);   // {xufailed}: throw back all but the u
            seg.pos = p + 1;
            return GO_ON;
        }
        switch (c) {
            case '\'':
                return startString(seg, stdStrings ? XQ : XE, 1);
            case '"':
                return startString(seg, XD, 1);
            case '$':
                return lexDollar(seg);
            case '(':
                parenDepth++;
                echo(s, p, p + 1);
                seg.pos = p + 1;
                return GO_ON;
            case ')':
                if (parenDepth > 0) {
                    parenDepth--;
                }
                echo(s, p, p + 1);
                seg.pos = p + 1;
                return GO_ON;
            case ';':
                echo(s, p, p + 1);
                seg.pos = p + 1;
                if (parenDepth == 0 && beginDepth == 0) {
                    identifierCount = 0;
                    return SEMI;
                }
                return GO_ON;
            case '\\':
                if (next == ';' || next == ':') {
                    // "\\"[;:]: force a semicolon or colon into the query buffer
                    echo(s, p + 1, p + 2);
                    seg.pos = p + 2;
                    if (next == ';') {
                        identifierCount = 0;
                    }
                    return GO_ON;
                }
                seg.pos = p + 1;
                return BACKSLASH;
            case ':':
                return lexColon(seg);
            default:
                break;
        }
        if (isDigit(c) || (c == '.' && isDigit(next))) {
            return lexNumber(seg);
        }
        if (isIdentStart(c)) {
            int q = p + 1;
            while (q < e && isIdentCont(s.charAt(q))) {
                q++;
            }
            trackIdentifier(s, p, q);
            echo(s, p, q);
            seg.pos = q;
            return GO_ON;
        }
        // operators and other single characters; "--" and "/*" inside an operator were handled above
        echo(s, p, p + 1);
        seg.pos = p + 1;
        return GO_ON;
    }

    private int startString(Segment seg, int newState, int length) {
        enter(newState);
        echo(seg.text, seg.pos, seg.pos + length);
        seg.pos += length;
        return GO_ON;
    }

    /** {dolqdelim}, {dolqfailed}, {param}, {param_junk} or a lone $. */
    private int lexDollar(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        int q = p + 1;
        if (q < e && isDolqStart(s.charAt(q))) {
            q++;
            while (q < e && isDolqCont(s.charAt(q))) {
                q++;
            }
        }
        if (q < e && s.charAt(q) == '$') {
            dolqStart = s.substring(p, q + 1);
            enter(XDOLQ);
            echo(s, p, q + 1);
            seg.pos = q + 1;
            return GO_ON;
        }
        if (q > p + 1) {
            echo(s, p, p + 1);   // {dolqfailed}: throw back all but the $
            seg.pos = p + 1;
            return GO_ON;
        }
        if (q < e && isDigit(s.charAt(q))) {
            while (q < e && isDigit(s.charAt(q))) {
                q++;
            }
            q = skipJunkIdentifier(s, q, e);
        }
        echo(s, p, q);
        seg.pos = q;
        return GO_ON;
    }

    /** {integer}, {decimal}, {real}, their *fail and *_junk variants (psql 15.9+ junk rules). */
    private int lexNumber(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        int q = p;
        while (q < e && isDigit(s.charAt(q))) {
            q++;
        }
        boolean integerPart = q > p;
        if (integerPart && q + 1 < e && s.charAt(q) == '.' && s.charAt(q + 1) == '.') {
            echo(s, p, q);   // {decimalfail}: "1..": the integer, then ".."
            seg.pos = q;
            return GO_ON;
        }
        if (q < e && s.charAt(q) == '.') {
            q++;
            while (q < e && isDigit(s.charAt(q))) {
                q++;
            }
        }
        if (q < e && (s.charAt(q) == 'e' || s.charAt(q) == 'E')) {
            int r = q + 1;
            boolean sign = r < e && (s.charAt(r) == '+' || s.charAt(r) == '-');
            if (sign) {
                r++;
            }
            if (r < e && isDigit(s.charAt(r))) {
                while (r < e && isDigit(s.charAt(r))) {
                    r++;
                }
                q = r;
            } else if (sign) {
                echo(s, p, q);   // {realfail}: throw back the [Ee][+-]
                seg.pos = q;
                return GO_ON;
            }
        }
        q = skipJunkIdentifier(s, q, e);
        echo(s, p, q);
        seg.pos = q;
        return GO_ON;
    }

    private static int skipJunkIdentifier(String s, int q, int e) {
        if (q < e && isIdentStart(s.charAt(q))) {
            q++;
            while (q < e && isIdentCont(s.charAt(q))) {
                q++;
            }
        }
        return q;
    }

    /** {typecast}, :name, :'name', :"name", :{?name}, or a plain colon. */
    private int lexColon(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        char next = p + 1 < e ? s.charAt(p + 1) : 0;
        if (next == ':') {
            echo(s, p, p + 2);
            seg.pos = p + 2;
            return GO_ON;
        }
        char close = 0;
        int nameStart = p + 1;
        if (next == '\'' || next == '"') {
            close = next;
            nameStart = p + 2;
        } else if (next == '{' && p + 2 < e && s.charAt(p + 2) == '?') {
            close = '}';
            nameStart = p + 3;
        }
        int q = nameStart;
        while (q < e && SqlQuoting.isVariableChar(s.charAt(q))) {
            q++;
        }
        if (q == nameStart || (close != 0 && (q >= e || s.charAt(q) != close))) {
            echo(s, p, p + 1);   // not a variable reference: the colon alone
            seg.pos = p + 1;
            return GO_ON;
        }
        int tokenEnd = close != 0 ? q + 1 : q;
        seg.pos = tokenEnd;
        if (vars == null) {
            echo(s, p, tokenEnd);
            return GO_ON;
        }
        String name = s.substring(nameStart, q);
        String value = vars.get(name);
        if (close == '}') {
            emitGenerated(value != null ? "TRUE" : "FALSE");
        } else if (value == null) {
            echo(s, p, tokenEnd);   // undefined: stays as typed
        } else if (close == '\'') {
            emitGenerated(SqlQuoting.literal(value));
        } else if (close == '"') {
            emitGenerated(SqlQuoting.identifier(value));
        } else if (isCurrentSource(name)) {
            echo(s, p, tokenEnd);   // psql: "skipping recursive expansion of variable"
        } else {
            push(new Segment(value, name));   // the value is lexed in turn, like psqlscan_push_new_buffer
        }
        return GO_ON;
    }

    /**
     * psqlscan.l's heuristic for {@code CREATE [OR REPLACE] {FUNCTION|PROCEDURE} ... BEGIN ATOMIC ... END}:
     * record the first four words, and inside such a statement count BEGIN/CASE ... END outside parentheses.
     */
    private void trackIdentifier(String s, int from, int to) {
        if (identifierCount == 0) {
            Arrays.fill(identifiers, (char) 0);
        }
        if (wordIs(s, from, to, "create") || wordIs(s, from, to, "function") || wordIs(s, from, to, "procedure")
                || wordIs(s, from, to, "or") || wordIs(s, from, to, "replace")) {
            if (identifierCount < identifiers.length) {
                identifiers[identifierCount] = asciiLower(s.charAt(from));
            }
        }
        identifierCount++;
        if (identifiers[0] == 'c'
                && (identifiers[1] == 'f' || identifiers[1] == 'p'
                    || (identifiers[1] == 'o' && identifiers[2] == 'r'
                        && (identifiers[3] == 'f' || identifiers[3] == 'p')))
                && parenDepth == 0) {
            if (wordIs(s, from, to, "begin")) {
                beginDepth++;
            } else if (wordIs(s, from, to, "case")) {
                if (beginDepth >= 1) {
                    beginDepth++;
                }
            } else if (wordIs(s, from, to, "end")) {
                if (beginDepth > 0) {
                    beginDepth--;
                }
            }
        }
    }

    /** ASCII-only case-insensitive comparison, like pg_strcasecmp. */
    private static boolean wordIs(String s, int from, int to, String lowerWord) {
        if (to - from != lowerWord.length()) {
            return false;
        }
        for (int i = 0; i < lowerWord.length(); i++) {
            if (asciiLower(s.charAt(from + i)) != lowerWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** Inside '...' (standard) or U&'...': '' is a quote, backslash is an ordinary character. */
    private int lexStandardString(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        if (s.charAt(p) == '\'') {
            return quote(seg);
        }
        int q = indexOf(s, '\'', p, e);
        echo(s, p, q);
        seg.pos = q;
        return GO_ON;
    }

    /** Inside E'...': a backslash escapes the next character. */
    private int lexEscapeString(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        char c = s.charAt(p);
        if (c == '\'') {
            return quote(seg);
        }
        if (c == '\\') {
            int q = Math.min(p + 2, e);   // {xeescape} etc.; a lone \ at the end of the input is just echoed
            echo(s, p, q);
            seg.pos = q;
            return GO_ON;
        }
        int q = p + 1;
        while (q < e && s.charAt(q) != '\'' && s.charAt(q) != '\\') {
            q++;
        }
        echo(s, p, q);
        seg.pos = q;
        return GO_ON;
    }

    /** Inside B'...' or X'...': no doubled quotes. */
    private int lexBitString(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        if (s.charAt(p) == '\'') {
            stateBeforeStrStop = state;
            state = XQS;
            echo(s, p, p + 1);
            seg.pos = p + 1;
            return GO_ON;
        }
        int q = indexOf(s, '\'', p, seg.end);
        echo(s, p, q);
        seg.pos = q;
        return GO_ON;
    }

    /** A quote in XQ, XE or XUS: doubled (embedded quote) or the end of the literal. */
    private int quote(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        if (p + 1 < seg.end && s.charAt(p + 1) == '\'') {
            echo(s, p, p + 2);
            seg.pos = p + 2;
            return GO_ON;
        }
        stateBeforeStrStop = state;
        state = XQS;
        echo(s, p, p + 1);
        seg.pos = p + 1;
        return GO_ON;
    }

    /**
     * After a closing quote: {quotecontinue} (whitespace containing a newline, then a quote) continues the
     * literal; anything else ends it. Lines are lexed one at a time, as psql does, so the newline between fed
     * lines is never seen here: only newlines inside a line or a variable value count.
     */
    private int lexQuoteStop(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        int q = p;
        while (q < e) {   // {horiz_whitespace}*
            char c = s.charAt(q);
            if (c == ' ' || c == '\t' || c == '\f') {
                q++;
            } else if (c == '-' && q + 1 < e && s.charAt(q + 1) == '-') {
                q = skipToNewline(s, q, e);
            } else {
                break;
            }
        }
        boolean continued = false;
        if (q < e && isNewline(s.charAt(q))) {
            q++;
            while (q < e) {   // {special_whitespace}*
                char c = s.charAt(q);
                if (isSpace(c)) {
                    q++;
                } else if (c == '-' && q + 1 < e && s.charAt(q + 1) == '-') {
                    int r = skipToNewline(s, q, e);
                    if (r >= e) {
                        break;   // {comment}{newline} needs the newline
                    }
                    q = r + 1;
                } else {
                    break;
                }
            }
            continued = q < e && s.charAt(q) == '\'';
        }
        if (continued) {
            echo(s, p, q + 1);
            seg.pos = q + 1;
            state = stateBeforeStrStop;
        } else {
            state = INITIAL;   // throw everything back and lex it normally
        }
        return GO_ON;
    }

    private int lexComment(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        char c = s.charAt(p);
        if (c == '/' && p + 1 < e && s.charAt(p + 1) == '*') {
            xcDepth++;
            echo(s, p, p + 2);
            seg.pos = p + 2;
            return GO_ON;
        }
        if (c == '*') {
            int q = p;
            while (q < e && s.charAt(q) == '*') {
                q++;
            }
            if (q < e && s.charAt(q) == '/') {
                q++;
                if (xcDepth <= 0) {
                    state = INITIAL;
                } else {
                    xcDepth--;
                }
            }
            echo(s, p, q);
            seg.pos = q;
            return GO_ON;
        }
        int q = p + 1;
        while (q < e && s.charAt(q) != '*' && s.charAt(q) != '/') {
            q++;
        }
        echo(s, p, q);
        seg.pos = q;
        return GO_ON;
    }

    private int lexQuotedIdentifier(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        if (s.charAt(p) == '"') {
            if (p + 1 < e && s.charAt(p + 1) == '"') {
                echo(s, p, p + 2);
                seg.pos = p + 2;
            } else {
                state = INITIAL;
                echo(s, p, p + 1);
                seg.pos = p + 1;
            }
            return GO_ON;
        }
        int q = indexOf(s, '"', p, e);
        echo(s, p, q);
        seg.pos = q;
        return GO_ON;
    }

    private int lexDollarQuoted(Segment seg) {
        String s = seg.text;
        int p = seg.pos;
        int e = seg.end;
        if (s.charAt(p) != '$') {
            int q = indexOf(s, '$', p, e);
            echo(s, p, q);
            seg.pos = q;
            return GO_ON;
        }
        int q = p + 1;
        if (q < e && isDolqStart(s.charAt(q))) {
            q++;
            while (q < e && isDolqCont(s.charAt(q))) {
                q++;
            }
        }
        if (q < e && s.charAt(q) == '$') {
            if (q + 1 - p == dolqStart.length() && s.startsWith(dolqStart, p)) {
                echo(s, p, q + 1);
                seg.pos = q + 1;
                state = INITIAL;
                dolqStart = null;
            } else {
                echo(s, p, q);   // another tag: keep the final $, it may start the closing delimiter
                seg.pos = q;
            }
            return GO_ON;
        }
        echo(s, p, q);
        seg.pos = q;
        return GO_ON;
    }

    // ------------------------------------------------------------------------------------------------------------
    // backslash commands (psqlscanslash.l, HandleSlashCmds)

    /** Lexes the command after the backslash just read: its name, its arguments, a trailing {@code \\}. */
    private MetaCommand lexMetaCommand() {
        flattenInput();
        Segment seg = stack[0];
        String s = seg.text;
        int e = seg.end;
        int p = seg.pos;
        int q = p;
        while (q < e && !isSpace(s.charAt(q)) && s.charAt(q) != '\\') {
            q++;
        }
        String name = s.substring(p, q);
        SlashArgLexer lexer = new SlashArgLexer(s, q, e, null, false);
        int argsStart = lexer.skipSpace();
        int argsEnd = argsStart;
        ArgMode mode = syntax.firstArgMode(name);
        boolean optionList = syntax.takesOptionList(name);
        while (true) {
            SlashArgLexer.Arg arg = lexer.next(mode, false);
            if (arg == null) {
                break;
            }
            argsEnd = lexer.pos();
            if (optionList && arg.value() != null && arg.value().startsWith("(")) {
                optionList = false;
                String option = arg.value();
                while (!option.endsWith(")")) {
                    SlashArgLexer.Arg next = lexer.next(ArgMode.NORMAL, false);
                    if (next == null || next.value() == null) {
                        break;
                    }
                    argsEnd = lexer.pos();
                    option = next.value();
                }
                argsEnd = lexer.pos();
                continue;   // then the file name, which may be a |pipe
            }
            mode = ArgMode.NORMAL;
        }
        int next = lexer.skipSpace();
        if (next + 1 < e && s.charAt(next) == '\\' && s.charAt(next + 1) == '\\') {
            next += 2;   // psql_scan_slash_command_end: eat a \\ separator
        }
        seg.pos = next;
        return new MetaCommand(name, s.substring(argsStart, argsEnd), lineNo, syntax);
    }

    /**
     * A backslash inside an interpolated variable value: psql's slash-command lexer reads across the end of the
     * value into the surrounding text, so join what is left of all input segments into one.
     */
    private void flattenInput() {
        if (depth == 1) {
            return;
        }
        StringBuilder rest = new StringBuilder();
        for (int i = depth - 1; i >= 0; i--) {
            Segment seg = stack[i];
            rest.append(seg.text, seg.pos, seg.end);
            stack[i] = null;
        }
        depth = 0;
        push(new Segment(rest.toString(), null));
    }

    // ------------------------------------------------------------------------------------------------------------
    // character classes (psqlscan.l definitions; bytes \200-\377 there are any non-ASCII char here)

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c >= 0x80;
    }

    private static boolean isIdentCont(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    private static boolean isDolqStart(char c) {
        return isIdentStart(c);
    }

    private static boolean isDolqCont(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    private static int skipToNewline(String s, int q, int e) {
        while (q < e && !isNewline(s.charAt(q))) {
            q++;
        }
        return q;
    }

    private static int indexOf(String s, char c, int from, int end) {
        int i = s.indexOf(c, from);
        return i < 0 || i > end ? end : i;
    }
}
