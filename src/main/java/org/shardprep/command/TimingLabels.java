package org.shardprep.command;


import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The labelled timings of a database, which outlive the shell that measured them: `timing label before`, a
 * restart, then `timing compare before after` still finds "before" (as saved jobs come back). One small
 * properties file per server and database under ~/.shardprep/timing/ (see DatabaseKey); only labelled
 * entries are kept, the rest of the history lives as long as the shell.
 */
public final class TimingLabels {

    private final Path file;
    private final Properties values = new Properties();

    private TimingLabels(Path file) {
        this.file = file;
    }

    public static TimingLabels forDatabase(Path stateDir, DatabaseKey key) {
        TimingLabels t = new TimingLabels(stateDir.resolve("timing").resolve(key.fileName() + ".properties"));
        if (Files.exists(t.file)) {
            try (Reader in = Files.newBufferedReader(t.file, StandardCharsets.UTF_8)) {
                t.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                t.values.clear();   // an unreadable file only costs the labels of earlier shells
            }
        }
        return t;
    }


    public Path file() { return file; }

    /** Keeps a labelled entry (a label saved before is replaced, as `timing label` moves it). */
    public void keep(TimingLog.Entry e) throws IOException {
        String p = "label." + e.label() + ".";
        values.setProperty(p + "text", e.text());
        values.setProperty(p + "ms", Double.toString(e.millis()));
        values.setProperty(p + "ok", Boolean.toString(e.succeeded()));
        values.setProperty(p + "at", e.at().toString());
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            values.store(out, "shardprep: labelled timings on this database (timing label / timing compare)");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A label an earlier shell kept, as an entry without a number of this shell's history. */
    public Optional<TimingLog.Entry> find(String label) {
        String p = "label." + label + ".";
        String text = values.getProperty(p + "text");
        String ms = values.getProperty(p + "ms");
        if (text == null || ms == null) return Optional.empty();
        try {
            String at = values.getProperty(p + "at");
            TimingLog.Entry e = new TimingLog.Entry(0, text, Double.parseDouble(ms.strip()),
                    Boolean.parseBoolean(values.getProperty(p + "ok", "true")), at == null ? Instant.EPOCH : Instant.parse(at));
            e.label = label;
            return Optional.of(e);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
