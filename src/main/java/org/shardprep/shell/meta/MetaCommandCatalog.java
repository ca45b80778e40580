package org.shardprep.shell.meta;

import org.shardprep.shell.input.MetaCommandResult;
import org.shardprep.shell.session.Variables;

import org.shardprep.sql.scan.MetaCommand;
import org.shardprep.sql.scan.MetaCommandSyntax;
import org.shardprep.sql.scan.StatementScanner;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every backslash command psql 15 knows, once, in the order of psql's {@code \?}: the names it is dispatched
 * by, how its arguments are lexed, its {@code \?} line in psql's words, what TAB offers after it, and what
 * runs it here. A command without a handler is one psql has and shardprep does not yet: the scanner still
 * lexes it as psql does, the dispatcher answers "invalid command", and neither {@code \?} nor TAB offers it.
 */
public final class MetaCommandCatalog implements MetaCommandSyntax {

    /** What TAB offers after the command. */
    public enum Completion { NONE, FILE, DIRECTORY, RELATION, SCHEMA, FUNCTION, DATABASE, VARIABLE, ON_OFF, ON_OFF_AUTO,
        PSET_OPTION, ENCODING, SQL_COMMAND, COPY }

    /** Runs one command: its arguments as psql lexed them, the scanner for commands that use the query buffer. */
    @FunctionalInterface
    interface Handler {
        MetaCommandResult run(MetaCommands commands, MetaCommand command, List<String> args, StatementScanner scanner);
    }

    /**
     * One command.
     *
     * @param section    its section in {@code \?}
     * @param help       its lines in {@code \?} as psql 15 prints them ({current...} filled in at print time)
     * @param names      the names psql dispatches here (with {@code S}/{@code +} suffixes where psql takes them)
     * @param display    the name TAB offers
     * @param argMode    how its first argument is lexed
     * @param completion what TAB offers for its arguments
     * @param relationKinds for {@link Completion#RELATION}: the pg_class.relkind letters offered
     * @param handler    what runs it here, or null (psql has it, shardprep not yet)
     * @param maxArgs    how many arguments it reads, -1 all; psql warns "extra argument ignored" for the rest
     *                   and never evaluates them
     */
    public record Entry(String section, String help, Pattern names, String display, ArgMode argMode,
                        Completion completion, String relationKinds, Handler handler, int maxArgs) {
        public boolean works() { return handler != null; }

        /** One of the conditional commands, which the main loop runs itself. */
        public boolean branching() { return handler == BRANCHING; }

        public boolean matches(String name) { return names.matcher(name).matches(); }
    }

    private static final String GENERAL = "General", HELP = "Help", BUFFER = "Query Buffer", IO = "Input/Output",
            CONDITIONAL = "Conditional", INFO = "Informational", LARGE = "Large Objects", FORMAT = "Formatting",
            CONNECTION = "Connection", OS = "Operating System", VARIABLES = "Variables";

    /** \\if, \\elif, \\else, \\endif: the main loop runs them, since they decide whether anything else runs. */
    static final Handler BRANCHING = (m, c, a, s) -> {
        throw new IllegalStateException("\\" + c.name() + " runs in the main loop");
    };

    /** The one catalog the shell uses. */
    public static final MetaCommandCatalog PSQL = new MetaCommandCatalog();

    private final List<Entry> entries = new ArrayList<>();

