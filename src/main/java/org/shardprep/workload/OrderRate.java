package org.shardprep.workload;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target rate of orders, as the user writes it: "20000/min", "300/s", "1200/h", or a plain number, which
 * means per minute (the exercise speaks of orders per minute).
 */
public record OrderRate(double perSecond) {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(s|sec|second|m|min|minute|h|hour))?");

    public static OrderRate parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--rate must look like 20000/min, 300/s or 20000 (per minute), not \"" + text + "\"");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "min" : m.group(2);
        double perSecond = switch (unit.charAt(0)) {
            case 's' -> n;
            case 'm' -> n / 60.0;
            default -> n / 3600.0;
        };
        if (!(perSecond > 0)) throw new IllegalArgumentException("--rate must be more than 0");
        return new OrderRate(perSecond);
    }

    public double perMinute() { return perSecond * 60.0; }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f/min (%.1f/s)", perMinute(), perSecond);
    }
}
