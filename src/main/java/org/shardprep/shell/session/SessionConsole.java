package org.shardprep.shell.session;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.shardprep.command.CommandError;
import org.shardprep.command.Console;
import org.shardprep.command.StepAnswer;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The session's console: the interactive shell's JLine terminal when there is one, else the session's
 * output, where nothing is redrawn and nobody is asked.
 */
public final class SessionConsole implements Console {

    /** Progress is redrawn at most this often: a terminal over ssh keeps up, the work is not slowed. */
    static final long REDRAW_NANOS = 200_000_000L;

    private final Session session;
    private final Map<String, String> environment;

    SessionConsole(Session session, Map<String, String> environment) {
        this.session = session;
        this.environment = environment;
    }

    @Override
    public boolean live() {
        Terminal t = session.terminal();
        if (t != null) return live(t);
        String term = environment.get("TERM");
        return session.interactive() && term != null && !term.equals("dumb");
    }

    @Override
    public boolean colour() {
        return live() && colourAllowed(environment);
    }

    /** A terminal that redraws: not JLine's dumb one, nor TERM=dumb. */
    public static boolean live(Terminal t) {
        return t.getType() != null && !t.getType().startsWith(Terminal.TYPE_DUMB);
    }

    /** no-color.org: a non-empty NO_COLOR turns styles off. */
    public static boolean colourAllowed(Map<String, String> environment) {
        String noColor = environment.get("NO_COLOR");
        return noColor == null || noColor.isEmpty();
    }

    @Override
    public ProgressLine progress() {
        return new RedrawnLines(session.out(), live());
    }

    @Override
    public boolean confirm(String question, boolean yes, String refusal) {
        if (yes) return true;
        Terminal terminal = session.terminal();
        if (terminal == null || !session.interactive()) throw new CommandError(refusal);
        String answer;
        try {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            reader.setVariable(LineReader.DISABLE_HISTORY, true);
            answer = reader.readLine(question + " [y/N] ");
        } catch (UserInterruptException | EndOfFileException e) {
            answer = "";
        }
        boolean agreed = answer.strip().toLowerCase(Locale.ROOT).startsWith("y");
        if (agreed && session.recorder().recordsFor(session.location())) session.recorder().answeredYes();
        return agreed;
    }

    @Override
    public StepAnswer askStep() {
        Terminal terminal = session.terminal();
        if (terminal == null) throw new CommandError("no terminal to answer at");
        StepPrompt prompt = new StepPrompt(terminal, colour());
        return session.withNotices(prompt::above, prompt::ask);
    }

    /** Lines redrawn in place (cursor up, clear line), throttled; elsewhere nothing. */
    private static final class RedrawnLines implements ProgressLine {
        private final PrintWriter out;
        private final boolean live;
        private long shownAt;
        private int drawn;
        private String last;

        RedrawnLines(PrintWriter out, boolean live) {
            this.out = out;
            this.live = live;
        }

        @Override
        public synchronized void update(String text, boolean force) {
            last = text;
            long now = System.nanoTime();
            if (!live || (!force && drawn > 0 && now - shownAt < REDRAW_NANOS)) return;
            shownAt = now;
            draw(text);
        }

        private void draw(String text) {
            StringBuilder sb = new StringBuilder();
            if (drawn > 1) sb.append("\033[").append(drawn - 1).append('A');
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                sb.append("\r\033[2K").append(lines.get(i));
                if (i < lines.size() - 1) sb.append('\n');
            }
            drawn = lines.size();
            out.print(sb);
            out.flush();
        }

        @Override
        public synchronized void done(boolean keepLast) {
            if (live) {
                if (keepLast && last != null) {
                    draw(last);
                    out.println();
                } else if (drawn > 0) {
                    draw("");
                    out.print("\r");
                }
            }
            out.flush();
            drawn = 0;
        }
    }
}
