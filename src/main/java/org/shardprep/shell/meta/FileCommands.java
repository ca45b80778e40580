package org.shardprep.shell.meta;

import org.shardprep.shell.input.ScriptLocation;
import org.shardprep.shell.session.Session;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** \i, \ir, \cd and \!: commands that reach files and the operating system. */
final class FileCommands {

    private final Session session;
    private final ScriptIncluder processor;

    FileCommands(Session session, ScriptIncluder processor) {
        this.session = session;
        this.processor = processor;
    }

    /**
     * \i FILE and \ir FILE: run a script in a fresh scanner (the including script's query buffer is its own),
     * with its own line numbers; \ir resolves against the directory of the script that includes it.
     */
    boolean include(String name, boolean relative) {
        String beside = besideScript(name);
        // in a replay \i finds a file beside the script first, as \ir does, then where psql's \i looks
        String display = relative || (processor.observed() && Files.exists(session.resolve(beside))) ? beside : name;
        Path file = session.resolve(display);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return processor.include(reader, new ScriptLocation(display));
        } catch (NoSuchFileException e) {
            return fail(display + ": No such file or directory");
        } catch (IOException e) {
            return fail(display + ": " + e.getMessage());
        }
    }

    /** The name relative to the directory of the script being run (as \ir), or as given at the prompt. */
    private String besideScript(String name) {
        if (session.location().name() == null || Path.of(name).isAbsolute()) return name;
        Path parent = Path.of(session.location().name()).getParent();
        return parent == null ? name : parent.resolve(name).toString();
    }

    /** \cd [DIR]: the session's directory (the JVM's own cannot change); no argument means home. */
    boolean changeDirectory(List<String> args) {
        String target = args.isEmpty() ? org.shardprep.command.ShardprepHome.userHome().toString() : args.get(0);
        Path dir = session.resolve(target).normalize();
        if (!Files.isDirectory(dir)) {
            String why = Files.exists(dir) ? "Not a directory" : "No such file or directory";
            return fail("\\cd: could not change directory to \"" + target + "\": " + why);
        }
        session.setWorkingDirectory(dir);
        return true;
    }

    /** \! [COMMAND]: a shell command on the user's terminal, or an interactive shell without one. */
    boolean shell(String command) {
        String cmd = command.isBlank() ? java.util.Objects.requireNonNullElse(org.shardprep.os.ChildEnvironment.get("SHELL"), "/bin/sh") : command;
        List<String> argv = command.isBlank() ? List.of(cmd) : List.of("/bin/sh", "-c", cmd);
        try {
            return TerminalChild.run(session, org.shardprep.os.ChildEnvironment.apply(new ProcessBuilder(argv))
                    .directory(session.workingDirectory().toFile())) == 0;
        } catch (IOException e) {
            return fail("\\!: could not run \"" + cmd + "\": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean fail(String message) {
        session.error(message);
        return false;
    }
}
