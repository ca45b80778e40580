package org.shardprep.shell.replay;

import java.io.PrintWriter;
import java.util.function.BooleanSupplier;

/**
 * A replay's pace: text shown as if typed at so many characters a second, and a pause between statements.
 * Ctrl-C ends either at once (the caller then stops the replay).
 */
final class Pacing {

    private static final long SLICE_MS = 50;   // how often a wait looks for Ctrl-C

    private final int charsPerSecond;          // 0: at once
    private final long pauseMillis;
    private final BooleanSupplier interrupted;

    Pacing(int charsPerSecond, long pauseMillis, BooleanSupplier interrupted) {
        this.charsPerSecond = charsPerSecond;
        this.pauseMillis = pauseMillis;
        this.interrupted = interrupted;
    }

    /** Prints the text at the typing speed; false when Ctrl-C came first (part of it is shown then). */
    boolean type(PrintWriter out, String text) {
        if (charsPerSecond <= 0) {
            out.print(text);
            out.flush();
            return !interrupted.getAsBoolean();
        }
        long start = System.nanoTime();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            out.print(Character.toChars(cp));
            out.flush();
            i += Character.charCount(cp);
            long due = start + (long) ((double) i * 1_000_000_000L / charsPerSecond);
            if (!waitUntil(due)) return false;
        }
        return true;
    }

    /** The pause between statements; false when Ctrl-C ended it. */
    boolean pause() {
        return pauseMillis <= 0 ? !interrupted.getAsBoolean() : waitUntil(System.nanoTime() + pauseMillis * 1_000_000L);
    }

    private boolean waitUntil(long dueNanos) {
        while (true) {
            if (interrupted.getAsBoolean()) return false;
            long left = dueNanos - System.nanoTime();
            if (left <= 0) return true;
            try {
                Thread.sleep(Math.min(SLICE_MS, Math.max(1, left / 1_000_000L)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // Ctrl-C interrupts the command's thread: seen by interrupted on the next turn
                return false;
            }
        }
    }
}
