package org.shardprep.command;

import java.util.Locale;

/** A duration as the progress lines print it: "0.4 s", "12 s", "3 min 5 s", "1 h 2 min". */
public final class DurationWords {

    private DurationWords() {}

    public static String of(double seconds) {
        if (seconds < 9.95) return String.format(Locale.ROOT, "%.1f s", seconds);
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
