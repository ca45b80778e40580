package org.shardprep.shell.repl.complete;

import org.springframework.shell.command.CommandCatalog;
import org.springframework.shell.command.CommandOption;
import org.springframework.shell.command.CommandRegistration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The --long and -s option names Spring Shell has registered for a command, by the command's full name. */
public final class CommandOptionNames implements Function<String, Collection<String>> {

    private final CommandCatalog catalog;

    public CommandOptionNames(CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Collection<String> apply(String command) {
        CommandRegistration registration = catalog.getRegistrations().get(command);
        if (registration == null) return List.of();
        List<String> names = new ArrayList<>();
        for (CommandOption option : registration.getOptions()) {
            if (option.getLongNames() != null) for (String l : option.getLongNames()) names.add("--" + l);
            if (option.getShortNames() != null) for (Character c : option.getShortNames()) names.add("-" + c);
        }
        return names;
    }
}