    private MetaCommandCatalog() {
        Handler describe = MetaCommands::describe;
        Handler conditional = BRANCHING;

        add(GENERAL, "  \\copyright             show PostgreSQL usage and distribution terms", "copyright", (m, c, a, s) -> m.copyright());
        add(GENERAL, "  \\crosstabview [COLUMNS] execute query and display result in crosstab", "crosstabview", (m, c, a, s) -> m.crosstab(s, a));
        add(GENERAL, "  \\errverbose            show most recent error message at maximum verbosity", "errverbose", (m, c, a, s) -> m.errverbose());
        entry(GENERAL, "  \\g [(OPTIONS)] [FILE]  execute query (and send result to file or |pipe);\n"
                + "                         \\g with no arguments is equivalent to a semicolon", "g", "\\g", ArgMode.FILEPIPE,
                Completion.FILE, null, (m, c, a, s) -> m.sendBuffer(s, c, a, false));
        add(GENERAL, "  \\gdesc                 describe result of query, without executing it", "gdesc", (m, c, a, s) -> m.gdesc(s));
        add(GENERAL, "  \\gexec                 execute query, then execute each value in its result", "gexec", (m, c, a, s) -> m.gexec(s));
        add(GENERAL, "  \\gset [PREFIX]         execute query and store result in psql variables", "gset", (m, c, a, s) -> m.gset(s, a));
        entry(GENERAL, "  \\gx [(OPTIONS)] [FILE] as \\g, but forces expanded output mode", "gx", "\\gx", ArgMode.FILEPIPE,
                Completion.FILE, null, (m, c, a, s) -> m.sendBuffer(s, c, a, true));
        add(GENERAL, "  \\q                     quit shardprep", "q|quit", (m, c, a, s) -> MetaCommandResult.QUIT);
        add(GENERAL, "  \\restrict RESTRICT_KEY\n                         enter restricted mode with provided key", "restrict",
                (m, c, a, s) -> m.restrict(c, a));
        add(GENERAL, "  \\unrestrict RESTRICT_KEY\n                         exit restricted mode if key matches", "unrestrict",
                (m, c, a, s) -> m.unrestrict(c, a));
        add(GENERAL, "  \\watch [SEC]           execute query every SEC seconds", "watch", (m, c, a, s) -> m.watch(s, a));

        add(HELP, "  \\? [commands]          show help on backslash commands", "\\?", (m, c, a, s) -> m.help());
        entry(HELP, "  \\h [NAME]              help on syntax of SQL commands, * for all commands", "h|help", "\\h",
                ArgMode.WHOLE_LINE, Completion.SQL_COMMAND, null, null);

        add(BUFFER, "  \\e [FILE] [LINE]       edit the query buffer (or file) with external editor", "e|edit", (m, c, a, s) -> m.edit(a, s));
        entry(BUFFER, "  \\ef [FUNCNAME [LINE]]  edit function definition with external editor", "ef", "\\ef",
                ArgMode.WHOLE_LINE, Completion.FUNCTION, null, (m, c, a, s) -> m.editDefinition(a, true, s));
        entry(BUFFER, "  \\ev [VIEWNAME [LINE]]  edit view definition with external editor", "ev", "\\ev",
                ArgMode.WHOLE_LINE, Completion.RELATION, "v", (m, c, a, s) -> m.editDefinition(a, false, s));
        add(BUFFER, "  \\p                     show the contents of the query buffer", "p|print", (m, c, a, s) -> m.printBuffer(s));
        add(BUFFER, "  \\r                     reset (clear) the query buffer", "r|reset", (m, c, a, s) -> m.resetBuffer(s));
        add(BUFFER, "  \\s [FILE]              display history or save it to file", "s", (m, c, a, s) -> m.history(a));
        entry(BUFFER, "  \\w FILE                write query buffer to file", "w|write", "\\w", ArgMode.FILEPIPE,
                Completion.FILE, null, (m, c, a, s) -> m.write(s, c, a));

        entry(IO, "  \\copy ...              perform SQL COPY with data stream to the client host", "(?i)copy", "\\copy",
                ArgMode.WHOLE_LINE, Completion.COPY, null, (m, c, a, s) -> m.copy(c));
        add(IO, "  \\echo [-n] [STRING]    write string to standard output (-n for no newline)", "echo", (m, c, a, s) -> m.echo(c, a));
        entry(IO, "  \\i FILE                execute commands from file", "i|include", "\\i", ArgMode.NORMAL, Completion.FILE, null,
                (m, c, a, s) -> m.include(c, a, false));
        entry(IO, "  \\ir FILE               as \\i, but relative to location of current script", "ir|include_relative", "\\ir",
                ArgMode.NORMAL, Completion.FILE, null, (m, c, a, s) -> m.include(c, a, true));
        entry(IO, "  \\o [FILE]              send all query results to file or |pipe", "o|out", "\\o", ArgMode.FILEPIPE,
                Completion.FILE, null, (m, c, a, s) -> m.output(c, a));
        add(IO, "  \\qecho [-n] [STRING]   write string to \\o output stream (-n for no newline)", "qecho", (m, c, a, s) -> m.qecho(c, a));
        add(IO, "  \\warn [-n] [STRING]    write string to standard error (-n for no newline)", "warn", (m, c, a, s) -> m.warn(c, a));

        add(CONDITIONAL, "  \\if EXPR               begin conditional block", "if", conditional);
        add(CONDITIONAL, "  \\elif EXPR             alternative within current conditional block", "elif", conditional);
        add(CONDITIONAL, "  \\else                  final alternative within current conditional block", "else", conditional);
        add(CONDITIONAL, "  \\endif                 end conditional block", "endif", conditional);

        entry(INFO, "  (options: S = show system objects, + = additional detail)", null, null, ArgMode.NORMAL, Completion.NONE, null, describe);
        relations("  \\d[S+]                 list tables, views, and sequences", "d[S+]*", "\\d", "rpvmSfiI", describe);
        entry(INFO, "  \\d[S+]  NAME           describe table, view, sequence, or index", null, null, ArgMode.NORMAL, Completion.NONE, null, describe);
        catalogList("  \\da[S]  [PATTERN]      list aggregates", "da.*", "\\da", describe);
        describeLine("  \\dA[+]  [PATTERN]      list access methods", "dA|dA\\+.*", describe);
        describeLine("  \\dAc[+] [AMPTRN [TYPEPTRN]]  list operator classes", "dAc.*", describe);
        describeLine("  \\dAf[+] [AMPTRN [TYPEPTRN]]  list operator families", "dAf.*", describe);
        describeLine("  \\dAo[+] [AMPTRN [OPFPTRN]]   list operators of operator families", "dAo.*", describe);
        describeLine("  \\dAp[+] [AMPTRN [OPFPTRN]]   list support functions of operator families", "dAp.*", describe);
        catalogList("  \\db[+]  [PATTERN]      list tablespaces", "db.*", "\\db", describe);
        catalogList("  \\dc[S+] [PATTERN]      list conversions", "dc(?!onfig).*", "\\dc", describe);
        describeLine("  \\dconfig[+] [PATTERN]  list configuration parameters", "dconfig.*", describe);
        catalogList("  \\dC[+]  [PATTERN]      list casts", "dC.*", "\\dC", describe);
        catalogList("  \\dd[S]  [PATTERN]      show object descriptions not displayed elsewhere", "dd(?!p).*", "\\dd", describe);
        catalogList("  \\dD[S+] [PATTERN]      list domains", "dD.*", "\\dD", describe);
        describeLine("  \\ddp    [PATTERN]      list default privileges", "ddp.*", describe);
        relations("  \\dE[S+] [PATTERN]      list foreign tables", "dE[S+]*", "\\dE", "f", describe);
        catalogList("  \\des[+] [PATTERN]      list foreign servers", "des.*", "\\des", describe);
        catalogList("  \\det[+] [PATTERN]      list foreign tables", "det.*", "\\det", describe);
        catalogList("  \\deu[+] [PATTERN]      list user mappings", "deu.*", "\\deu", describe);
        catalogList("  \\dew[+] [PATTERN]      list foreign-data wrappers", "dew.*", "\\dew", describe);
        entry(INFO, "  \\df[anptw][S+] [FUNCPTRN [TYPEPTRN ...]]\n"
                + "                         list [only agg/normal/procedure/trigger/window] functions", "df[anptwS+]*", "\\df",
                ArgMode.NORMAL, Completion.FUNCTION, null, describe);
        catalogList("  \\dF[+]  [PATTERN]      list text search configurations", "dF(\\+.*)?", "\\dF", describe);
        catalogList("  \\dFd[+] [PATTERN]      list text search dictionaries", "dFd.*", "\\dFd", describe);
        catalogList("  \\dFp[+] [PATTERN]      list text search parsers", "dFp.*", "\\dFp", describe);
        catalogList("  \\dFt[+] [PATTERN]      list text search templates", "dFt.*", "\\dFt", describe);
        describeLine("  \\dg[S+] [PATTERN]      list roles", "dg[S+]*", describe);
        relations("  \\di[S+] [PATTERN]      list indexes", "di[S+]*", "\\di", "iI", describe);
        catalogList("  \\dl[+]                 list large objects, same as \\lo_list", "dl.*", "\\dl", describe);
        catalogList("  \\dL[S+] [PATTERN]      list procedural languages", "dL.*", "\\dL", describe);
        relations("  \\dm[S+] [PATTERN]      list materialized views", "dm[S+]*", "\\dm", "m", describe);
        entry(INFO, "  \\dn[S+] [PATTERN]      list schemas", "dn[S+]*", "\\dn", ArgMode.NORMAL, Completion.SCHEMA, null, describe);
        describeLine("  \\do[S+] [OPPTRN [TYPEPTRN [TYPEPTRN]]]\n                         list operators", "do.*", describe);
        catalogList("  \\dO[S+] [PATTERN]      list collations", "dO.*", "\\dO", describe);
        describeLine("  \\dp     [PATTERN]      list table, view, and sequence access privileges", "dp.*", describe);
        describeLine("  \\dP[itn+] [PATTERN]    list [only index/table] partitioned relations [n=nested]", "dP|dP[itn+].*", describe);
        catalogList("  \\drds [ROLEPTRN [DBPTRN]] list per-database role settings", "drds.*", "\\drds", describe);
        catalogList("  \\dRp[+] [PATTERN]      list replication publications", "dRp.*", "\\dRp", describe);
        catalogList("  \\dRs[+] [PATTERN]      list replication subscriptions", "dRs.*", "\\dRs", describe);
        relations("  \\ds[S+] [PATTERN]      list sequences", "ds[S+]*", "\\ds", "S", describe);
        // \dt also takes the combined forms psql accepts (\dti, \dtvS+ ...)
        relations("  \\dt[S+] [PATTERN]      list tables", "dt[S+]*|d[tivmsE]{2,}[S+]*|d[ivmsE][tivmsE]+[S+]*", "\\dt", "rp", describe);
        describeLine("  \\dT[S+] [PATTERN]      list data types", "dT.*", describe);
        describeLine("  \\du[S+] [PATTERN]      list roles", "du[S+]*", describe);
        relations("  \\dv[S+] [PATTERN]      list views", "dv[S+]*", "\\dv", "v", describe);
        describeLine("  \\dx[+]  [PATTERN]      list extensions", "dx[S+]*", describe);
        catalogList("  \\dX     [PATTERN]      list extended statistics", "dX.*", "\\dX", describe);
        catalogList("  \\dy[+]  [PATTERN]      list event triggers", "dy.*", "\\dy", describe);
        entry(INFO, "  \\l[+]   [PATTERN]      list databases", "l\\+?|list\\+?", "\\l", ArgMode.NORMAL, Completion.DATABASE, null, describe);
        entry(INFO, "  \\sf[+]  FUNCNAME       show a function's definition", "sf\\+?", "\\sf", ArgMode.WHOLE_LINE, Completion.FUNCTION, null,
                (m, c, a, s) -> m.showDefinition(c, a, true));
        entry(INFO, "  \\sv[+]  VIEWNAME       show a view's definition", "sv\\+?", "\\sv", ArgMode.WHOLE_LINE, Completion.RELATION, "v",
                (m, c, a, s) -> m.showDefinition(c, a, false));
        relations("  \\z      [PATTERN]      same as \\dp", "z", "\\z", "rpvmSf", describe);

        add(LARGE, "  \\lo_export LOBOID FILE write large object to file", "lo_export", (m, c, a, s) -> m.largeObject(c, a));
        add(LARGE, "  \\lo_import FILE [COMMENT]\n                         read large object from file", "lo_import", (m, c, a, s) -> m.largeObject(c, a));
        add(LARGE, "  \\lo_list[+]            list large objects", "lo_list\\+?", describe);
        add(LARGE, "  \\lo_unlink LOBOID      delete a large object", "lo_unlink", (m, c, a, s) -> m.largeObject(c, a));

        add(FORMAT, "  \\a                     toggle between unaligned and aligned output mode", "a", (m, c, a, s) -> m.toggleAligned());
        add(FORMAT, "  \\C [STRING]            set table title, or unset if none", "C", (m, c, a, s) -> m.pset("title", a));
        add(FORMAT, "  \\f [STRING]            show or set field separator for unaligned query output", "f", (m, c, a, s) -> m.pset("fieldsep", a));
        add(FORMAT, "  \\H                     toggle HTML output mode (currently {html})", "H|html", (m, c, a, s) -> m.toggleHtml());
        entry(FORMAT, "  \\pset [NAME [VALUE]]   set table output option\n"
                + "                         (border|columns|csv_fieldsep|expanded|fieldsep|\n"
                + "                         fieldsep_zero|footer|format|linestyle|null|\n"
                + "                         numericlocale|pager|pager_min_lines|recordsep|\n"
                + "                         recordsep_zero|tableattr|title|tuples_only|\n"
                + "                         unicode_border_linestyle|unicode_column_linestyle|\n"
                + "                         unicode_header_linestyle)", "pset", "\\pset", ArgMode.NORMAL, Completion.PSET_OPTION, null,
                (m, c, a, s) -> m.pset(null, a));
        entry(FORMAT, "  \\t [on|off]            show only rows (currently {tuples_only})", "t", "\\t", ArgMode.NORMAL, Completion.ON_OFF, null,
                (m, c, a, s) -> m.pset("tuples_only", a));
        add(FORMAT, "  \\T [STRING]            set HTML <table> tag attributes, or unset if none", "T", (m, c, a, s) -> m.pset("tableattr", a));
        entry(FORMAT, "  \\x [on|off|auto]       toggle expanded output (currently {expanded})", "x", "\\x", ArgMode.NORMAL,
                Completion.ON_OFF_AUTO, null, (m, c, a, s) -> m.pset("expanded", a));
        // the formatting commands read a fixed number of arguments, as psql's do
        limitArgs(0, "a", "H");
        limitArgs(1, "C", "f", "t", "T", "x");
        limitArgs(2, "pset");

        entry(CONNECTION, "  \\c[onnect] {[DBNAME|- USER|- HOST|- PORT|-] | conninfo}\n"
                + "                         connect to new database (currently \"{database}\")", "c|connect", "\\c", ArgMode.NORMAL,
                Completion.DATABASE, null, (m, c, a, s) -> m.connect(a));
        add(CONNECTION, "  \\conninfo              display information about current connection", "conninfo", (m, c, a, s) -> m.conninfo());
        entry(CONNECTION, "  \\encoding [ENCODING]   show or set client encoding", "encoding", "\\encoding", ArgMode.NORMAL,
                Completion.ENCODING, null, (m, c, a, s) -> m.encoding(a));
        add(CONNECTION, "  \\password [USERNAME]   securely change the password for a user", "password", (m, c, a, s) -> m.password(a));

        entry(OS, "  \\cd [DIR]              change the current working directory", "cd", "\\cd", ArgMode.NORMAL, Completion.DIRECTORY, null,
                (m, c, a, s) -> m.changeDirectory(a));
        add(OS, "  \\getenv PSQLVAR ENVVAR fetch environment variable", "getenv", (m, c, a, s) -> m.getenv(c, a));
        add(OS, "  \\setenv NAME [VALUE]   set or unset environment variable", "setenv", (m, c, a, s) -> m.setenv(c, a));
        entry(OS, "  \\timing [on|off]       toggle timing of commands (currently {timing})", "timing", "\\timing", ArgMode.NORMAL,
                Completion.ON_OFF, null, (m, c, a, s) -> m.timing(a));
        entry(OS, "  \\! [COMMAND]           execute command in shell or start interactive shell", "!", "\\!", ArgMode.WHOLE_LINE,
                Completion.NONE, null, (m, c, a, s) -> m.shell(c));

        add(VARIABLES, "  \\prompt [TEXT] NAME    prompt user to set internal variable", "prompt", (m, c, a, s) -> m.prompt(c, a));
        entry(VARIABLES, "  \\set [NAME [VALUE]]    set internal variable, or list all if no parameters", "set", "\\set", ArgMode.NORMAL,
                Completion.VARIABLE, null, (m, c, a, s) -> m.set(a));
        entry(VARIABLES, "  \\unset NAME            unset (delete) internal variable", "unset", "\\unset", ArgMode.NORMAL,
                Completion.VARIABLE, null, (m, c, a, s) -> m.unset(a));
        // the commands psql reads a fixed number of arguments for
        limitArgs(0, "errverbose", "gdesc", "gexec", "copyright");
        limitArgs(1, "gset", "w", "password", "s", "restrict", "unrestrict");
        limitArgs(2, "e");
        limitArgs(4, "crosstabview");
        limitArgs(2, "setenv", "getenv", "prompt", "lo_export", "lo_import", "lo_unlink");
    }

