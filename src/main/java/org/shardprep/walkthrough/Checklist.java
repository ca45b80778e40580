package org.shardprep.walkthrough;

import org.shardprep.command.CommandContext;
import org.shardprep.command.TablePrinter;

import java.util.Locale;

/** `walkthrough status`: each step, its state and what the database shows for it, then where the lesson goes on. */
final class Checklist {

    private Checklist() {}

    static void print(CommandContext session, Lesson lesson, LessonProgress progress) {
        TablePrinter t = new TablePrinter().column("#", TablePrinter.INT4).column("step", TablePrinter.TEXT)
                .column("state", TablePrinter.TEXT).column("the database shows", TablePrinter.TEXT);
        for (LessonProgress.StepStatus s : progress.steps()) {
            t.row(s.number(), s.step().id(), s.state().name().toLowerCase(Locale.ROOT), s.verdict().shows());
        }
        t.print(session);
        session.out().println(nextLine(lesson, progress));
        session.out().flush();
    }

    /** One sentence: what comes next, or what is in the way. */
    static String nextLine(Lesson lesson, LessonProgress progress) {
        LessonProgress.StepStatus broken = progress.broken();
        if (broken != null) {
            return "Step " + broken.number() + " (" + broken.step().id() + ") no longer holds although later steps are done: "
                    + broken.verdict().explanation() + ".";
        }
        if (progress.complete()) return "Every step is done (scale " + lesson.scaleText() + ").";
        LessonProgress.StepStatus next = progress.steps().get(progress.resumeAt());
        return "Next: step " + next.number() + " of " + progress.steps().size() + ", " + next.step().title()
                + " (scale " + lesson.scaleText() + "); walkthrough goes on from there.";
    }
}
