package org.shardprep.sql.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import org.shardprep.sql.scan.MetaCommandSyntax.ArgMode;

/**
 * Lexer for the arguments of a backslash command, after psqlscanslash.l ({@code psql_scan_slash_option}).
 * Used twice: by {@link StatementScanner} with {@code evaluate == false} only to find where the arguments end,
 * and by {@link MetaCommand#args} to produce the argument values.
 */
final class SlashArgLexer {

    /** One argument; {@code quote} is 0 if no part of it was quoted (psql's {@code option_quote}). */
    record Arg(String value, char quote, boolean unterminated) {
    }

    private final String s;
    private final int end;
    private final VariableLookup vars;
    private final boolean evaluate;
    private int pos;

    SlashArgLexer(String s, int start, int end, VariableLookup vars, boolean evaluate) {
        this.s = s;
        this.pos = start;
        this.end = end;
        this.vars = vars;
        this.evaluate = evaluate;
    }

    int pos() {
        return pos;
    }

    /** Skips whitespace and returns the position of the next argument (or of the end / the backslash). */
    int skipSpace() {
        while (pos < end && StatementScanner.isSpace(s.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /**
     * The next argument, or {@code null} at the end of the arguments (end of input, or an unquoted backslash,
     * which is left unread).
     */
    Arg next(ArgMode mode, boolean stripSemicolons) {
        if (mode == ArgMode.WHOLE_LINE) {
            skipSpace();
            if (pos >= end) {
                return null;
            }
            String v = s.substring(pos, end);
            pos = end;
            return new Arg(v, (char) 0, false);
        }
        skipSpace();
        if (pos >= end || s.charAt(pos) == '\\') {
            return null;
        }
        if (mode == ArgMode.FILEPIPE && s.charAt(pos) == '|') {
            String v = s.substring(pos, end);
            pos = end;
            return new Arg(v, (char) 0, false);
        }
        StringBuilder out = new StringBuilder();
        char quote = 0;
        int unquotedChars = 0;
        while (pos < end) {
            char c = s.charAt(pos);
            if (StatementScanner.isSpace(c) || c == '\\') {
                break;
            }
            switch (c) {
                case '\'' -> {
                    quote = '\'';
                    unquotedChars = 0;
                    pos++;
                    if (!singleQuoted(out)) {
                        return new Arg(null, quote, true);
                    }
                }
                case '`' -> {
                    quote = '`';
                    unquotedChars = 0;
                    pos++;
                    if (!backQuoted(out)) {
                        return new Arg(null, quote, true);
                    }
                }
                case '"' -> {
                    quote = '"';
                    unquotedChars = 0;
                    int close = s.indexOf('"', pos + 1);
                    if (close < 0 || close >= end) {
                        pos = end;
                        return new Arg(null, quote, true);
                    }
                    out.append(s, pos, close + 1);
                    pos = close + 1;
                }
                case ':' -> {
                    if (variable(out)) {
                        quote = ':';
                        unquotedChars = 0;
                    } else {
                        out.append(':');
                        pos++;
                        unquotedChars++;
                    }
                }
                default -> {
                    out.append(c);
                    pos++;
                    unquotedChars++;
                }
            }
        }
        if (stripSemicolons) {
            while (unquotedChars-- > 0 && out.length() > 0 && out.charAt(out.length() - 1) == ';') {
                out.setLength(out.length() - 1);
            }
        }
        if (out.length() == 0 && quote == 0) {
            return null;
        }
        return new Arg(out.toString(), quote, false);
    }

    /** Inside '...': '' and backslash escapes. Returns false if the line ends first. */
    private boolean singleQuoted(StringBuilder out) {
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '\'') {
                if (pos + 1 < end && s.charAt(pos + 1) == '\'') {
                    out.append('\'');
                    pos += 2;
                    continue;
                }
                pos++;
                return true;
            }
            if (c != '\\' || pos + 1 >= end) {
                out.append(c);
                pos++;
                continue;
            }
            char d = s.charAt(pos + 1);
            switch (d) {
                case 'n' -> { out.append('\n'); pos += 2; }
                case 't' -> { out.append('\t'); pos += 2; }
                case 'b' -> { out.append('\b'); pos += 2; }
                case 'r' -> { out.append('\r'); pos += 2; }
                case 'f' -> { out.append('\f'); pos += 2; }
                case '\n' -> { out.append('\\'); pos++; }
                default -> {
                    if (d >= '0' && d <= '7') {
                        int q = pos + 1;
                        int v = 0;
                        while (q < end && q < pos + 4 && s.charAt(q) >= '0' && s.charAt(q) <= '7') {
                            v = v * 8 + (s.charAt(q) - '0');
                            q++;
                        }
                        out.append((char) (v & 0xFF));
                        pos = q;
                    } else if (d == 'x' && pos + 2 < end && Character.digit(s.charAt(pos + 2), 16) >= 0) {
                        int q = pos + 2;
                        int v = 0;
                        while (q < end && q < pos + 4 && Character.digit(s.charAt(q), 16) >= 0) {
                            v = v * 16 + Character.digit(s.charAt(q), 16);
                            q++;
                        }
                        out.append((char) v);
                        pos = q;
                    } else {
                        out.append(d);
                        pos += 2;
                    }
                }
            }
        }
        return false;
    }

    /** Inside `...`: variables interpolated, then the command is run by /bin/sh. */
    private boolean backQuoted(StringBuilder out) {
        StringBuilder cmd = new StringBuilder();
        while (pos < end) {
            char c = s.charAt(pos);
            if (c == '`') {
                pos++;
                // unevaluated (psql's OT_NO_EVAL), the command stays as text without its backquotes
                out.append(evaluate ? runShell(cmd.toString()) : cmd);
                return true;
            }
            if (c == ':' && pos + 1 < end) {
                int q = pos + 1;
                boolean quoted = s.charAt(q) == '\'';
                if (quoted) {
                    q++;
                }
                int nameStart = q;
                while (q < end && SqlQuoting.isVariableChar(s.charAt(q))) {
                    q++;
                }
                if (q > nameStart && (!quoted || (q < end && s.charAt(q) == '\''))) {
                    String name = s.substring(nameStart, q);
                    int tokenEnd = quoted ? q + 1 : q;
                    String value = vars == null ? null : vars.get(name);
                    if (value != null && quoted) {
                        value = SqlQuoting.shellArg(value);
                    }
                    cmd.append(value != null ? value : s.substring(pos, tokenEnd));
                    pos = tokenEnd;
                    continue;
                }
            }
            cmd.append(c);
            pos++;
        }
        return false;
    }

    /** At ':': :name, :'name', :"name", :{?name}. Returns false (nothing consumed) if none applies. */
    private boolean variable(StringBuilder out) {
        int p = pos;
        if (p + 1 >= end) {
            return false;
        }
        char n = s.charAt(p + 1);
        char close;
        int nameStart;
        if (n == '\'' || n == '"') {
            close = n;
            nameStart = p + 2;
        } else if (n == '{' && p + 2 < end && s.charAt(p + 2) == '?') {
            close = '}';
            nameStart = p + 3;
        } else {
            close = 0;
            nameStart = p + 1;
        }
        int q = nameStart;
        while (q < end && SqlQuoting.isVariableChar(s.charAt(q))) {
            q++;
        }
        if (q == nameStart) {
            return false;
        }
        if (close != 0) {
            if (q >= end || s.charAt(q) != close) {
                return false;
            }
        }
        int tokenEnd = close != 0 ? q + 1 : q;
        String name = s.substring(nameStart, q);
        String value = vars == null ? null : vars.get(name);
        if (close == '}') {
            out.append(vars == null ? s.substring(p, tokenEnd) : value != null ? "TRUE" : "FALSE");
        } else if (value == null) {
            out.append(s, p, tokenEnd);
        } else if (close == '\'') {
            out.append(SqlQuoting.literal(value));
        } else if (close == '"') {
            out.append(SqlQuoting.identifier(value));
        } else {
            out.append(value);
        }
        pos = tokenEnd;
        return true;
    }

    /** psql's evaluate_backtick: the command's standard output minus one trailing newline. */
    static String runShell(String command) {
        try {
            Process process = org.shardprep.os.ChildEnvironment.apply(new ProcessBuilder("/bin/sh", "-c", command))
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (InputStream in = process.getInputStream()) {
                in.transferTo(bytes);
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new IllegalArgumentException(command + ": child process exited with exit code " + status);
            }
            String output = bytes.toString(Charset.defaultCharset());
            return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
        } catch (IOException e) {
            throw new IllegalArgumentException(command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException(command + ": interrupted", e);
        }
    }
}