    private void add(String section, String help, String names, Handler handler) {
        String display = "\\" + (names.startsWith("\\") ? names.substring(1) : names.split("\\|")[0].replace("\\+?", ""));
        String pattern = names.equals("\\?") ? "\\?" : names;
        entry(section, help, pattern, display, ArgMode.NORMAL, Completion.NONE, null, handler);
    }

    private void describeLine(String help, String names, Handler handler) {
        // the name as \? shows it, before its options
        String display = help.strip().split("[\\[ ]")[0];
        entry(INFO, help, names, display, ArgMode.NORMAL, Completion.NONE, null, handler);
    }

    /** psql's catalog lists: exec_command_d reads S and + anywhere after the letters that choose the list. */
    private void catalogList(String help, String names, String display, Handler handler) {
        entry(INFO, help, names, display, ArgMode.NORMAL, Completion.NONE, null, handler);
    }

    private void relations(String help, String names, String display, String kinds, Handler handler) {
        entry(INFO, help, names, display, ArgMode.NORMAL, Completion.RELATION, kinds, handler);
    }

    private void entry(String section, String help, String names, String display, ArgMode mode, Completion completion,
                       String kinds, Handler handler) {
        entries.add(new Entry(section, help, names == null ? null : Pattern.compile(names), display, mode, completion, kinds, handler, -1));
    }

