package org.shardprep.shell.meta;

import org.shardprep.os.ChildEnvironment;
import org.shardprep.shell.session.Session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * psql's do_edit and editFile: a text or a file through the user's editor (PSQL_EDITOR, EDITOR, VISUAL, else vi;
 * PSQL_EDITOR_LINENUMBER_ARG, else "+", before a line number), and what it holds afterwards if the editor
 * changed it. A text is edited in a file of a private temporary directory, both removed afterwards.
 */
final class ExternalEditor {

    /**
     * @param ok      the editor ran and exited with status 0 (a failure to start it or to read the file is reported)
     * @param changed the file's size or modification time changed
     * @param text    what the file holds then, when it changed
     */
    record Outcome(boolean ok, boolean changed, String text) {
        static final Outcome FAILED = new Outcome(false, false, null);
    }

    private static final String DEFAULT_EDITOR = "vi", DEFAULT_LINENUMBER_ARG = "+";

    private final Session session;

    ExternalEditor(Session session) {
        this.session = session;
    }

    /** The text (made to end in a newline, as psql sends it) edited in a temporary file. */
    Outcome editText(String text, int lineNumber) {
        String tmp = ChildEnvironment.get("TMPDIR");
        Path dir;
        try {
            dir = Files.createTempDirectory(Path.of(tmp == null ? "/tmp" : tmp), "shardprep.edit.");
        } catch (IOException | RuntimeException e) {
            session.error("could not open temporary file \"" + (tmp == null ? "/tmp" : tmp) + "\": " + MetaCommands.ioReason(asIo(e)));
            return Outcome.FAILED;
        }
        Path file = dir.resolve("shardprep.edit." + ProcessHandle.current().pid() + ".sql");
        try {
            Files.writeString(file, text.isEmpty() || text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
            // a few seconds back, so a quick edit within the same clock tick still shows as a change (psql's reason)
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 2000));
        } catch (IOException e) {
            session.error(file + ": " + MetaCommands.ioReason(e));
            remove(file, dir);
            return Outcome.FAILED;
        }
        try {
            return edit(file.toString(), file, lineNumber);
        } finally {
            remove(file, dir);
        }
    }

    /** A file of the user's, edited where it is; a relative name is the session's directory's. */
    Outcome editFile(String name, int lineNumber) {
        return edit(name, session.resolve(name), lineNumber);
    }

    private Outcome edit(String name, Path file, int lineNumber) {
        Stamp before = stamp(name, file);
        if (before == null || !runEditor(name, lineNumber)) return Outcome.FAILED;
        Stamp after = stamp(name, file);
        if (after == null) return Outcome.FAILED;
        if (after.equals(before)) return new Outcome(true, false, null);
        try {
            return new Outcome(true, true, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            session.error(name + ": " + MetaCommands.ioReason(e));
            return Outcome.FAILED;
        }
    }

    private record Stamp(long size, long modified) {}

    private Stamp stamp(String name, Path file) {
        try {
            return new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            session.error(name + ": " + MetaCommands.ioReason(e));
            return null;
        }
    }

    /**
     * psql's editFile: "exec EDITOR [ARGn] 'FILE'" through sh, the editor's value unquoted (it may hold options,
     * "pico -t"). A non-zero exit is a failure without a message; the shell reports an editor it cannot find.
     */
    private boolean runEditor(String file, int lineNumber) {
        String editor = firstSet("PSQL_EDITOR", "EDITOR", "VISUAL");
        if (editor == null) editor = DEFAULT_EDITOR;
        String command = "exec " + editor + " ";
        if (lineNumber > 0) {
            String arg = ChildEnvironment.get("PSQL_EDITOR_LINENUMBER_ARG");
            command += (arg == null ? DEFAULT_LINENUMBER_ARG : arg) + lineNumber + " ";
        }
        command += "'" + file + "'";
        ProcessBuilder program = ChildEnvironment.apply(new ProcessBuilder("sh", "-c", command))   // argv[0] "sh", as system() names it in its errors
                .directory(session.workingDirectory().toFile());
        try {
            return TerminalChild.run(session, program) == 0;
        } catch (IOException e) {
            session.error("could not start editor \"" + editor + "\"");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String firstSet(String... names) {
        for (String name : names) {
            String value = ChildEnvironment.get(name);
            if (value != null) return value;
        }
        return null;
    }

    private void remove(Path file, Path dir) {
        try {
            Files.deleteIfExists(file);
            // what an editor may have left beside it (a backup, a swap file)
            try (var left = Files.list(dir)) {
                for (Path p : left.toList()) Files.deleteIfExists(p);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            session.error(file + ": " + MetaCommands.ioReason(e));
        }
    }

    private static IOException asIo(Exception e) {
        return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
}
