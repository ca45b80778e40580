package org.shardprep.sql.scan;

import java.util.ArrayList;
import java.util.List;
import org.shardprep.sql.scan.MetaCommandSyntax.ArgMode;

/**
 * A backslash command found by {@link StatementScanner}.
 *
 * @param name    the command name without the backslash ({@code "g"}, {@code "timing"}, {@code "!"}, {@code "dt+"});
 *                it runs from the backslash to the next whitespace or backslash, so it may be empty ({@code \\})
 * @param rawArgs the argument text as typed, leading whitespace removed: for most commands up to a {@code \\}
 *                separator or the next unquoted backslash or the end of the line (trailing whitespace removed);
 *                for whole-line commands ({@code \!}, {@code \copy}, {@code \h}, {@code \ef}, {@code \ev},
 *                {@code \sf}, {@code \sv}, a {@code |pipe} after {@code \g}/{@code \o}/{@code \w}) and for unknown
 *                commands the raw rest of the line
 * @param line    1-based line number of the command
 * @param syntax  the rules its arguments were lexed by
 */
public record MetaCommand(String name, String rawArgs, int line, MetaCommandSyntax syntax) {

    /** Whether psql 15 knows this command; for an unknown one psql says "invalid command" and drops the line. */
    public boolean isKnown() {
        return syntax.isKnown(name);
    }

    /** The name as psql dispatches it: {@code \copy} in any case is {@code copy}. */
    public String dispatchName() {
        return syntax.dispatchName(name);
    }

    /** Whether the command always takes the raw rest of its line ({@code \!}, {@code \copy}, {@code \h}, ...). */
    public boolean isWholeLine() {
        return syntax.firstArgMode(name) == ArgMode.WHOLE_LINE;
    }

    /**
     * Arguments as psql lexes them, plus the error psql reports, if any. psql goes on with the arguments before
     * the failing one (e.g. {@code \echo a 'b} prints {@code a} and reports "unterminated quoted string").
     *
     * @param values the arguments, see {@link #args(VariableLookup, boolean)}
     * @param error  null, or psql's message for an unterminated quote or a failing backquoted command
     */
    public record ParsedArgs(List<String> values, String error) {
    }

    /** Same as {@link #args(VariableLookup, boolean)} without stripping trailing semicolons. */
    public List<String> args(VariableLookup vars) {
        return args(vars, false);
    }

    /**
     * The arguments as psql's {@code psql_scan_slash_option(OT_NORMAL)} returns them: separated by unquoted
     * whitespace; {@code 'single quoted'} parts unquoted ({@code ''} and {@code \n \t \b \r \f \\ \' \ooo \xhh});
     * {@code "double quoted"} parts kept with their quotes; {@code `command`} replaced by the output of
     * {@code /bin/sh -c command} minus one trailing newline; {@code :name}, {@code :'name'} (literal-quoted),
     * {@code :"name"} (identifier-quoted) and {@code :{?name}} interpolated from {@code vars} (null: none).
     * For whole-line commands the single argument is the raw rest of the line; for {@code \g}, {@code \o},
     * {@code \w} a first argument starting with {@code |} is the rest of the line.
     *
     * @param stripSemicolons drop unquoted trailing {@code ;} from each argument (psql does for e.g. {@code \d})
     * @throws IllegalArgumentException for an unterminated quote or a failing backquoted command; use
     *                                  {@link #parseArgs} to go on like psql does
     */
    public List<String> args(VariableLookup vars, boolean stripSemicolons) {
        ParsedArgs parsed = parseArgs(vars, stripSemicolons);
        if (parsed.error() != null) {
            throw new IllegalArgumentException(parsed.error());
        }
        return parsed.values();
    }

    /** Like {@link #args(VariableLookup, boolean)}, but returns the arguments before an error with the error. */
    public ParsedArgs parseArgs(VariableLookup vars, boolean stripSemicolons) {
        return parseArgs(vars, stripSemicolons, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} arguments as {@link #parseArgs(VariableLookup, boolean)} makes them: a command that
     * takes that many never evaluates (runs the backquotes of, interpolates) the ones after.
     */
    public ParsedArgs parseArgs(VariableLookup vars, boolean stripSemicolons, int limit) {
        if (limit <= 0) {
            return new ParsedArgs(List.of(), null);
        }
        List<String> out = new ArrayList<>();
        ArgMode mode = syntax.firstArgMode(name);
        if (mode == ArgMode.WHOLE_LINE) {
            if (!rawArgs.isBlank()) {
                out.add(rawArgs.stripLeading());
            }
            return new ParsedArgs(List.copyOf(out), null);
        }
        SlashArgLexer lexer = new SlashArgLexer(rawArgs, 0, rawArgs.length(), vars, true);
        boolean optionList = syntax.takesOptionList(name);
        boolean inOptions = false;
        try {
            while (true) {
                SlashArgLexer.Arg arg = lexer.next(inOptions ? ArgMode.NORMAL : mode, stripSemicolons && !inOptions);
                if (arg == null) {
                    return new ParsedArgs(List.copyOf(out), null);
                }
                if (arg.unterminated()) {
                    return new ParsedArgs(List.copyOf(out), "unterminated quoted string");
                }
                out.add(arg.value());
                if (out.size() >= limit) {
                    return new ParsedArgs(List.copyOf(out), null);
                }
                if (optionList && !inOptions && arg.value().startsWith("(")) {
                    // \g (opt=val ...) file: options up to one ending in ')', then the file name (or |pipe)
                    optionList = false;
                    inOptions = !arg.value().endsWith(")");
                    continue;
                }
                if (inOptions) {
                    inOptions = !arg.value().endsWith(")");
                    continue;
                }
                mode = ArgMode.NORMAL;
            }
        } catch (IllegalArgumentException e) {
            return new ParsedArgs(List.copyOf(out), e.getMessage());
        }
    }

    /**
     * The arguments after the first {@code taken}, as psql reads the ones a command leaves (to say "extra argument
     * ignored"): lexed without evaluation, so {@code `cmd`} is the text {@code cmd} and {@code :var} stays as typed.
     */
    public List<String> ignoredArgs(int taken) {
        List<String> out = new ArrayList<>();
        if (syntax.firstArgMode(name) == ArgMode.WHOLE_LINE) {
            return out;
        }
        SlashArgLexer lexer = new SlashArgLexer(rawArgs, 0, rawArgs.length(), null, false);
        for (int i = 0; ; i++) {
            // a first FILEPIPE argument ("|command ...") is the rest of the line, as when it was read
            ArgMode mode = i == 0 && syntax.firstArgMode(name) == ArgMode.FILEPIPE ? ArgMode.FILEPIPE : ArgMode.NORMAL;
            SlashArgLexer.Arg arg = lexer.next(mode, false);
            if (arg == null || arg.unterminated()) {
                return out;
            }
            if (i >= taken) {
                out.add(arg.value());
            }
        }
    }
}
