package org.shardprep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * psql's command line, parsed the way getopt_long does it (clustered short flags, attached or separate
 * arguments, --long=value), plus shardprep's own --embedded and --embedded-dir.
 */
public final class CommandLineOptions {

    /** One -c or -f, kept in command-line order as psql runs them. */
    public record Action(Kind kind, String value) {
        public enum Kind { COMMAND, FILE }
    }

    public String host;
    public String port;
    public String user;
    public String dbname;
    public final List<String> positionals = new ArrayList<>();   // [CONNINFO | DBNAME [USER]]
    public boolean forcePasswordPrompt;   // -W
    public boolean neverPrompt;           // -w
    public final List<Action> actions = new ArrayList<>();
    public final Map<String, String> variables = new LinkedHashMap<>();
    public final List<String> psetOptions = new ArrayList<>();   // -P name=value
    public boolean unaligned;
    public boolean tuplesOnly;
    public boolean csv;
    public boolean expanded;
    public String fieldSeparator;
    public String recordSeparator;
    public boolean echoQueries;      // -e
    public boolean echoAll;          // -a
    public boolean echoErrors;       // -b
    public boolean echoHidden;       // -E
    public boolean quiet;
    public boolean noPsqlrc;         // -X: no startup files (shell.StartupFiles)
    public boolean singleTransaction;
    public String outputFile;
    public boolean embedded;
    public Path embeddedDir;
    public Path cdsTrainingDir;      // hidden: scripts/shardprep's class-data-sharing training run
    public boolean help;
    public boolean version;
    public final List<String> warnings = new ArrayList<>();

