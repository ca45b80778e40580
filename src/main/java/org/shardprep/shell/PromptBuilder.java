package org.shardprep.shell;

import org.shardprep.os.ChildEnvironment;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.SessionConnection;
import org.shardprep.sql.scan.OpenState;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

/**
 * psql's get_prompt (prompt.c): PROMPT1 when the query buffer is empty, PROMPT2 while a statement goes on,
 * PROMPT3 for COPY data, each with its % escapes: %/ %~ %M %m %&gt; %n %p %R %x %l %# %w %:name: %`command`
 * %[ %] and octal %NNN (%? shows nothing; anything else after % stands for itself). Their defaults are psql's (in Variables).
 *
 * A prompt is made either as text to print or as a JLine prompt pattern, where a literal % is doubled, %[ %]
 * become JLine's %{ %} (what the terminal does not show), and in PROMPT2 %R and %l become JLine's %M and %N,
 * which it fills in for each continuation line of the text being edited.
 */
public final class PromptBuilder {

    /** psql's DEFAULT_PGSOCKET_DIR, as Debian builds it: %M shows [local] for it, [local:DIR] for another. */
    private static final String DEFAULT_SOCKET_DIR = "/var/run/postgresql";

    private final Session session;
    /** The visible width of the last PROMPT1, for PROMPT2's %w. */
    private int lastPrompt1Width;

    public PromptBuilder(Session session) {
        this.session = session;
    }

    /** PROMPT1, or PROMPT2 when something is open, as text; {@code line} is %l, the statement's line it is for. */
    public String text(OpenState open, boolean activeBranch, int line) {
        return expand(open == OpenState.NONE ? "PROMPT1" : "PROMPT2", open, activeBranch, false, line);
    }

    /** The same as a JLine prompt pattern. */
    public String pattern(OpenState open, boolean activeBranch, int line) {
        return expand(open == OpenState.NONE ? "PROMPT1" : "PROMPT2", open, activeBranch, true, line);
    }

    /** PROMPT2 as JLine's secondary prompt pattern: %R and %l are left to JLine (%M, %N). */
    public String continuationPattern(boolean activeBranch) {
        return expand("PROMPT2", null, activeBranch, true, 0);
    }

    /** PROMPT3, before each line of COPY data typed at the terminal, as a JLine pattern. */
    public String copyPattern() {
        return expand("PROMPT3", OpenState.NONE, true, true, 1);
    }

