package org.shardprep.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * shardprep's own commands (load-all, swap-pk, ...): the one list from which their names, dispatch, help,
 * usage, option parsing and completion are all derived. A command is a picocli {@code @Command}: a class
 * (its {@code @Command} methods are its subcommands) or, in a class without a name of its own, each
 * {@code @Command} method. Names are read from the annotations alone, so a script that uses no command
 * never pays for building picocli's model.
 */
public final class CommandRegistry {

    /** A top-level command: its name, its one-line summary and where its definition is. */
    public record Entry(String name, String summary, Class<?> type, Method method) {}

    /** The outcome of one command line: null failure when it worked. */
    public record Outcome(boolean ok, String failure) {
        static final Outcome OK = new Outcome(true, null);
        static Outcome failed(String failure) { return new Outcome(false, failure); }
    }

    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, CommandLine> built = new HashMap<>();
    private final CommandLine.IFactory factory;
    private PrintWriter out = new PrintWriter(System.out, true);
    private int usageWidth = 80;

    /** @param factory makes the command objects (their constructors take the command context) */
    public CommandRegistry(List<Class<?>> commandClasses, CommandLine.IFactory factory) {
        this.factory = factory;
        for (Class<?> type : commandClasses) {
            CommandLine.Command command = type.getAnnotation(CommandLine.Command.class);
            if (command != null && !command.name().equals(CommandSpec.DEFAULT_COMMAND_NAME)) {
                add(new Entry(command.name(), summary(command), type, null));
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                CommandLine.Command c = m.getAnnotation(CommandLine.Command.class);
                if (c != null) add(new Entry(c.name(), summary(c), type, m));
            }
        }
    }

    private void add(Entry e) {
        if (entries.put(e.name(), e) != null) throw new IllegalStateException("two commands named " + e.name());
    }

    private static String summary(CommandLine.Command c) {
        return c.description().length > 0 ? c.description()[0] : "";
    }

    /** Where usage help goes, and how wide it may be. */
    public void setOutput(PrintWriter out, int width) {
        this.out = out;
        this.usageWidth = width <= 0 ? 80 : Math.max(60, Math.min(width, 120));
        built.values().forEach(this::configureOutput);
    }

    public boolean isCommand(String name) { return entries.containsKey(name); }

    /** Our command names that are SQL commands too: the line is ours only with a subcommand of ours after them. */
    private static final java.util.Set<String> SQL_WORDS = java.util.Set.of("prepare");

    /**
     * Whether a line's words are one of our commands. A name that SQL has as well (PREPARE) needs one of its
     * subcommands or --help next, and not SQL's AS or ( after that ({@code PREPARE plan AS SELECT 1} is SQL).
     */
    public boolean isCommandLine(List<String> words) {
        if (words.isEmpty() || !isCommand(words.get(0))) return false;
        if (!SQL_WORDS.contains(words.get(0))) return true;
        if (words.size() < 2) return false;
        if (words.get(1).equals("--help")) return true;
        if (!commandLine(words.get(0)).getSubcommands().containsKey(words.get(1))) return false;
        return words.size() < 3 || !(words.get(2).equalsIgnoreCase("as") || words.get(2).startsWith("("));
    }

    /** The top-level commands, by name. */
    public Collection<Entry> entries() { return Collections.unmodifiableCollection(entries.values()); }

    public Collection<String> names() { return Collections.unmodifiableSet(entries.keySet()); }

    /**
     * The command a line's words name, down its subcommands ({@code swap-pk run} for
     * {@code ["swap-pk", "run", "orders"]}), or null when the first word is no command.
     */
    public CommandLine resolve(List<String> words) {
        if (words.isEmpty() || !isCommand(words.get(0))) return null;
        CommandLine c = commandLine(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            CommandLine sub = c.getSubcommands().get(words.get(i));
            if (sub == null) break;
            c = sub;
        }
        return c;
    }

