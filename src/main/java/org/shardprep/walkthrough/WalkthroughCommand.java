package org.shardprep.walkthrough;

import org.shardprep.sql.TransactionState;
import org.shardprep.command.ShardprepHome;
import org.shardprep.command.CommandError;
import org.shardprep.command.DatabaseKey;
import org.shardprep.command.CommandContext;
import org.shardprep.command.ShellCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * walkthrough [--scale S] [--auto] [--from STEP] [--until STEP], and walkthrough status: the Tailspin Toys
 * exercise as a guided lesson ({@link Lesson}), which goes on from wherever the database shows it stands.
 */
@Command(name = "walkthrough", description = "The Tailspin Toys exercise as a guided lesson, step by step, going on from where the database stands")
public class WalkthroughCommand implements Runnable {

    private final CommandContext session;
    private final ShellCommands commands;   // the command machinery this command is part of

    @Option(names = "--scale", description = "size of the data set (1 = the exercise's; default: the scale the lesson was loaded at, else 1)")
    Double scale;
    @Option(names = "--auto", description = "run every step without waiting for Enter (a demo)")
    boolean auto;
    @Option(names = "--from", description = "start at this step whatever the database shows (load: the lesson over again)")
    String from;
    @Option(names = "--until", description = "stop after this step")
    String until;

    public WalkthroughCommand(CommandContext session, ShellCommands commands) {
        this.session = session;
        this.commands = commands;
    }

    @Override
    public void run() {
        if (!auto && !session.interactive()) {
            throw new CommandError("walkthrough waits for Enter before each step, which needs the prompt; walkthrough --auto runs the steps one after the other");
        }
        LessonRecord record = record();
        Lesson lesson = lesson(scale, record);
        int last = until == null ? lesson.steps().size() - 1 : index(lesson, until, "--until");
        if (session.connection().transactionState() != TransactionState.IDLE) {
            throw new CommandError("walkthrough cannot run inside a transaction block (COMMIT or ROLLBACK first)");
        }
        Start start = from != null ? new Start(index(lesson, from, "--from"), Set.of()) : fromDatabase(lesson, record);
        if (start == null) return;
        int first = start.first();
        if (first > last) {
            if (from != null) throw new CommandError("--from " + from + " comes after --until " + until + "; nothing to run");
            session.out().println("Step " + (last + 1) + " (" + until + ") is done already; nothing to run.");
            session.out().flush();
            return;
        }
        if (scale != null) record.setScale(scale);
        LessonRunner runner = new LessonRunner(session, commands, lesson, record, !auto);
        if (runner.run(first, last, start.done()) == LessonRunner.Outcome.STOPPED) return;
        if (last == lesson.steps().size() - 1) {
            LessonSummary.print(session, lesson, record, runner.skipped());
        } else {
            session.out().println("Stopped after step " + (last + 1) + " (" + until + ") as asked; walkthrough goes on with step "
                    + (last + 2) + " (" + lesson.steps().get(last + 1).id() + ").");
            session.out().flush();
        }
    }

    /** Where a run starts: the first step, and later steps to leave out because the database shows them done. */
    private record Start(int first, Set<String> done) {}

    /**
     * Where the database says the lesson stands; null when there is nothing to run (every step is done: the
     * summary instead). A step that no longer holds stops the walkthrough with its checkpoint's explanation.
     */
    private Start fromDatabase(Lesson lesson, LessonRecord record) {
        LessonProgress progress = new SessionCheckpoints(session).progress(lesson);
        LessonProgress.StepStatus broken = progress.broken();
        if (broken != null) {
            Checklist.print(session, lesson, progress);
            throw new CommandError("walkthrough cannot go on: step " + broken.number() + " (" + broken.step().id()
                    + ") no longer holds: " + broken.verdict().explanation());
        }
        if (progress.complete()) {
            session.out().println("Every step of the lesson is done (walkthrough status shows them; walkthrough --from load starts over).");
            LessonSummary.print(session, lesson, record, Set.of());
            return null;
        }
        int first = progress.resumeAt();
        if (first > 0) {
            session.out().println("Going on at step " + (first + 1) + " of " + lesson.steps().size() + " ("
                    + lesson.steps().get(first).title() + "): the database shows the steps before it done.");
            session.out().flush();
        }
        return new Start(first, progress.steps().stream().filter(s -> s.state() == LessonProgress.State.DONE)
                .map(s -> s.step().id()).collect(Collectors.toSet()));
    }


    @Command(name = "status", description = "The lesson's checklist: each step done or not, as the database shows it")
    public void status(
            @Option(names = "--scale", description = "size of the data set (default: the scale the lesson was loaded at, else 1)") Double statusScale) {
        Lesson lesson = lesson(statusScale, record());
        Checklist.print(session, lesson, new SessionCheckpoints(session).progress(lesson));
    }

    /** The record of the database the session is on. */
    private LessonRecord record() {
        return LessonRecord.load(ShardprepHome.stateDir(), session.databaseKey());
    }

    private static Lesson lesson(Double scale, LessonRecord record) {
        double s = scale != null ? scale : record.scale().orElse(1);
        try {
            return Lesson.forScale(s);
        } catch (IllegalArgumentException e) {
            throw new CommandError("--scale: " + e.getMessage());
        }
    }

    private static int index(Lesson lesson, String id, String option) {
        int i = lesson.indexOf(id);
        if (i < 0) throw new CommandError(option + ": no step named \"" + id + "\" (steps: " + String.join(", ", lesson.ids()) + ")");
        return i;
    }
}
