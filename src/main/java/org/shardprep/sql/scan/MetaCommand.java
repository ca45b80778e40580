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
 */
public record MetaCommand(String name, String rawArgs, int line) {

    /** Whether psql 15 knows this command; for an unknown one psql says "invalid command" and drops the line. */
    public boolean isKnown() {
        return MetaCommandSyntax.isKnown(name);
    }

    /** Whether the command always takes the raw rest of its line ({@code \!}, {@code \copy}, {@code \h}, ...). */
    public boolean isWholeLine() {
        return MetaCommandSyntax.firstArgMode(name) == ArgMode.WHOLE_LINE;
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
     * @throws IllegalArgumentException for an unterminated quote or a failing backquoted command (psql prints
     *                                  an error and goes on without that argument / output)
     */
    public List<String> args(VariableLookup vars, boolean stripSemicolons) {
        List<String> out = new ArrayList<>();
        ArgMode mode = MetaCommandSyntax.firstArgMode(name);
        if (mode == ArgMode.WHOLE_LINE) {
            String arg = rawArgs.strip();
            if (!arg.isEmpty()) {
                out.add(rawArgs.stripLeading());
            }
            return out;
        }
        SlashArgLexer lexer = new SlashArgLexer(rawArgs, 0, rawArgs.length(), vars, true);
        boolean optionList = MetaCommandSyntax.takesOptionList(name);
        while (true) {
            SlashArgLexer.Arg arg = lexer.next(mode, stripSemicolons);
            if (arg == null) {
                return out;
            }
            if (arg.unterminated()) {
                throw new IllegalArgumentException("\\" + name + ": unterminated quoted string");
            }
            out.add(arg.value());
            if (optionList && arg.value().startsWith("(")) {
                // \g (opt=val ...) file: options up to one ending in ')', then the file name (or |pipe)
                String option = arg.value();
                while (!option.endsWith(")")) {
                    SlashArgLexer.Arg next = lexer.next(ArgMode.NORMAL, false);
                    if (next == null) {
                        return out;
                    }
                    if (next.unterminated()) {
                        throw new IllegalArgumentException("\\" + name + ": unterminated quoted string");
                    }
                    option = next.value();
                    out.add(option);
                }
                optionList = false;
                continue;
            }
            mode = ArgMode.NORMAL;
        }
    }
}
