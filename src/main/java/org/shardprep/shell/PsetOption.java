package org.shardprep.shell;

import org.shardprep.shell.session.Session;
import org.shardprep.shell.meta.FormatCommands;
import java.util.ArrayList;
import java.util.List;

/** psql's {@code -P NAME[=VALUE]}: a \pset given on the command line, applied quietly before anything runs. */
public final class PsetOption {

    private PsetOption() {}

    /**
     * Applies one {@code -P} argument to the session's print settings (no "Null display is ..." line, as psql).
     * @throws IllegalArgumentException with psql's two lines when the setting is unknown or its value is wrong
     */
    public static void apply(Session session, String option) {
        int eq = option.indexOf('=');
        String name = eq < 0 ? option : option.substring(0, eq);
        List<String> args = new ArrayList<>(List.of(name));
        if (eq >= 0) args.add(option.substring(eq + 1));
        try {
            new FormatCommands(session).pset(args);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "\nshardprep: error: could not set printing parameter \"" + name + "\"", e);
        }
    }
}
