package org.shardprep.shell.replay;

import org.shardprep.shell.record.RecordedText;
import org.shardprep.shell.session.StepPrompt;

import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.shardprep.shell.input.InputEntry;
import org.shardprep.shell.input.InputObserver;
import org.shardprep.shell.session.Session;
import org.shardprep.shell.PromptBuilder;
import org.shardprep.sql.scan.OpenState;
import org.shardprep.sql.scan.StatementScanner;

import java.io.PrintWriter;

/**
 * What a replay looks like: each statement or command shown after the prompt as if typed (at the chosen speed),
 * then run with its output as usual; comments between them shown as narration (dim italics on a terminal);
 * with --step, a question before each runs; with --pause, a wait after each. Ctrl-C while a statement runs
 * cancels that statement and the replay goes on; Ctrl-C while typing, pausing or at the question ends it.
 */
final class ReplayPresenter implements InputObserver {

    private static final AttributedStyle NARRATION = AttributedStyle.DEFAULT.italic().faint();

    private final Session session;
    private final Pacing pacing;
    private final StepPrompt step;     // null without --step
    private final boolean ansi;        // narration styled, the question erased
    private final Terminal terminal;
    private final PromptBuilder prompts;
    private boolean ranSincePause;
    private boolean stopping;          // Ctrl-C during a pause before narration: stop at the next entry

    ReplayPresenter(Session session, Pacing pacing, StepPrompt step, Terminal terminal, boolean ansi) {
        this.prompts = new PromptBuilder(session);
        this.session = session;
        this.pacing = pacing;
        this.step = step;
        this.terminal = terminal;
        this.ansi = ansi;
    }

    @Override
    public Verdict beforeRun(InputEntry entry) {
        PrintWriter out = session.out();
        if (stopping || !pauseIfDue()) return stop("Ctrl-C during the pause");
        clearInterrupt();
        if (!showTyped(out, entry.text())) {
            out.println();
            return stop("Ctrl-C while typing");
        }
        out.println();
        out.flush();
        ranSincePause = true;
        if (step == null) return Verdict.RUN;
        return switch (session.withNotices(step::above, step::ask)) {
            case RUN -> Verdict.RUN;
            case SKIP -> {
                out.println(styled("(skipped)"));
                out.flush();
                yield Verdict.SKIP;
            }
            case STOP -> stop("q at the step prompt");
            case INTERRUPTED -> stop("Ctrl-C at the step prompt");
        };
    }

    @Override
    public void comment(String text) {
        if (stopping) return;
        if (!pauseIfDue()) {
            stopping = true;
            return;
        }
        PrintWriter out = session.out();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(RecordedText.MARK)) continue;   // the recorder's own notes are not narration
            out.println(styled(line));
        }
        out.flush();
    }

    /** Ctrl-C cancelled the running statement: that was all it was meant to do, the replay goes on. */
    @Override
    public boolean stopOnInterrupt() {
        clearInterrupt();
        return false;
    }

    /** The prompt, then the text as typed; lines after the first get the prompt psql would show there. */
    private boolean showTyped(PrintWriter out, String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            OpenState open = OpenState.NONE;
            if (i > 0) {
                var completeness = StatementScanner.completeness(before.toString(), session.connection().standardConformingStrings(), org.shardprep.shell.meta.MetaCommandCatalog.PSQL);
                open = completeness.complete() ? OpenState.NONE : completeness.openState();
                out.println();
                before.append('\n');
            }
            out.print(prompts.text(open, true, i + 1));
            if (!pacing.type(out, lines[i])) return false;
            before.append(lines[i]);
        }
        return true;
    }

    private boolean pauseIfDue() {
        if (!ranSincePause) return true;
        ranSincePause = false;
        return pacing.pause();
    }

    private Verdict stop(String why) {
        PrintWriter out = session.out();
        var where = session.location();
        out.println("Replay stopped at " + where.name() + ":" + where.line() + " (" + why + ").");
        out.flush();
        return Verdict.STOP;
    }

    private String styled(String text) {
        return ansi ? new AttributedString(text, NARRATION).toAnsi(terminal) : text;
    }

    /** Ctrl-C interrupts the running command's thread and sets the session's flag: a replay that goes on clears both. */
    private void clearInterrupt() {
        Thread.interrupted();
        session.clearInterrupt();
    }
}
