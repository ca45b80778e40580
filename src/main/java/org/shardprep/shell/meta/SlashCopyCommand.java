package org.shardprep.shell.meta;

import org.shardprep.shell.copy.HomeDirectories;
import org.shardprep.shell.copy.CopyDataLines;
import org.shardprep.shell.copy.ChildProcessStatus;
import org.shardprep.shell.copy.SlashCopy;
import org.shardprep.shell.copy.SlashCopyParser;
import org.shardprep.shell.input.CopyDataInput;
import org.shardprep.shell.session.Session;
import org.shardprep.sql.QueryOutcome;
import org.shardprep.sql.CopyEndpoint;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * psql's do_copy: {@code \copy} parsed, its file or program opened here, on the client, and the rewritten
 * {@code COPY ... FROM STDIN / TO STDOUT} run as any statement is (echo, timing, errors), with the data
 * streaming between that file or program and the server.
 */
public final class SlashCopyCommand {

    private static CopyDataInput processStdin;   // pstdin: one reader over the process's stdin for its lifetime

    private final Session session;
    private final SlashCopyParser parser = new SlashCopyParser(HomeDirectories.system());

    public SlashCopyCommand(Session session) {
        this.session = session;
    }

    /**
     * Runs one {@code \copy}.
     *
     * @param args  the raw rest of the line
     * @param error how the caller reports a client-side failure (psql's pg_log_error with the script prefix)
     * @return whether it worked; a failure has been reported
     */
    public boolean run(String args, Consumer<String> error) {
        SlashCopy copy;
        try {
            copy = parser.parse(args, session.connection().standardConformingStrings());
        } catch (SlashCopyParser.ParseError e) {
            error.accept(e.getMessage());
            return false;
        }
        if (copy.file() == null) {
            CopyEndpoint endpoint = copy.psqlInOut() ? processStreams() : null;
            return (endpoint == null ? session.execute(copy.sql()) : session.executeCopy(copy.sql(), endpoint)).success();
        }
        return copy.program() ? runProgram(copy, error) : runFile(copy, error);
    }

    private boolean runFile(SlashCopy copy, Consumer<String> error) {
        String name = canonicalize(copy.file());
        Path path = session.workingDirectory().resolve(name);   // relative to \cd's directory
        if (copy.from() && Files.isDirectory(path)) {
            error.accept(name + ": cannot copy from/to a directory");
            return false;
        }
        try {
            Closeable stream = copy.from() ? Files.newInputStream(path) : new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
            boolean ok;
            try (stream) {
                ok = session.executeCopy(copy.sql(), endpoint(stream)).success();
            }
            return ok;
        } catch (IOException e) {
            error.accept(name + ": " + reason(e));
            return false;
        }
    }

    private boolean runProgram(SlashCopy copy, Consumer<String> error) {
        session.out().flush();   // psql flushes its output before the program can write to the same terminal
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", copy.file())
                .directory(session.workingDirectory().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (copy.from()) builder.redirectInput(ProcessBuilder.Redirect.INHERIT);
        else builder.redirectOutput(ProcessBuilder.Redirect.INHERIT);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            error.accept("could not execute command \"" + copy.file() + "\": " + reason(e));
            return false;
        }
        Closeable stream = copy.from() ? process.getInputStream() : new BufferedOutputStream(new ProgramStdin(process), 1 << 16);
        boolean ok = session.executeCopy(copy.sql(), endpoint(stream)).success();
        try {
            stream.close();   // a program still writing gets SIGPIPE, as under psql's pclose
        } catch (IOException ignored) {
            // the program has gone already: its exit status tells why
        }
        String failure;
        try {
            failure = ChildProcessStatus.describe(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            failure = ChildProcessStatus.describe(130);
        }
        if (failure != null) {
            error.accept(copy.file() + ": " + failure);
            return false;
        }
        return ok;
    }

    /** A program's standard input; once the program has gone, Java says "Stream closed" where psql says EPIPE. */
    private static final class ProgramStdin extends FilterOutputStream {
        ProgramStdin(Process process) {
            super(process.getOutputStream());
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new IOException("Broken pipe", e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw new IOException("Broken pipe", e);
            }
        }
    }

    /** An endpoint that only knows one direction: the one \copy opened. */
    private static CopyEndpoint endpoint(Closeable stream) {
        return new CopyEndpoint() {
            @Override
            public InputStream source() {
                return (InputStream) stream;
            }

            @Override
            public OutputStream sink() {
                return (OutputStream) stream;
            }
        };
    }

    /** pstdin / pstdout: the process's own streams, whatever the current input and output are. */
    private CopyEndpoint processStreams() {
        return new CopyEndpoint() {
            @Override
            public InputStream source() {
                return new CopyDataLines(stdinData(), session.variables().quiet() ? null : session.out());
            }

            @Override
            public OutputStream sink() {
                session.out().flush();
                return new FilterOutputStream(System.out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }
                };
            }

            @Override
            public boolean sinkIsQueryOutput() {
                return session.results() == session.out();   // stdout, unless \g sends results elsewhere
            }
        };
    }

    /** psql's stdin: when the commands come from stdin (the terminal, a pipe, -c) that same reader. */
    private CopyDataInput stdinData() {
        String script = session.location().name();
        if (script == null || script.equals("<stdin>")) return session.copyDataInput();
        synchronized (SlashCopyCommand.class) {
            if (processStdin == null) {
                processStdin = CopyDataInput.of(org.shardprep.shell.input.StandardInput.reader(), null);
            }
            return processStdin;
        }
    }

    /** psql's canonicalize_path: no "." parts, ".." folded, no doubled or trailing slashes. */
    static String canonicalize(String name) {
        String normal = Path.of(name).normalize().toString();
        return normal.isEmpty() ? "." : normal;
    }

    /** strerror's words for what Java reports. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "No such file or directory";
        if (e instanceof AccessDeniedException) return "Permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        String m = e.getMessage();
        if (m != null) {
            // java.io's "name (reason)" and ProcessBuilder's "error=2, No such file or directory"
            int comma = m.lastIndexOf("error=");
            if (comma >= 0 && m.indexOf(", ", comma) > 0) return m.substring(m.indexOf(", ", comma) + 2);
            if (m.endsWith(")") && m.lastIndexOf(" (") > 0) return m.substring(m.lastIndexOf(" (") + 2, m.length() - 1);
            return m;
        }
        return e.getClass().getSimpleName();
    }
}
