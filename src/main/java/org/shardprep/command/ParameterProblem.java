package org.shardprep.command;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/** A command line picocli could not bind, said in one line naming the command and what was expected. */
final class ParameterProblem {
    private ParameterProblem() {}

    static String describe(CommandLine.ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        String command = spec.qualifiedName(" ");
        String help = " (see \"" + command + " --help\")";
        ArgSpec arg = e.getArgSpec();
        if (e.getCause() instanceof CommandLine.TypeConversionException && arg != null) {
            return command + ": " + label(arg) + ": expected " + expected(arg.type()) + ", got \"" + e.getValue() + "\"";
        }
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            if (first.startsWith("-")) return command + ": unknown option " + first + help;
            if (!spec.subcommands().isEmpty()) {
                return command + ": unknown subcommand \"" + first + "\"; one of: " + String.join(", ", new java.util.TreeSet<>(spec.subcommands().keySet()));
            }
            return command + ": unexpected argument \"" + first + "\"" + help;
        }
        if (e.getMessage().equals("missing subcommand")) {
            return command + ": missing subcommand, one of: " + String.join(", ", new java.util.TreeSet<>(spec.subcommands().keySet()));
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            StringBuilder s = new StringBuilder();
            for (ArgSpec missing : m.getMissing()) {
                if (s.length() > 0) s.append(", ");
                s.append(missing.isOption() ? ((OptionSpec) missing).longestName() + " " + missing.paramLabel() : missing.paramLabel());
            }
            return command + ": missing " + s + help;
        }
        return command + ": " + e.getMessage() + help;
    }

    private static String label(ArgSpec arg) {
        return arg.isOption() ? ((OptionSpec) arg).longestName() : arg.paramLabel();
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "a whole number";
        if (type == double.class || type == Double.class || type == float.class) return "a number";
        if (type.isEnum()) {
            StringBuilder s = new StringBuilder("one of ");
            Object[] values = type.getEnumConstants();
            for (int i = 0; i < values.length; i++) s.append(i == 0 ? "" : ", ").append(values[i].toString().toLowerCase(java.util.Locale.ROOT));
            return s.toString();
        }
        return "a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
