package org.shardprep.shell.meta;

import org.shardprep.shell.input.MetaCommandResult;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.scan.StatementScanner;

import java.util.List;

/**
 * psql 15's \e, \ef and \ev (command.c's exec_command_edit and exec_command_ef_ev): the query buffer (else the
 * previous query), a file, or a function's or view's CREATE command, through the user's editor. What comes back
 * is scanned again as new input by the main loop ({@link MetaCommandResult#NEW_EDIT}): what ends in a semicolon
 * runs, the rest stays in the query buffer.
 */
final class EditCommands {

    /** psql's templates for \ef and \ev without a name. */
    static final String FUNCTION_TEMPLATE = "CREATE FUNCTION ( )\n"
            + " RETURNS \n"
            + " LANGUAGE \n"
            + " -- common options:  IMMUTABLE  STABLE  STRICT  SECURITY DEFINER\n"
            + "AS $function$\n"
            + "\n$function$\n";
    static final String VIEW_TEMPLATE = "CREATE VIEW  AS\n"
            + " SELECT \n"
            + "  -- something...\n";

    private final Session session;
    private final ExternalEditor editor;
    private final DefinitionCommands definitions;
    private String edited;   // the text the main loop is to scan next

    EditCommands(Session session, DefinitionCommands definitions) {
        this.session = session;
        this.editor = new ExternalEditor(session);
        this.definitions = definitions;
    }

    /** The edited text after a {@link MetaCommandResult#NEW_EDIT}, once. */
    String takeEdited() {
        String text = edited;
        edited = null;
        return text == null ? "" : text;
    }

    /** \e [FILE] [LINE]: a lone all-digits argument is a line number. */
    MetaCommandResult edit(List<String> args, StatementScanner scanner) {
        String file = args.isEmpty() ? null : args.get(0);
        String line = args.size() > 1 ? args.get(1) : null;
        if (file != null && line == null && !file.isEmpty() && file.chars().allMatch(c -> c >= '0' && c <= '9')) {
            line = file;
            file = null;
        }
        int lineNumber = -1;
        if (line != null) {
            lineNumber = atoi(line);
            if (lineNumber < 1) return error("invalid line number: " + line);
        }
        if (file != null) {
            // the file replaces the buffer; an unchanged file (or a failure) leaves it empty
            ExternalEditor.Outcome outcome = editor.editFile(org.shardprep.shell.copy.HomeDirectories.system().expandTilde(file), lineNumber);
            scanner.resetBuffer();
            return outcome.ok() ? newEdit(outcome.changed() ? outcome.text() : "") : MetaCommandResult.ERROR;
        }
        // an empty buffer edits the previous query, which is dropped again when the editor changes nothing
        boolean fromBuffer = scanner.bufferLength() > 0;
        String text = fromBuffer ? scanner.bufferText() : java.util.Objects.requireNonNullElse(session.lastQuery(), "");
        if (!text.isEmpty() && !text.endsWith("\n")) text += "\n";
        ExternalEditor.Outcome outcome = editor.editText(text, lineNumber);
        if (!outcome.ok()) {
            // psql keeps the buffer it wrote out, ended by the newline it gave it
            if (fromBuffer) scanner.endBufferWithNewline();
            else scanner.resetBuffer();
            return MetaCommandResult.ERROR;
        }
        scanner.resetBuffer();
        return newEdit(outcome.changed() ? outcome.text() : fromBuffer ? text : "");
    }

    /**
     * \ef [FUNCNAME [LINE]] and \ev [VIEWNAME [LINE]]: the object's CREATE command (or psql's template) replaces the
     * buffer; an editor that changes nothing leaves the buffer empty and says "No changes".
     *
     * @param description the rest of the line, as psql reads it; null or blank for the template
     */
    MetaCommandResult editDefinition(String description, boolean function, StatementScanner scanner) {
        String name = description == null || description.isEmpty() ? null : description;
        int lineNumber = -1;
        if (name != null) {
            int[] digits = trailingLineNumber(name);
            if (digits != null) {
                lineNumber = atoi(name.substring(digits[0]));
                if (lineNumber < 1) return error("invalid line number: " + name.substring(digits[0]));
                name = name.substring(0, digits[0]);
            }
        }
        String text;
        if (name == null) {
            text = function ? FUNCTION_TEMPLATE : VIEW_TEMPLATE;
        } else {
            text = definitions.createCommand(name, function);
            if (text == null) return MetaCommandResult.ERROR;   // reported; the buffer stays as it was
            if (function && lineNumber > 0) lineNumber += headerLines(text);
        }
        ExternalEditor.Outcome outcome = editor.editText(text, lineNumber);
        scanner.resetBuffer();
        if (!outcome.ok()) return MetaCommandResult.ERROR;
        if (!outcome.changed()) {
            session.out().println("No changes");
            session.out().flush();
            return MetaCommandResult.OK;
        }
        return newEdit(outcome.text());
    }

    private MetaCommandResult newEdit(String text) {
        edited = text;
        return MetaCommandResult.NEW_EDIT;
    }

    /**
     * psql's strip_lineno_from_objdesc: digits at the end, after a space or a closing parenthesis and a name before
     * them, are a line number; the start of those digits, or null.
     */
    static int[] trailingLineNumber(String description) {
        int c = description.length() - 1;
        while (c > 0 && isSpace(description.charAt(c))) c--;
        if (c <= 0 || !isDigit(description.charAt(c))) return null;
        while (c > 0 && isDigit(description.charAt(c))) c--;
        if (c == 0 || !(isSpace(description.charAt(c)) || description.charAt(c) == ')')) return null;
        return new int[] {c + 1};
    }

    /** pg_get_functiondef's lines before the body: psql numbers the body from the line that starts AS, BEGIN or RETURN. */
    private static int headerLines(String definition) {
        int n = 0;
        for (String line : definition.split("\n", -1)) {
            if (line.startsWith("AS ") || line.startsWith("BEGIN ") || line.startsWith("RETURN ")) break;
            n++;
        }
        return n;
    }

    /** C's atoi, as psql reads a line number: leading blanks, a sign, digits, and whatever follows ignored. */
    static int atoi(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) negative = s.charAt(i++) == '-';
        long n = 0;
        while (i < s.length() && isDigit(s.charAt(i)) && n < Integer.MAX_VALUE) n = n * 10 + (s.charAt(i++) - '0');
        n = Math.min(n, Integer.MAX_VALUE);
        return (int) (negative ? -n : n);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private MetaCommandResult error(String message) {
        session.error(message);
        return MetaCommandResult.ERROR;
    }
}
