package org.shardprep.dataset.loader;

import org.shardprep.command.CommandContext;
import org.shardprep.command.Console;

import java.io.PrintWriter;

/**
 * Live bars, one per table, redrawn in place at a terminal (cursor up, clear line). In scripts and CI
 * there is no terminal to redraw on: nothing is shown until the summary.
 */
final class ProgressDisplay {

    private final CommandContext session;
    private final LoadProgress progress;
    private final Console.ProgressLine lines;

    ProgressDisplay(CommandContext session, LoadProgress progress) {
        this.session = session;
        this.progress = progress;
        this.lines = session.console().progress();
    }

    void refresh() {
        StringBuilder sb = new StringBuilder();
        for (LoadProgress.TableProgress t : progress.tables()) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(progress.bar(t, Math.max(80, session.terminalWidth())));
        }
        lines.update(sb.toString());
    }

    /** Leaves the last state of the bars on screen, then the summary follows below. */
    void clear() {
        refresh();
        lines.done(true);
    }
}
