package org.shardprep.shell.output;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * One statement's results on the terminal, through a pager when they are taller than the screen (psql's
 * rule): lines are held until they no longer fit, then the pager starts and gets them and the rest as they
 * stream. Output that fits is printed as it is when the statement ends.
 */
public final class PagedOutput extends Writer {

    private final PrintWriter terminal;
    private final int screenLines;
    private final String pagerCommand;
    private final StringBuilder held = new StringBuilder();
    private int lines;
    private Process pager;
    private Writer pagerIn;
    private volatile boolean quit;   // the pager ended before the output did

    /** @param always psql's "\pset pager always": page even what fits */
    public PagedOutput(PrintWriter terminal, int screenLines, String pagerCommand, boolean always) {
        this.terminal = terminal;
        this.screenLines = always ? 0 : screenLines;
        this.pagerCommand = pagerCommand;
    }

    /** PAGER (psql's variable), or less -S so wide tables scroll sideways instead of wrapping. */
    public static String pagerCommand() {
        String pager = org.shardprep.os.ChildEnvironment.get("PSQL_PAGER");
        if (pager == null || pager.isBlank()) pager = org.shardprep.os.ChildEnvironment.get("PAGER");
        return pager == null || pager.isBlank() ? "less -S" : pager;
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        if (pagerIn != null) {
            try {
                pagerIn.write(buf, off, len);
            } catch (IOException e) {
                quitEarly();   // a broken pipe: the user left the pager
            }
            return;
        }
        held.append(buf, off, len);
        for (int i = off; i < off + len; i++) if (buf[i] == '\n') lines++;
        if (lines >= screenLines) startPager();
    }

    private void startPager() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", pagerCommand).inheritIO()
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        org.shardprep.os.ChildEnvironment.apply(pb);
        if (org.shardprep.os.ChildEnvironment.get("LESS") == null) pb.environment().put("LESS", "FRX");   // as psql users expect from less
        try {
            pager = pb.start();
        } catch (IOException e) {
            // no pager to be had: print straight through, as psql does when the pager cannot start
            terminal.append(held);
            held.setLength(0);
            pagerIn = terminal;
            return;
        }
        pagerIn = new OutputStreamWriter(pager.getOutputStream(), StandardCharsets.UTF_8);
        pagerIn.append(held);
        held.setLength(0);
    }

    @Override
    public void flush() throws IOException {
        if (pagerIn != null) {
            try {
                pagerIn.flush();
            } catch (IOException e) {
                quitEarly();
            }
        }
    }

    /** The user left the pager before the end: the rest is not wanted. */
    private void quitEarly() {
        quit = true;
        pagerIn = Writer.nullWriter();
    }

    /** Whether the user left the pager (q in less) while output was still coming: the query stops fetching. */
    public boolean quit() {
        return quit || (pager != null && !pager.isAlive());
    }

    @Override
    public void close() {
        if (pager == null) {
            terminal.append(held);
            terminal.flush();
            return;
        }
        try {
            pagerIn.close();
        } catch (IOException ignored) {
            // the pager was quit early
        }
        try {
            pager.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
