package org.shardprep.command;

import java.util.List;
import java.util.Locale;

/**
 * Two timed things side by side: their seconds, a bar each scaled to the longer one, and the ratio in words.
 * What `timing compare` prints, and the walkthrough's before-and-after at the end of the lesson.
 */
public final class TimingComparison {

    /** One side: its name (a label, or "#id"), what ran, and how long it took. */
    public record Side(String name, String text, double millis) {}

    private static final int BAR = 40;

    private TimingComparison() {}

    public static void print(CommandContext session, Side first, Side second) {
        print(session, first, second, true);
    }

    /** @param withRatio false where the ratio would mislead (times too small to differ by more than noise) */
    public static void print(CommandContext session, Side first, Side second, boolean withRatio) {
        double max = Math.max(first.millis(), second.millis());
        TablePrinter t = new TablePrinter().column("entry", TablePrinter.TEXT).column("statement", TablePrinter.TEXT)
                .column("seconds", TablePrinter.NUMERIC).column("", TablePrinter.TEXT);
        for (Side s : List.of(first, second)) {
            int cells = max <= 0 ? 0 : (int) Math.max(1, Math.round(BAR * s.millis() / max));
            t.row(s.name(), shorten(s.text(), 40), String.format(Locale.ROOT, "%.3f", s.millis() / 1000), "#".repeat(cells));
        }
        t.print(session);
        String ratio = withRatio ? ratio(first.name(), first.millis(), second.name(), second.millis()) : "";
        if (!ratio.isEmpty()) {
            session.results().println(ratio);   // the comparison's answer: shown even under -q
            session.results().flush();
        }
    }

    static String ratio(String first, double firstMs, String second, double secondMs) {
        if (firstMs <= 0 || secondMs <= 0) return "";
        if (secondMs <= firstMs) {
            return String.format(Locale.ROOT, "%s took %.2fx less time than %s.", second, firstMs / secondMs, first);
        }
        return String.format(Locale.ROOT, "%s took %.2fx the time of %s.", second, secondMs / firstMs, first);
    }

    /** Cut to max characters, "..." saying so. */
    public static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
