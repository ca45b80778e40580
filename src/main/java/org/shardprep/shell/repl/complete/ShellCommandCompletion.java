package org.shardprep.shell.repl.complete;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * shardprep's own commands (load-all, swap-pk ...): their names as the first word of a line, then the
 * further words of multi-word commands ("schedule list") and the options Spring Shell registered for them.
 */
final class ShellCommandCompletion {

    private final Supplier<Collection<String>> names;
    private final Function<String, Collection<String>> options;

    ShellCommandCompletion(Supplier<Collection<String>> names, Function<String, Collection<String>> options) {
        this.names = names;
        this.options = options;
    }

    /** The first word of a line. */
    void commandNames(Offers offers) {
        for (String name : names.get()) offers.add(name.split(" ", 2)[0]);
    }

    /** True when {@code firstWord} names one of our commands (or starts a multi-word one). */
    boolean isCommand(String firstWord) {
        for (String name : names.get()) {
            if (name.equals(firstWord) || name.startsWith(firstWord + " ")) return true;
        }
        return false;
    }

    /** After the first word: {@code typedWords} are the complete words before the one being typed. */
    void arguments(List<String> typedWords, Offers offers) {
        String typed = String.join(" ", typedWords);
        String command = null;
        for (String name : names.get()) {
            if (name.startsWith(typed + " ")) {
                String rest = name.substring(typed.length() + 1);
                offers.add(rest.split(" ", 2)[0]);                 // the next word of a longer command
            }
            // the longest registered name the typed words start with owns the options
            if ((typed.equals(name) || typed.startsWith(name + " ")) && (command == null || name.length() > command.length())) {
                command = name;
            }
        }
        if (command == null) return;
        for (String option : options.apply(command)) {
            if (!typedWords.contains(option)) offers.add(option);
        }
    }
}
