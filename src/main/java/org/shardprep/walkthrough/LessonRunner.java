package org.shardprep.walkthrough;

import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import org.shardprep.command.ShellCommands;
import org.shardprep.command.TimingLog;
import org.shardprep.command.StepAnswer;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs steps of the lesson in order: shows each one (title, what it is for, its commands), waits for Enter
 * unless --auto, runs the commands exactly as if they were typed at the prompt, and asks the checkpoint.
 * A failing command or checkpoint stops the lesson with what is wrong; q or Ctrl-C stop it quietly, and the
 * next walkthrough goes on from what the database shows.
 */
final class LessonRunner {

    /** How a run ended: it got through the steps it was given, or the user stopped it. */
    enum Outcome { FINISHED, STOPPED }

    private final CommandContext session;
    private final ShellCommands commands;
    private final Lesson lesson;
    private final LessonRecord record;
    private final boolean ask;                // false with --auto
    private final SessionCheckpoints checkpoints;
    private final Set<String> skipped = new LinkedHashSet<>();
    private boolean recordUnsaved;

    LessonRunner(CommandContext session, ShellCommands commands, Lesson lesson, LessonRecord record, boolean ask) {
        this.session = session;
        this.commands = commands;
        this.lesson = lesson;
        this.record = record;
        this.ask = ask;
        this.checkpoints = new SessionCheckpoints(session);
    }

    /** Steps whose commands the user skipped in this run. */
    Set<String> skipped() { return skipped; }

    /**
     * Runs steps {@code from} to {@code until} (0-based, inclusive), leaving out those in {@code done}: steps the
     * database showed done when the walkthrough started, after a background step that has to run again.
     */
    Outcome run(int from, int until, Set<String> done) {
        if (from == 0) record.clearTimes();   // the lesson starts over on new data
        List<Step> steps = lesson.steps();
        for (int i = from; i <= until; i++) {
            Step step = steps.get(i);
            if (done.contains(step.id())) {
                say("Step " + (i + 1) + " of " + steps.size() + " (" + step.title() + ") is done already.");
                continue;
            }
            if (runStep(i, step) == Outcome.STOPPED) return Outcome.STOPPED;
        }
        return Outcome.FINISHED;
    }

    private Outcome runStep(int index, Step step) {
        show(index, step);
        StepAnswer answer = ask ? session.console().askStep() : StepAnswer.RUN;
        if (answer == StepAnswer.STOP || answer == StepAnswer.INTERRUPTED) {
            stopped("before step " + (index + 1));
            return Outcome.STOPPED;
        }
        Instant started = Instant.now();
        long start = System.nanoTime();
        if (answer == StepAnswer.SKIP) {
            skipped.add(step.id());
            say("Skipped; the checkpoint is asked all the same.");
        } else {
            for (String line : step.commands()) {
                if (runCommand(index, step, line) == Outcome.STOPPED) return Outcome.STOPPED;
            }
            record.setStepSeconds(step.id(), (System.nanoTime() - start) / 1e9);
            keepTimings(started);
        }
        Verdict verdict = checkpoints.check(step.checkpoint());
        save();
        if (!verdict.passed()) {
            throw new CommandError("walkthrough stopped at step " + (index + 1) + " (" + step.id() + "), its checkpoint failed: "
                    + verdict.explanation());
        }
        say(String.format(Locale.ROOT, "Checkpoint passed: %s.%s", verdict.shows(),
                answer == StepAnswer.RUN ? String.format(Locale.ROOT, " (step %d took %.2f s)", index + 1, (System.nanoTime() - start) / 1e9) : ""));
        return Outcome.FINISHED;
    }

    /** One command line, as typed: echoed after the prompt, then run by the same main loop as the prompt's. */
    private Outcome runCommand(int index, Step step, String line) {
        PrintWriter out = session.out();
        out.println(commands.prompt() + line);
        out.flush();
        long interrupts = session.interruptCount();
        int status = commands.runAsTyped(line);
        session.out().flush();
        if (session.interruptCount() != interrupts) {
            stopped("during step " + (index + 1));
            return Outcome.STOPPED;
        }
        if (status != 0) {
            save();
            throw new CommandError("walkthrough stopped at step " + (index + 1) + " (" + step.id() + "): " + line
                    + " failed (see above); put right what it says, then walkthrough goes on from there");
        }
        return Outcome.FINISHED;
    }

    /** The create_orders calls this step labelled, kept for the summary (also across shells). */
    private void keepTimings(Instant since) {
        for (String label : List.of(Lesson.BEFORE, Lesson.AFTER)) {
            TimingLog.Entry e = session.timingLog().find(label).orElse(null);
            if (e != null && !e.at().isBefore(since) && e.succeeded()) record.setTiming(label, e.text(), e.millis());
        }
    }

    private void stopped(String where) {
        save();
        String message = "Walkthrough stopped " + where + "; walkthrough goes on from what the database shows then.";
        if (!session.interactive()) throw new CommandError(message);   // a script that was stopped did not succeed
        say(message);
    }

    private void show(int index, Step step) {
        PrintWriter out = session.out();
        String title = "Step " + (index + 1) + " of " + lesson.steps().size() + ": " + step.title();
        out.println();
        out.println(title);
        out.println("=".repeat(title.length()));
        for (String line : wrap(step.explanation(), width())) out.println(line);
        out.println();
        for (String c : step.commands()) out.println("    " + c);
        out.println();
        out.flush();
    }

    private void say(String line) {
        session.out().println(line);
        session.out().flush();
    }

    private void save() {
        try {
            record.save();
        } catch (IOException e) {
            if (!recordUnsaved) session.error("cannot save the walkthrough's times in " + record.file() + ": " + e.getMessage());
            recordUnsaved = true;
        }
    }

    private int width() {
        int w = session.terminalWidth();
        return w >= 40 ? Math.min(w, 100) : 100;
    }

    /** Words to lines of at most {@code width} characters. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}
