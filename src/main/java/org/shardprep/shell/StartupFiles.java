package org.shardprep.shell;

import org.shardprep.command.ShellCommands;
import org.shardprep.shell.copy.HomeDirectories;
import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.session.Session;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * psql's startup file (startup.c, process_psqlrc), read after connecting and before anything else unless -X:
 * $PSQLRC, else ~/.psqlrc. psql reads the first of NAME-15.x, NAME-15 and NAME that is readable; shardprep speaks
 * psql 15, so it looks for NAME-15, then NAME. It runs as \i runs a file: a \q or ON_ERROR_STOP there ends the
 * file, not the session. psql's system-wide psqlrc lives in the directory its build was configured with; shardprep
 * has none.
 */
public final class StartupFiles {

    /** The psql major version whose startup file shardprep reads (~/.psqlrc-15). */
    static final String PSQL_MAJOR = "15";

    private StartupFiles() {}

    /** The file to run, if there is one that can be read. */
    static Optional<Path> find(Map<String, String> env, Path home, HomeDirectories homes) {
        String named = env.get("PSQLRC");
        Path rc = named != null && !named.isEmpty() ? Path.of(homes.expandTilde(named)) : home.resolve(".psqlrc");
        for (Path p : List.of(Path.of(rc + "-" + PSQL_MAJOR), rc)) {
            if (Files.isRegularFile(p) && Files.isReadable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** Runs the file through a main loop of its own, as psql's process_file; one that cannot be read is one line. */
    public static void run(Session session, ShellCommands commands, Map<String, String> env, Path home) {
        Optional<Path> file = find(env, home, HomeDirectories.system());
        if (file.isEmpty()) return;
        try (BufferedReader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            new InputProcessor(session, commands).include(reader, new ScriptLocation(file.get().toString()));
        } catch (IOException e) {
            session.message("shardprep: error: " + file.get() + ": " + e.getMessage());
        }
    }
}
