package org.shardprep.shell;

import org.shardprep.shell.session.Session;

import org.shardprep.command.TimingComparison;
import org.shardprep.command.TimingLog;
import org.shardprep.command.TablePrinter;
import org.shardprep.command.CommandError;
import org.shardprep.command.TimingLabels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** timing on|off, history, label, compare: psql's \timing, plus a memory of what was timed. */
@Command(name = "timing", description = "Time statements and commands, name the times and compare them")
public class TimingCommand {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Session session;

    public TimingCommand(Session session) {
        this.session = session;
    }

    @Command(name = "on", description = "Show the time of each statement and command (as \\timing on)")
    public void on() {
        session.setTiming(true);
        session.info("Timing is on.");
    }

    @Command(name = "off", description = "Stop showing times (as \\timing off)")
    public void off() {
        session.setTiming(false);
        session.info("Timing is off.");
    }

    @Command(name = "history", description = "The last N timed statements and commands")
    public void history(@Parameters(paramLabel = "N", arity = "0..1", defaultValue = "20", description = "how many (default 20)") int limit) {
        if (limit <= 0) throw new CommandError("timing history: the number must be positive");
        TablePrinter t = new TablePrinter().column("#", TablePrinter.INT8).column("label", TablePrinter.TEXT)
                .column("at", TablePrinter.TEXT).column("ms", TablePrinter.NUMERIC).column("ok", TablePrinter.TEXT)
                .column("statement", TablePrinter.TEXT);
        for (TimingLog.Entry e : session.timingLog().last(limit)) {
            t.row(e.id(), e.label(), CLOCK.format(e.at()), String.format(Locale.ROOT, "%.3f", e.millis()),
                    e.succeeded() ? "t" : "f", TimingComparison.shorten(e.text(), 60));
        }
        t.print(session);
    }

    @Command(name = "label", description = "Name the latest timed entry, to compare it later")
    public void label(@Parameters(paramLabel = "NAME", description = "the label") String name) {
        TimingLog.Entry e = session.timingLog().label(name);
        TimingLabels saved = TimingLabels.forDatabase(org.shardprep.command.ShardprepHome.stateDir(), session.databaseKey());
        try {
            saved.keep(e);   // for `timing compare` after a restart
        } catch (java.io.IOException ex) {
            session.error("cannot save the label in " + saved.file() + ": " + ex.getMessage() + " (it lasts as long as this shell)");
        }
        session.info(String.format(Locale.ROOT, "Entry %d (%s, %.3f ms) is \"%s\".", e.id(), TimingComparison.shorten(e.text(), 40), e.millis(), name));
    }

    @Command(name = "compare", description = "Two timed entries (labels or numbers) side by side, with the ratio")
    public void compare(@Parameters(paramLabel = "ENTRY", arity = "2", description = "two labels or entry numbers (see timing history)") String[] entries) {
        TimingLog.Entry a = entry(entries[0]);
        TimingLog.Entry b = entry(entries[1]);
        TimingComparison.print(session, side(a), side(b));
    }

    private static TimingComparison.Side side(TimingLog.Entry e) {
        return new TimingComparison.Side(e.label() != null ? e.label() : "#" + e.id(), e.text(), e.millis());
    }

    private TimingLog.Entry entry(String key) {
        return session.timingLog().find(key).or(() -> TimingLabels.forDatabase(org.shardprep.command.ShardprepHome.stateDir(), session.databaseKey()).find(key)).orElseThrow(() ->
                new CommandError("timing compare: no entry \"" + key + "\" (see timing history; label one with timing label NAME)"));
    }
}
