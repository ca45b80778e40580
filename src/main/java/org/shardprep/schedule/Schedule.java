package org.shardprep.schedule;

import org.springframework.scheduling.support.CronExpression;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's schedule as pg_cron accepts it: five cron fields (minute hour day-of-month month day-of-week,
 * with ranges, lists, steps and names, and {@code $} for the last day of the month), {@code N seconds}
 * (1..59), or one of the {@code @daily}-style macros. Parsing and next times are Spring's
 * {@link CronExpression}; this class only maps pg_cron's syntax onto it.
 */
public final class Schedule {

    private static final Pattern SECONDS = Pattern.compile("(?i)\\s*(\\d+)\\s+seconds?\\s*");
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "@yearly", "@annually", "@annually", "@monthly", "@monthly", "@weekly", "@weekly",
            "@daily", "@daily", "@midnight", "@midnight", "@hourly", "@hourly");

    private final String text;
    private final CronExpression cron;   // null for an interval
    private final int seconds;           // > 0 for an interval

    private Schedule(String text, CronExpression cron, int seconds) {
        this.text = text;
        this.cron = cron;
        this.seconds = seconds;
    }

    /** Parses a schedule; a bad one is an {@link IllegalArgumentException} with one line saying why. */
    public static Schedule parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("invalid schedule: empty");
        String s = text.strip();
        Matcher m = SECONDS.matcher(s);
        if (m.matches()) {
            int n;
            try {
                n = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || n > 59) throw new IllegalArgumentException("invalid schedule: " + s + " (seconds must be 1..59)");
            return new Schedule(s, null, n);
        }
        if (s.startsWith("@")) {
            String macro = MACROS.get(s.toLowerCase(Locale.ROOT));
            if (macro == null) throw new IllegalArgumentException("invalid schedule: " + s);
            return new Schedule(s, CronExpression.parse(macro), 0);
        }
        String[] fields = s.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("invalid schedule: " + s + " (five fields: minute hour day-of-month month day-of-week)");
        }
        if (fields[2].contains("$")) {
            if (!fields[2].equals("$")) throw new IllegalArgumentException("invalid schedule: " + s + " ($ stands alone in day-of-month)");
            fields[2] = "L";
        } else if (fields[2].toUpperCase(Locale.ROOT).contains("L") || fields[2].toUpperCase(Locale.ROOT).contains("W")) {
            throw new IllegalArgumentException("invalid schedule: " + s);   // Spring's extensions, not pg_cron's
        }
        if (fields[4].contains("#") || fields[4].toUpperCase(Locale.ROOT).matches(".*\\dL.*|^L$")) {
            throw new IllegalArgumentException("invalid schedule: " + s);
        }
        for (String f : fields) {
            if (f.contains("?")) throw new IllegalArgumentException("invalid schedule: " + s);
        }
        try {
            return new Schedule(s, CronExpression.parse("0 " + String.join(" ", fields)), 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid schedule: " + s);
        }
    }

    public String text() { return text; }

    /** Seconds between runs for an interval schedule, else 0. */
    public int intervalSeconds() { return seconds; }

    /** The first run time strictly after {@code after}. */
    public ZonedDateTime next(ZonedDateTime after) {
        if (cron == null) {
            // pg_cron's interval jobs run every N seconds; whole seconds, as its own ticks
            return after.withNano(0).plusSeconds(seconds);
        }
        return cron.next(after);
    }

    /** The schedule as a person says it where that is short ("every minute", "every 5 seconds"), else its text. */
    public String describe() {
        if (cron == null) return seconds == 1 ? "every second" : "every " + seconds + " seconds";
        if (text.equals("* * * * *") || text.equals("*/1 * * * *")) return "every minute";
        return text;
    }

    @Override
    public String toString() { return text; }
}
