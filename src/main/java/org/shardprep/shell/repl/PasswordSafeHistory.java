package org.shardprep.shell.repl;

import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.history.DefaultHistory;
import org.shardprep.shell.input.SecretInput;
import org.shardprep.shell.session.Variables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;

/**
 * JLine's history kept as psql keeps its own (input.c): minus any line that carries a secret (see
 * {@link SecretInput}), HISTCONTROL applied to each entry as it comes (a statement over several lines is one
 * entry), and the file cut to the last HISTSIZE entries when the shell leaves. Both variables are read when
 * they apply, so a &#92;set in the session counts from then on.
 */
final class PasswordSafeHistory extends DefaultHistory {

    private final Variables variables;

    private Path file;

    /** The last entry HISTCONTROL let in during this session (psql's prev_hist): ignoredups compares with it. */
    private String previous;

    PasswordSafeHistory(Variables variables) {
        this.variables = variables;
    }

    static boolean holdsSecret(String line) {
        return SecretInput.holdsSecret(line);
    }

    /**
     * Makes this the reader's history, on {@code file}. JLine's own rules on duplicates and blanks are off
     * (HISTCONTROL decides), and so are its limits: psql keeps every entry in memory and cuts only the file, only
     * when it leaves.
     */
    LineReaderBuilder installOn(LineReaderBuilder builder, Path file) {
        this.file = file;
        return builder.history(this)
                .variable(LineReader.HISTORY_FILE, file)
                .variable(LineReader.HISTORY_SIZE, Integer.MAX_VALUE)
                // JLine trims (and de-duplicates) the file past 125 % of this: never, as max + max / 4 still fits
                .variable(LineReader.HISTORY_FILE_SIZE, Integer.MAX_VALUE / 2)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, false)
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                .option(LineReader.Option.HISTORY_REDUCE_BLANKS, false);   // psql keeps the blanks typed
    }

    Path file() { return file; }

    @Override
    public void add(Instant time, String line) {
        if (holdsSecret(line)) return;
        String entry = line.replaceFirst("\n+$", "");   // psql drops the entry's trailing newlines before comparing
        String control = variables.histControl();
        boolean ignoreSpace = control.equals("ignorespace") || control.equals("ignoreboth");
        boolean ignoreDups = control.equals("ignoredups") || control.equals("ignoreboth");
        if (ignoreSpace && entry.startsWith(" ")) return;
        if (ignoreDups && entry.equals(previous)) return;
        int last = last();
        super.add(time, entry);
        if (last() != last) previous = entry;   // JLine may still have left it out (history disabled)
    }

    /**
     * psql's saveHistory when the shell leaves: the history file keeps its last HISTSIZE entries (all of them when
     * HISTSIZE is negative). JLine has appended each entry as it came, so only the cut is left to do.
     */
    void cutFileToHistSize() throws IOException {
        int max = variables.histSize();
        if (max < 0 || file == null || !Files.exists(file)) return;
        List<String> entries = Files.readAllLines(file);   // one line an entry: JLine escapes the newlines in one
        if (entries.size() <= max) return;
        Path cut = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        Files.write(cut, entries.subList(entries.size() - max, entries.size()));
        Files.move(cut, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