    /** Thrown for an unknown option or a missing argument; the message is psql's one line. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) { super(message); }
    }

    private static final String SHORT_WITH_ARG = "cdfhpUvFRPoL";
    private static final String SHORT_FLAGS = "AtxeabqXW1wEsSnl?V";

    public static CommandLineOptions parse(String[] args) {
        CommandLineOptions o = new CommandLineOptions();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                for (i++; i < args.length; i++) positional.add(args[i]);
                break;
            }
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) { value = name.substring(eq + 1); name = name.substring(0, eq); }
                Character shortForm = LONG_TO_SHORT.get(name);
                if (shortForm != null && SHORT_WITH_ARG.indexOf(shortForm) >= 0 || LONG_WITH_ARG.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.length) throw new UsageException("option '--" + name + "' requires an argument");
                        value = args[++i];
                    }
                    if (shortForm != null) o.apply(shortForm, value); else o.applyLong(name, value);
                } else if (shortForm != null || LONG_FLAGS.contains(name)) {
                    if (value != null) throw new UsageException("option '--" + name + "' doesn't allow an argument");
                    if (shortForm != null) o.apply(shortForm, null); else o.applyLong(name, null);
                } else {
                    throw new UsageException("unrecognized option '--" + name + "'");
                }
            } else if (a.startsWith("-") && a.length() > 1) {
                for (int j = 1; j < a.length(); j++) {
                    char c = a.charAt(j);
                    if (SHORT_WITH_ARG.indexOf(c) >= 0) {
                        String value;
                        if (j + 1 < a.length()) value = a.substring(j + 1);
                        else if (i + 1 < args.length) value = args[++i];
                        else throw new UsageException("option requires an argument -- '" + c + "'");
                        o.apply(c, value);
                        break;
                    } else if (SHORT_FLAGS.indexOf(c) >= 0) {
                        o.apply(c, null);
                    } else {
                        throw new UsageException("invalid option -- '" + c + "'");
                    }
                }
            } else {
                positional.add(a);
            }
        }
        o.positionals.addAll(positional);
        return o;
    }

    private void apply(char c, String value) {
        switch (c) {
            case 'c' -> actions.add(new Action(Action.Kind.COMMAND, value));
            case 'd' -> dbname = value;
            case 'f' -> actions.add(new Action(Action.Kind.FILE, value));
            case 'h' -> host = value;
            case 'p' -> port = value;
            case 'U' -> user = value;
            case 'v' -> {
                int eq = value.indexOf('=');
                if (eq < 0) variables.put(value, null);   // psql: -v NAME without "=" unsets NAME
                else variables.put(value.substring(0, eq), value.substring(eq + 1));
            }
            case 'F' -> fieldSeparator = value;
            case 'R' -> recordSeparator = value;
            case 'P' -> psetOptions.add(value);
            case 'o' -> outputFile = value;
            case 'L' -> { /* log file: accepted, not written */ }
            case 'A' -> unaligned = true;
            case 't' -> tuplesOnly = true;
            case 'x' -> expanded = true;
            case 'e' -> echoQueries = true;
            case 'a' -> echoAll = true;
            case 'b' -> echoErrors = true;
            case 'q' -> quiet = true;
            case 'X' -> noPsqlrc = true;
            case 'W' -> forcePasswordPrompt = true;
            case 'w' -> neverPrompt = true;
            case '1' -> singleTransaction = true;
            case 'E' -> echoHidden = true;
            case 's' -> variables.put("SINGLESTEP", "on");   // psql sets the variable, in turn with -v
            case 'S' -> variables.put("SINGLELINE", "on");
            case 'n' -> { /* accepted for psql compatibility; no effect yet */ }
            case 'l' -> actions.add(new Action(Action.Kind.COMMAND, "\\l"));
            case '?' -> help = true;
            case 'V' -> version = true;
            default -> throw new UsageException("invalid option -- '" + c + "'");
        }
    }

    private void applyLong(String name, String value) {
        switch (name) {
            case "csv" -> csv = true;
            case "embedded" -> embedded = true;
            case "embedded-dir" -> { embedded = true; embeddedDir = Path.of(value); }
            case "cds-training" -> { embedded = true; embeddedDir = Path.of(value); cdsTrainingDir = embeddedDir; }
            case "help" -> help = true;
            case "version" -> version = true;
            default -> throw new UsageException("unrecognized option '--" + name + "'");
        }
    }

    private static final Map<String, Character> LONG_TO_SHORT = Map.ofEntries(
            Map.entry("command", 'c'), Map.entry("dbname", 'd'), Map.entry("file", 'f'),
            Map.entry("host", 'h'), Map.entry("port", 'p'), Map.entry("username", 'U'),
            Map.entry("set", 'v'), Map.entry("variable", 'v'), Map.entry("field-separator", 'F'),
            Map.entry("record-separator", 'R'), Map.entry("pset", 'P'), Map.entry("output", 'o'),
            Map.entry("log-file", 'L'), Map.entry("no-align", 'A'), Map.entry("tuples-only", 't'),
            Map.entry("expanded", 'x'), Map.entry("echo-queries", 'e'), Map.entry("echo-all", 'a'),
            Map.entry("echo-errors", 'b'), Map.entry("quiet", 'q'), Map.entry("no-psqlrc", 'X'),
            Map.entry("password", 'W'), Map.entry("no-password", 'w'), Map.entry("single-transaction", '1'),
            Map.entry("echo-hidden", 'E'), Map.entry("single-step", 's'), Map.entry("single-line", 'S'),
            Map.entry("no-readline", 'n'), Map.entry("list", 'l'));
    private static final List<String> LONG_WITH_ARG = List.of("embedded-dir", "cds-training");
    private static final List<String> LONG_FLAGS = List.of("csv", "embedded", "help", "version");

    /** True when any -c or -f was given: psql then runs them and exits instead of reading the terminal. */
    public boolean hasActions() { return !actions.isEmpty(); }

    public static String usage() {
        return """
                shardprep is a psql-compatible shell that prepares a PostgreSQL database for Citus.

                Usage:
                  shardprep [OPTION]... [CONNINFO | DBNAME [USERNAME]]

                With no connection information at all (no arguments, no PG* variables) shardprep
                starts its own embedded PostgreSQL (database "citus", user "citus").

                General options:
                  -c, --command=COMMAND    run only single command (SQL or internal) and exit
                  -d, --dbname=DBNAME      database name or connection string to connect to
                  -f, --file=FILENAME      execute commands from file, then exit ("-" is stdin)
                  -l, --list               list available databases, then exit
                  -v, --set=, --variable=NAME=VALUE
                                           set psql variable NAME to VALUE (e.g. -v ON_ERROR_STOP=1)
                  -V, --version            output version information, then exit
                  -X, --no-psqlrc          do not read startup file
                  -1, --single-transaction execute as a single transaction (if non-interactive)
                  -?, --help               show this help, then exit
                      --embedded           use the embedded PostgreSQL even if PG* variables are set
                      --embedded-dir=DIR   data directory of the embedded server (default ~/.shardprep/embedded)

                Input and output options:
                  -a, --echo-all           echo all input from script
                  -b, --echo-errors        echo failed commands
                  -e, --echo-queries       echo commands sent to server
                  -q, --quiet              run quietly (no messages, only query output)
                  -o, --output=FILENAME    send query results to file
                  -s, --single-step        single-step mode (confirm each query)
                  -S, --single-line        single-line mode (end of line terminates SQL command)

                Output format options:
                  -A, --no-align           unaligned table output mode
                      --csv                CSV (Comma-Separated Values) table output mode
                  -F, --field-separator=STRING
                                           field separator for unaligned output (default: "|")
                  -P, --pset=VAR[=ARG]     set printing option VAR to ARG (see \\pset command)
                  -R, --record-separator=STRING
                                           record separator for unaligned output (default: newline)
                  -t, --tuples-only        print rows only
                  -x, --expanded           turn on expanded table output

                Connection options:
                  -h, --host=HOSTNAME      database server host or socket directory
                  -p, --port=PORT          database server port
                  -U, --username=USERNAME  database user name
                  -w, --no-password        never prompt for password
                  -W, --password           force password prompt (should happen automatically)
                """;
    }
}
