package org.shardprep.shell.record;

import org.shardprep.connect.ConnInfoException;
import org.shardprep.connect.ConnInfoParser;
import org.shardprep.shell.input.InputEntry;
import org.shardprep.shell.input.SecretInput;
import org.shardprep.command.ShellCommands;
import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.MetaCommandSyntax;
import org.shardprep.sql.scan.ScanListener;
import org.shardprep.sql.scan.StatementScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a recording keeps of an entry: its text as typed, with no secret in it. {@code \c} loses the password of
 * its conninfo or URI; {@code \password}, a {@code \set} of a secret variable ({@link SecretInput#isSecretVariable})
 * and anything else holding a password are replaced by a comment saying so; {@code record} itself and {@code \q}
 * are not written (they steer the session, they are not part of the script), nor {@code \e}, {@code \ef} and
 * {@code \ev}, whose edited text is written as the entries it holds.
 */
public final class RecordedText {

    /** Lines the recorder writes itself begin so; replay does not narrate them. */
    public static final String MARK = "-- shardprep record: ";

    private RecordedText() {}

    private static final Pattern URI_USER_PASSWORD = Pattern.compile("(://[^/\\s:@\"']*):[^@\\s\"']*@");
    private static final Pattern CONNINFO_PASSWORD = Pattern.compile(
            "(?i)(\\s+)?\\bpassword\\s*=\\s*(?:'(?:[^'\\\\]|\\\\.)*'|[^\\s'\"&]*)(\\s*)");
    private static final Pattern EMPTY_URI_PARAMETER = Pattern.compile("\\?&|&&|[?&](?=[\\s\"']|$)");

    /** The text to write for an entry, or empty when it is left out altogether. */
    static Optional<String> of(InputEntry entry) {
        String text = entry.text();
        switch (entry.kind()) {
            case SHELL -> {
                if (ShellCommands.firstWord(text).equals("record")) return Optional.empty();
            }
            case META -> {
                String name = entry.metaName();
                if (List.of("q", "quit").contains(name)) return Optional.empty();
                // what the editor gives back is recorded instead, as the entries it holds
                if (List.of("e", "edit", "ef", "ev").contains(name)) return Optional.empty();
                if (name.equals("password")) return Optional.of(MARK + "\\password left out");
                if (name.equals("c") || name.equals("connect")) {
                    text = withoutPasswords(text);
                    // quoting the patterns do not follow (psql's '' inside libpq's '...'): leave it all out
                    for (String password : passwordsIn(entry)) {
                        if (text.contains(password)) return Optional.of(MARK + "a command holding a password left out");
                    }
                }
                if (name.equals("set")) {
                    List<String> args = entry.command().parseArgs(null, false).values();
                    if (!args.isEmpty() && SecretInput.isSecretVariable(args.get(0))) {
                        return Optional.of(MARK + "\\set " + args.get(0) + " left out (a secret variable)");
                    }
                }
            }
            case SQL -> text = terminated(text);
        }
        if (SecretInput.holdsSecret(text)) {
            return Optional.of(MARK + (entry.kind() == InputEntry.Kind.SQL ? "a statement" : "a command") + " holding a password left out");
        }
        return Optional.of(text);
    }

    /**
     * A statement as it must stand in a script: one sent at the end of input without its {@code ;} (a -c string,
     * the last line of a file) gets one, or -f, \i and replay would run it together with the next. After a
     * trailing {@code --} comment the {@code ;} goes on a line of its own.
     */
    static String terminated(String text) {
        if (ends(text)) return text;
        return ends(text + ";") ? text + ";" : text + "\n;";
    }

    /** Whether the scanner finds the statement complete at the end of the text, nothing left pending. */
    private static boolean ends(String text) {
        StatementScanner scanner = new StatementScanner(MetaCommandSyntax.NONE);   // a statement: its backslash commands were entries of their own
        ScanListener ignore = new ScanListener() {
            @Override public void onStatement(String sql, int firstLine) { }
            @Override public void onMetaCommand(MetaCommand command) { }
        };
        text.lines().forEach(line -> scanner.feedLine(line, ignore));
        return !scanner.hasPendingText();
    }

    /** A comment between entries, unless it holds a secret. */
    static String ofComment(String text) {
        return SecretInput.holdsSecret(text) ? MARK + "a comment holding a password left out" : text;
    }

    /** The passwords the command's conninfo or URI arguments carry, as libpq reads them. */
    private static List<String> passwordsIn(InputEntry entry) {
        List<String> found = new ArrayList<>();
        for (String arg : entry.command().parseArgs(null, false).values()) {
            String unquoted = arg.replace("\"", "");
            if (!ConnInfoParser.looksLikeConnInfo(unquoted)) continue;
            try {
                String password = ConnInfoParser.parse(unquoted).get("password");
                if (password != null && !password.isEmpty()) found.add(password);
            } catch (ConnInfoException e) {
                // not a conninfo libpq would take; the patterns alone decide
            }
        }
        return found;
    }

    /** Conninfo {@code password=...} (quoted or not) and a URI's {@code user:password@} taken out. */
    static String withoutPasswords(String text) {
        String s = URI_USER_PASSWORD.matcher(text).replaceAll("$1@");
        Matcher m = CONNINFO_PASSWORD.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // the keyword goes with the blank before it; first in a quoted string, with the blank after it
            boolean afterQuote = m.group(1) == null && m.start() > 0 && (s.charAt(m.start() - 1) == '"' || s.charAt(m.start() - 1) == '\'');
            String kept = m.group(1) != null ? m.group(2) : afterQuote ? "" : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(kept));
        }
        m.appendTail(out);
        return EMPTY_URI_PARAMETER.matcher(out).replaceAll(r -> r.group().equals("?&") ? "?" : r.group().equals("&&") ? "&" : "");
    }
}