    private void limitArgs(int max, String... names) {
        for (String name : names) {
            Entry e = find(name);
            entries.set(entries.indexOf(e), new Entry(e.section(), e.help(), e.names(), e.display(), e.argMode(), e.completion(),
                    e.relationKinds(), e.handler(), max));
        }
    }

    public List<Entry> entries() { return List.copyOf(entries); }

    /** The command a name dispatches to, or null: psql would say "invalid command". */
    public Entry find(String name) {
        for (Entry e : entries) if (e.names() != null && e.matches(name)) return e;
        return null;
    }

    /** The commands that work here, as TAB offers them: each by its name, and by its long name (\\connect). */
    public List<String> workingNames() {
        List<String> names = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.works() || e.display() == null) continue;
            if (!names.contains(e.display())) names.add(e.display());
            String pattern = e.names().pattern();
            if (pattern.matches("[a-z_]+(\\|[a-z_]+)+")) {
                for (String alias : pattern.split("\\|")) if (!names.contains("\\" + alias)) names.add("\\" + alias);
            }
        }
        return names;
    }

    // ---- MetaCommandSyntax: what the scanner asks

    @Override
    public boolean isKnown(String name) {
        // psql's exec_command_d lexes any \d... before it decides whether the variant exists
        return find(name) != null || (!name.isEmpty() && name.charAt(0) == 'd');
    }

    @Override
    public ArgMode firstArgMode(String name) {
        Entry e = find(name);
        if (e != null) return e.argMode();
        return isKnown(name) ? ArgMode.NORMAL : ArgMode.WHOLE_LINE;
    }

    @Override
    public boolean takesOptionList(String name) {
        return name.equals("g") || name.equals("gx");
    }

    @Override
    public String dispatchName(String name) {
        return name.equalsIgnoreCase("copy") ? "copy" : name;
    }

    /**
     * psql's {@code \?}: its sections and lines, with only the commands that work here, then shardprep's own
     * commands in a section of their own.
     *
     * @param current the "(currently ...)" values: html, tuples_only, expanded, timing, database
     * @param shardprepCommands our commands' names and summaries
     */
    public String help(Function<String, String> current, java.util.Map<String, String> shardprepCommands) {
        StringBuilder out = new StringBuilder();
        String section = null;
        for (Entry e : entries) {
            if (!e.works()) continue;
            if (!e.section().equals(section)) {
                if (section != null) out.append('\n');
                out.append(e.section()).append('\n');
                section = e.section();
            }
            out.append(fill(e.help(), current)).append('\n');
        }
        out.append('\n').append("shardprep (help COMMAND, or COMMAND --help, for its options)\n");
        shardprepCommands.forEach((name, summary) -> {
            String head = "  " + name;
            if (head.length() >= 25) out.append(head).append('\n').append(" ".repeat(25)).append(summary).append('\n');
            else out.append(String.format("%-25s%s%n", head, summary));
        });
        return out.toString();
    }

    private static String fill(String help, Function<String, String> current) {
        java.util.regex.Matcher m = CURRENT.matcher(help);
        StringBuilder s = new StringBuilder();
        while (m.find()) m.appendReplacement(s, java.util.regex.Matcher.quoteReplacement(current.apply(m.group(1))));
        m.appendTail(s);
        return s.toString();
    }

    private static final Pattern CURRENT = Pattern.compile("\\{([a-z_]+)\\}");
}
