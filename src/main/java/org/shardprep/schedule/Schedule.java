package org.shardprep.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job's schedule as pg_cron accepts it: five cron fields (minute hour day-of-month month day-of-week,
 * with ranges, lists, steps and names, and {@code $} for the last day of the month), {@code N seconds}
 * (1..59), or one of the {@code @daily}-style macros. Parsing and next times are cron-utils'; this class
 * maps pg_cron's syntax onto it and says which field is wrong.
 */
public final class Schedule {

    private static final Pattern SECONDS = Pattern.compile("(?i)\\s*(\\d+)\\s+seconds?\\s*");
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");

    /** pg_cron's five fields: Sunday is 0 or 7, and $ (here L) is the last day of the month. */
    private static final CronDefinition PG_CRON = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).and()
            .withHours().withValidRange(0, 23).and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().and()
            .withMonth().withValidRange(1, 12).and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).and()
            .instance();
    private static final CronParser PARSER = new CronParser(PG_CRON);
    private static final String[] FIELDS = {"minute", "hour", "day of month", "month", "day of week"};
    private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};

    private final String text;
    private final ExecutionTime cron;    // null for an interval
    private final int seconds;           // > 0 for an interval

    private Schedule(String text, ExecutionTime cron, int seconds) {
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
            return new Schedule(s, cron(macro, s), 0);
        }
        String[] fields = s.split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("invalid schedule: " + s + " (five fields: minute hour day-of-month month day-of-week)");
        }
        if (fields[2].contains("$")) {
            if (!fields[2].equals("$")) throw new IllegalArgumentException("invalid schedule: " + s + " ($ stands alone in day-of-month)");
            fields[2] = "L";
        } else if (fields[2].toUpperCase(Locale.ROOT).contains("L") || fields[2].toUpperCase(Locale.ROOT).contains("W")) {
            throw new IllegalArgumentException("invalid schedule: " + s);   // Quartz's extensions, not pg_cron's
        }
        if (fields[4].contains("#") || fields[4].toUpperCase(Locale.ROOT).matches(".*\\dL.*|^L$")) {
            throw new IllegalArgumentException("invalid schedule: " + s);
        }
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].contains("?")) throw new IllegalArgumentException("invalid schedule: " + s);
            checkRange(s, i, fields[i]);
        }
        return new Schedule(s, cron(String.join(" ", fields), s), 0);
    }

    /** A number outside its field's range, named as pg_cron users think of it: "minute 61 is out of 0-59". */
    private static void checkRange(String schedule, int field, String text) {
        for (String part : text.split(",")) {
            String values = part.split("/", 2)[0];   // the step after / is a count, not a value of the field
            for (String v : values.split("-")) {
                if (!v.matches("\\d+")) continue;
                long n = Long.parseLong(v.length() > 9 ? "9999999999" : v);
                if (n < RANGES[field][0] || n > RANGES[field][1]) {
                    throw new IllegalArgumentException("invalid schedule: " + schedule + " (" + FIELDS[field] + " " + v
                            + " is out of " + RANGES[field][0] + "-" + RANGES[field][1] + ")");
                }
            }
        }
    }

    private static ExecutionTime cron(String fields, String schedule) {
        try {
            Cron cron = PARSER.parse(fields);
            cron.validate();
            return ExecutionTime.forCron(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid schedule: " + schedule);
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
        return cron.nextExecution(after).orElseThrow(() -> new IllegalStateException("no next run of " + text));
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
