package org.shardprep.dataset;

import org.shardprep.shell.Session;

import java.io.PrintWriter;

/**
 * Live bars, one per table, redrawn in place at a terminal (cursor up, clear line). In scripts and CI
 * there is no terminal to redraw on: nothing is shown until the summary.
 */
final class ProgressDisplay {

    private final Session session;
    private final LoadProgress progress;
    private final boolean live;
    private int drawn;

    ProgressDisplay(Session session, LoadProgress progress) {
        this.session = session;
        this.progress = progress;
        this.live = session.interactive() && System.getenv("TERM") != null && !"dumb".equals(System.getenv("TERM"));
    }

    void refresh() {
        if (!live) return;
        PrintWriter out = session.out();
        StringBuilder sb = new StringBuilder();
        if (drawn > 0) sb.append("\033[").append(drawn).append('A');
        int lines = 0;
        for (LoadProgress.TableProgress t : progress.tables()) {
            sb.append("\r\033[2K").append(progress.bar(t, Math.max(80, session.terminalWidth()))).append('\n');
            lines++;
        }
        drawn = lines;
        out.print(sb);
        out.flush();
    }

    /** Leaves the last state of the bars on screen, then the summary follows below. */
    void clear() {
        if (live && drawn > 0) refresh();
        drawn = 0;
    }
}