    /** The names of a command's subcommands and options, for completion. */
    public List<String> completions(List<String> words) {
        CommandLine c = resolve(words);
        if (c == null) return List.of();
        List<String> all = new ArrayList<>(c.getSubcommands().keySet());
        for (OptionSpec o : c.getCommandSpec().options()) all.addAll(List.of(o.names()));
        return all;
    }

    /** Usage and options of the command the words name (help CMD, CMD --help). */
    public String usage(List<String> words) {
        CommandLine c = resolve(words);
        return c == null ? null : c.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** Every command and subcommand as its words, depth first: for the help test and the docs. */
    public List<List<String>> paths() {
        List<List<String>> paths = new ArrayList<>();
        for (String name : entries.keySet()) collect(List.of(name), commandLine(name), paths);
        return paths;
    }

    private static void collect(List<String> path, CommandLine c, List<List<String>> into) {
        into.add(path);
        c.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().name().equals(name)) return;   // an alias
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(next, sub, into);
        });
    }

    /**
     * Runs a command line already split into words. Usage help asked for with --help is printed and counts as
     * success; a bad option or value, a missing argument or a command that fails comes back as one line.
     */
    public Outcome run(List<String> words) {
        CommandLine root = commandLine(words.get(0));
        Failure failure = new Failure();
        root.setParameterExceptionHandler((e, args) -> {
            failure.message = ParameterProblem.describe(e);
            return 2;
        });
        root.setExecutionExceptionHandler((e, cl, parsed) -> {
            failure.message = CommandErrors.oneLine(e);
            return 1;
        });
        int status = root.execute(words.subList(1, words.size()).toArray(String[]::new));
        out.flush();
        if (failure.message != null) return Outcome.failed(failure.message);
        return status == 0 ? Outcome.OK : Outcome.failed(words.get(0) + ": failed");
    }

    private static final class Failure {
        String message;
    }

    private synchronized CommandLine commandLine(String name) {
        return built.computeIfAbsent(name, n -> {
            Entry e = entries.get(n);
            CommandLine c;
            try {
                c = e.method() != null ? new CommandLine(e.method(), factory) : new CommandLine(e.type(), factory);
            } catch (CommandLine.InitializationException ex) {
                throw new IllegalStateException("command " + n + ": " + ex.getMessage(), ex);
            }
            configure(c);
            return c;
        });
    }

    /** The same rules for every command and subcommand: --help, and a subcommand-only command asks for one. */
    private void configure(CommandLine c) {
        CommandSpec spec = c.getCommandSpec();
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("--help").usageHelp(true).description("show this help").build());
        }
        spec.usageMessage().sortOptions(false).abbreviateSynopsis(false);
        c.setCaseInsensitiveEnumValuesAllowed(true);
        c.setUnmatchedOptionsArePositionalParams(false);
        if (!spec.subcommands().isEmpty()) {
            // a command made only of subcommands: naming none is a mistake, said in one line
            c.setExecutionStrategy(parsed -> {
                CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
                if (!last.getSubcommands().isEmpty() && !(last.getCommand() instanceof Runnable)
                        && !(last.getCommand() instanceof java.util.concurrent.Callable<?>)
                        && !last.isUsageHelpRequested()) {
                    throw new CommandLine.ParameterException(last, "missing subcommand");
                }
                return new CommandLine.RunLast().execute(parsed);
            });
        }
        configureOutput(c);
        c.getSubcommands().values().forEach(this::configure);
    }

    private void configureOutput(CommandLine c) {
        c.setOut(out);
        c.setErr(out);
        c.setUsageHelpWidth(usageWidth);
        c.getSubcommands().values().forEach(this::configureOutput);
    }

    /** Lists of every option with its description, for a command path: used by tests and completion. */
    public Map<String, String> optionDescriptions(List<String> words) {
        CommandLine c = resolve(words);
        Map<String, String> d = new LinkedHashMap<>();
        if (c == null) return d;
        for (OptionSpec o : c.getCommandSpec().options()) d.put(o.longestName(), String.join(" ", o.description()));
        for (ArgSpec p : c.getCommandSpec().positionalParameters()) d.put(p.paramLabel(), String.join(" ", p.description()));
        return d;
    }
}
