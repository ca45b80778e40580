package org.shardprep.walkthrough;

import org.shardprep.command.CommandContext;
import org.shardprep.command.TablePrinter;
import org.shardprep.command.TimingComparison;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The end of the lesson: each step's time, then create_orders before and after the key swap side by side,
 * with bars and the ratio (as `timing compare` shows them).
 */
final class LessonSummary {

    private LessonSummary() {}

    static void print(CommandContext session, Lesson lesson, LessonRecord record, Set<String> skipped) {
        PrintWriter out = session.results();
        out.println();
        out.println("Summary (scale " + lesson.scaleText() + ", " + lesson.orders() + " orders a call)");
        out.flush();
        TablePrinter steps = new TablePrinter().column("#", TablePrinter.INT4).column("step", TablePrinter.TEXT)
                .column("seconds", TablePrinter.NUMERIC).column("note", TablePrinter.TEXT);
        int n = 0;
        for (Step s : lesson.steps()) {
            n++;
            OptionalDouble secs = record.stepSeconds(s.id());
            String note = skipped.contains(s.id()) ? "skipped" : secs.isEmpty() ? "not run by the walkthrough" : null;
            steps.row(n, s.title(), secs.isPresent() ? String.format(Locale.ROOT, "%.2f", secs.getAsDouble()) : null, note);
        }
        steps.print(session);
        Optional<LessonRecord.Timing> before = record.timing(Lesson.BEFORE);
        Optional<LessonRecord.Timing> after = record.timing(Lesson.AFTER);
        if (before.isEmpty() || after.isEmpty()) {
            out.println("create_orders was not timed " + (before.isEmpty() ? "before" : "after")
                    + " the key swap by the walkthrough, so there is nothing to compare.");
            out.flush();
            return;
        }
        out.println("create_orders(" + lesson.orders() + ") before and after the key swap:");
        out.flush();
        TimingComparison.print(session,
                new TimingComparison.Side(Lesson.BEFORE, before.get().text(), before.get().millis()),
                new TimingComparison.Side(Lesson.AFTER, after.get().text(), after.get().millis()), lesson.showsTheEffect());
        if (!lesson.showsTheEffect()) {
            out.println(smallScaleNote(lesson));
            out.flush();
        }
    }

    /** Why a small run gives no ratio: it would be noise, and could say the opposite of the lesson. */
    static String smallScaleNote(Lesson lesson) {
        String full = java.math.BigDecimal.valueOf(Lesson.EFFECT_SCALE).stripTrailingZeros().toPlainString();
        return "At scale " + lesson.scaleText() + " the tables are too small for the keys to change create_orders' time, so the two"
                + " times differ by chance; the before-and-after comparison needs the full-size data: walkthrough --from load"
                + " --scale " + full + " (or more) shows it.";
    }
}
