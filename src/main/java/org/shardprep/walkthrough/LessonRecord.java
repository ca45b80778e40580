package org.shardprep.walkthrough;

import org.shardprep.command.DatabaseKey;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;

/**
 * What the database cannot show about a lesson: the scale it was loaded at (so that `walkthrough status` needs
 * no --scale), and the times for the summary, which outlive the shell that measured them. Where the lesson
 * stands is never read from here; that comes from the database (see {@link LessonProgress}).
 * One small properties file per server and database under ~/.shardprep/walkthrough/.
 */
final class LessonRecord {

    /** A timed create_orders call: what ran and how long it took. */
    record Timing(String text, double millis) {}

    private final Path file;
    private final Properties values = new Properties();

    private LessonRecord(Path file) {
        this.file = file;
    }

    static LessonRecord load(Path stateDir, org.shardprep.command.DatabaseKey key) {
        String name = key.fileName() + ".properties";
        LessonRecord r = new LessonRecord(stateDir.resolve("walkthrough").resolve(name));
        if (Files.exists(r.file)) {
            try (Reader in = Files.newBufferedReader(r.file, StandardCharsets.UTF_8)) {
                r.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                r.values.clear();   // an unreadable record only costs the summary its older times
            }
        }
        return r;
    }

    Path file() { return file; }

    OptionalDouble scale() {
        return number("scale");
    }

    void setScale(double scale) {
        values.setProperty("scale", Double.toString(scale));
    }

    void setStepSeconds(String step, double seconds) {
        values.setProperty("step." + step + ".seconds", Double.toString(seconds));
    }

    OptionalDouble stepSeconds(String step) {
        return number("step." + step + ".seconds");
    }

    void setTiming(String label, String text, double millis) {
        values.setProperty("timing." + label + ".text", text);
        values.setProperty("timing." + label + ".ms", Double.toString(millis));
    }

    Optional<Timing> timing(String label) {
        String text = values.getProperty("timing." + label + ".text");
        OptionalDouble ms = number("timing." + label + ".ms");
        return text == null || ms.isEmpty() ? Optional.empty() : Optional.of(new Timing(text, ms.getAsDouble()));
    }

    /** A new load starts a new lesson: the old times no longer describe these tables. */
    void clearTimes() {
        values.stringPropertyNames().stream().filter(k -> !k.equals("scale")).forEach(values::remove);
    }

    void save() throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            values.store(out, "shardprep walkthrough: scale and times of the lesson on this database");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private OptionalDouble number(String key) {
        String v = values.getProperty(key);
        if (v == null) return OptionalDouble.empty();
        try {
            return OptionalDouble.of(Double.parseDouble(v.strip()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
