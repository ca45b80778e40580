package org.shardprep.sql.scan;

import org.shardprep.shell.meta.MetaCommandCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Test helper: feeds lines and records what the scanner reports, emulating a few psql meta-commands. */
final class ScanRecorder implements ScanListener {
    final StatementScanner scanner = new StatementScanner(MetaCommandCatalog.PSQL);
    /** "SQL[line]: text", "META: name|rawArgs", "SENT: text" (\g), "PRINT: text" (\p). */
    final List<String> events = new ArrayList<>();
    final List<String> statements = new ArrayList<>();
    final List<Integer> firstLines = new ArrayList<>();
    final List<MetaCommand> commands = new ArrayList<>();
    final List<OpenState> statesAfterLine = new ArrayList<>();
    private Consumer<MetaCommand> metaHook = c -> { };

    static ScanRecorder of(String... lines) {
        ScanRecorder r = new ScanRecorder();
        r.feed(lines);
        return r;
    }

    ScanRecorder withVariables(Map<String, String> vars) {
        scanner.setVariables(vars::get);
        return this;
    }

    ScanRecorder onMeta(Consumer<MetaCommand> hook) {
        this.metaHook = hook;
        return this;
    }

    ScanRecorder feed(String... lines) {
        for (String line : lines) {
            scanner.feedLine(line, this);
            statesAfterLine.add(scanner.openState());
        }
        return this;
    }

    /** Feeds a whole script, split on '\n' only (as psql's gets_fromFile does). */
    ScanRecorder feedScript(String script) {
        String[] lines = script.split("\n", -1);
        int n = script.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < n; i++) {
            feed(lines[i]);
        }
        return this;
    }

    /** Statements plus the unterminated rest at end of input, as psql would send them (no meta-commands). */
    List<String> sentAtEof() {
        List<String> all = new ArrayList<>(statements);
        scanner.finish().ifPresent(all::add);
        return all;
    }

    @Override
    public void onStatement(String sql, int firstLine) {
        statements.add(sql);
        firstLines.add(firstLine);
        events.add("SQL[" + firstLine + "]: " + sql);
    }

    @Override
    public void onMetaCommand(MetaCommand command) {
        commands.add(command);
        events.add("META: " + command.name() + "|" + command.rawArgs());
        switch (command.name()) {
            case "g", "gx" -> events.add("SENT: " + scanner.takeBuffer());
            case "p" -> events.add("PRINT: " + scanner.bufferText());
            case "r" -> scanner.resetBuffer();
            case "q" -> scanner.stopLine();
            default -> metaHook.accept(command);
        }
    }
}
