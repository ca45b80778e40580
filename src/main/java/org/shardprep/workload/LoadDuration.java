package org.shardprep.workload;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How long a steady load runs (--for): "90s", "2m", "1h", "1.5m"; a plain number is seconds. */
public final class LoadDuration {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|m|h)?");

    private LoadDuration() {}

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("--for must look like 90s, 2m or 1h, not \"" + text + "\"");
        }
        double seconds = Double.parseDouble(m.group(1)) * switch (m.group(2) == null ? "s" : m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            default -> 1;
        };
        if (!(seconds > 0)) throw new IllegalArgumentException("--for must be more than 0");
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