    /**
     * @param open     what %R shows; null in a JLine continuation pattern (JLine's %M)
     * @param jline    a JLine pattern rather than text
     */
    private String expand(String variable, OpenState open, boolean activeBranch, boolean jline, int line) {
        String template = session.variables().get(variable);
        if (template == null) template = "";   // psql's prompt hooks: an unset PROMPTn is an empty prompt
        boolean copy = variable.equals("PROMPT3");
        SessionConnection c = session.connection();
        boolean connected = c != null && !c.isClosed();
        StringBuilder out = new StringBuilder();
        int n = template.length();
        for (int i = 0; i < n; i++) {
            char ch = template.charAt(i);
            if (ch != '%') {
                literal(out, String.valueOf(ch), jline);
                continue;
            }
            if (++i >= n) break;   // a lone % at the end shows nothing
            ch = template.charAt(i);
            switch (ch) {
                case '/' -> { if (connected) literal(out, c.database(), jline); }
                case '~' -> { if (connected) literal(out, homeDatabase(c) ? "~" : c.database(), jline); }
                case 'M', 'm' -> { if (connected) literal(out, host(c.host(), ch == 'm'), jline); }
                case '>' -> { if (connected) literal(out, String.valueOf(c.port()), jline); }
                case 'n' -> { if (connected) literal(out, c.user(), jline); }
                case 'p' -> {
                    if (connected) {
                        int pid = c.backendPid();
                        if (pid != 0) literal(out, String.valueOf(pid), jline);
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    // strtol(p, &p, 8): every octal digit that follows, the value as one byte
                    int end = i;
                    int value = 0;
                    while (end < n && template.charAt(end) >= '0' && template.charAt(end) <= '7') {
                        value = value * 8 + (template.charAt(end++) - '0');
                    }
                    literal(out, String.valueOf((char) (value & 0xff)), jline);
                    i = end - 1;
                }
                case 'R' -> {
                    if (copy) break;
                    if (open == null) {
                        out.append("%M");
                    } else if (open != OpenState.NONE) {
                        literal(out, open.promptChar(), jline);
                    } else {
                        literal(out, !activeBranch ? "@" : !connected ? "!"
                                : session.variables().isOn("SINGLELINE") ? "^" : "=", jline);
                    }
                }
                case 'x' -> literal(out, !connected ? "?" : switch (c.transactionState()) {
                    case OPEN -> "*";
                    case FAILED -> "!";
                    default -> "";
                }, jline);
                case 'l' -> {
                    if (open == null) out.append("%N"); else literal(out, String.valueOf(line), jline);
                }
                case '#' -> literal(out, connected && c.isSuperuser() ? "#" : ">", jline);
                case '`' -> {
                    int end = template.indexOf('`', i + 1);
                    if (end < 0) end = n;
                    literal(out, firstLineOf(template.substring(i + 1, end)), jline);
                    i = end;
                }
                case ':' -> {
                    int end = template.indexOf(':', i + 1);
                    if (end < 0) end = n;
                    String value = session.variables().get(template.substring(i + 1, end));
                    if (value != null) literal(out, value, jline);
                    i = end;
                }
                case '[' -> { if (jline) out.append("%{"); }
                case ']' -> { if (jline) out.append("%}"); }
                case 'w' -> { if (connected) out.append(" ".repeat(lastPrompt1Width)); }
                case '?' -> { }   // psql 15 reserves it: "not here yet"
                default -> literal(out, String.valueOf(ch), jline);
            }
        }
        String prompt = out.toString();
        if (variable.equals("PROMPT1")) lastPrompt1Width = visibleWidth(prompt, jline);
        return prompt;
    }

    private static void literal(StringBuilder out, String text, boolean jline) {
        out.append(jline ? text.replace("%", "%%") : text);
    }

    /** %~: "~" when the database is the one libpq would pick by default (the user's name, or PGDATABASE). */
    private static boolean homeDatabase(SessionConnection c) {
        String db = c.database();
        String env = ChildEnvironment.get("PGDATABASE");
        return db.equals(c.user()) || db.equals(env);
    }

    /** %M and %m: the host (%m up to the first dot), or [local] for a Unix-domain socket. */
    private static String host(String host, boolean shortName) {
        if (host != null && !host.isEmpty() && !host.startsWith("/") && !host.startsWith("@")) {
            int dot = host.indexOf('.');
            return shortName && dot >= 0 ? host.substring(0, dot) : host;
        }
        if (host == null || host.isEmpty() || host.equals(DEFAULT_SOCKET_DIR) || shortName) return "[local]";
        return "[local:" + host + "]";
    }

    /** %`command`: the first line the command prints, without its line end; nothing if it cannot run. */
    private static String firstLineOf(String command) {
        try {
            Process p = ChildEnvironment.apply(new ProcessBuilder("/bin/sh", "-c", command))
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String first;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), Charset.defaultCharset()))) {
                first = r.readLine();
                r.transferTo(java.io.Writer.nullWriter());
            }
            p.waitFor();
            return first == null ? "" : first.replace("\r", "");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The columns the prompt takes on the screen after its last newline, leaving out what %[ %] mark. */
    private static int visibleWidth(String prompt, boolean jline) {
        int width = 0;
        boolean visible = true;
        for (int i = 0; i < prompt.length(); ) {
            int cp = prompt.codePointAt(i);
            i += Character.charCount(cp);
            if (jline && cp == '%' && i < prompt.length()) {
                char next = prompt.charAt(i++);
                if (next == '{') visible = false;
                else if (next == '}') visible = true;
                else if (visible) width++;   // %% is one %
                continue;
            }
            if (!visible) continue;
            if (cp == '\n') width = 0;
            else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.NON_SPACING_MARK) width++;
        }
        return width;
    }
}
