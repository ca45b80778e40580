package org.shardprep.shell.copy;

import java.util.Locale;

/**
 * psql's parse_slash_copy (copy.c): {@code \copy { table [ ( column_list ) ] | ( query ) } { from | to }
 * { 'filename' | program 'command' | stdin | stdout | pstdin | pstdout } [ [ with ] ( option [, ...] ) ]}.
 * psql understands only as much as it needs to rewrite the command into {@code COPY ... FROM STDIN} or
 * {@code TO STDOUT}; the rest (options, old-style {@code WITH CSV HEADER}) goes to the server as typed.
 */
public final class SlashCopyParser {

    private static final String WHITESPACE = " \t\n\r";

    /** A line psql cannot parse, with psql's message. */
    public static final class ParseError extends Exception {
        ParseError(String message) { super(message); }
    }

    private final HomeDirectories homes;

    public SlashCopyParser(HomeDirectories homes) {
        this.homes = homes;
    }

    /**
     * @param args                      the raw rest of the {@code \copy} line
     * @param standardConformingStrings the server's setting: without it a backslash escapes inside a query's quotes
     */
    public SlashCopy parse(String args, boolean standardConformingStrings) throws ParseError {
        if (args == null || args.isBlank()) throw new ParseError("\\copy: arguments required");
        char nonStdBackslash = standardConformingStrings ? 0 : '\\';
        SlashCopyTokenizer tokens = new SlashCopyTokenizer(args);
        StringBuilder before = new StringBuilder();

        String token = required(tokens.next(WHITESPACE, ".,()", "\"", (char) 0, false));
        if (token.equalsIgnoreCase("binary")) {   // pre-7.3 syntax, still accepted by psql
            before.append(token);
            token = required(tokens.next(WHITESPACE, ".,()", "\"", (char) 0, false));
        }
        if (token.charAt(0) == '(') {
            // ( query ): tokens re-joined by single spaces up to the matching parenthesis
            int parens = 1;
            while (parens > 0) {
                before.append(' ').append(token);
                token = required(tokens.next(WHITESPACE, "()", "\"'", nonStdBackslash, true));
                if (token.charAt(0) == '(') parens++;
                else if (token.charAt(0) == ')') parens--;
            }
        }
        before.append(' ').append(token);
        token = required(tokens.next(WHITESPACE, ".,()", "\"", (char) 0, false));

        if (token.charAt(0) == '.') {   // schema . table
            before.append(token);
            before.append(required(tokens.next(WHITESPACE, ".,()", "\"", (char) 0, false)));
            token = required(tokens.next(WHITESPACE, ".,()", "\"", (char) 0, false));
        }
        if (token.charAt(0) == '(') {   // column list
            while (true) {
                before.append(' ').append(token);
                token = required(tokens.next(WHITESPACE, "()", "\"", (char) 0, false));
                if (token.charAt(0) == ')') break;
            }
            before.append(' ').append(token);
            token = required(tokens.next(WHITESPACE, ".,()", "\"", (char) 0, false));
        }

        boolean from;
        if (token.equalsIgnoreCase("from")) from = true;
        else if (token.equalsIgnoreCase("to")) from = false;
        else throw errorAt(token);

        token = required(tokens.next(WHITESPACE, ";", "'", (char) 0, false));
        String file = null;
        boolean program = false;
        boolean psqlInOut = false;
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.equals("program")) {
            token = required(tokens.next(WHITESPACE, ";", "'", (char) 0, false));
            // the command must be quoted: not fool-proof, but it catches most quoting mistakes
            if (token.length() < 2 || token.charAt(0) != '\'' || token.charAt(token.length() - 1) != '\'') {
                throw errorAt(token);
            }
            file = SlashCopyTokenizer.stripQuotes(token, '\'', (char) 0);
            program = true;
        } else if (lower.equals("stdin") || lower.equals("stdout")) {
            file = null;
        } else if (lower.equals("pstdin") || lower.equals("pstdout")) {
            psqlInOut = true;
        } else {
            file = homes.expandTilde(SlashCopyTokenizer.stripQuotes(token, '\'', (char) 0));
        }
        return new SlashCopy(before.toString(), tokens.rest(), file, program, psqlInOut, from);
    }

    private static String required(String token) throws ParseError {
        if (token == null) throw new ParseError("\\copy: parse error at end of line");
        return token;
    }

    private static ParseError errorAt(String token) {
        return new ParseError("\\copy: parse error at \"" + token + "\"");
    }

    /**
     * Whether this {@code \copy} line reads its data from the input it came from ({@code from stdin}): the lines
     * after it, up to {@code \.}, are its data. A line that does not parse reads nothing.
     */
    public static boolean readsCurrentInput(String args, boolean standardConformingStrings) {
        try {
            SlashCopy copy = new SlashCopyParser(HomeDirectories.system()).parse(args, standardConformingStrings);
            return copy.from() && copy.file() == null && !copy.psqlInOut();
        } catch (SlashCopyParser.ParseError e) {
            return false;
        }
    }}
