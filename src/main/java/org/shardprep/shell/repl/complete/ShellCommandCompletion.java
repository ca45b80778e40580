package org.shardprep.shell.repl.complete;

import org.shardprep.command.CommandRegistry;

import java.util.List;

/**
 * shardprep's own commands (load-all, swap-pk ...): their names as the first word of a line, then their
 * subcommands and options, all as the command registry has them.
 */
final class ShellCommandCompletion {

    private final CommandRegistry registry;

    ShellCommandCompletion(CommandRegistry registry) {
        this.registry = registry;
    }

    /** The first word of a line. */
    void commandNames(Offers offers) {
        offers.addAll(registry.names());
    }

    boolean isCommand(String firstWord) {
        return registry.isCommand(firstWord);
    }

    /** After the first word: {@code typedWords} are the complete words before the one being typed. */
    void arguments(List<String> typedWords, Offers offers) {
        for (String option : registry.completions(typedWords)) {
            if (!typedWords.contains(option)) offers.add(option);
        }
    }
}
