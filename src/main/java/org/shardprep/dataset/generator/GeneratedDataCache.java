package org.shardprep.dataset.generator;

import org.shardprep.dataset.ExerciseCounts;

import org.shardprep.command.ShardprepHome;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import org.shardprep.command.Console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * `load-all` without --from: the generated data set of that scale, made once under ~/.shardprep/data and
 * reused. It is written to a temporary directory and renamed when complete, so a set cut off half-way is
 * never taken for a whole one.
 */
public final class GeneratedDataCache {
    private GeneratedDataCache() {}

    static Path directory(double scale) {
        return ShardprepHome.stateDir().resolve("data").resolve("scale-" + scaleName(scale));
    }

    static String scaleName(double scale) {
        return scale == Math.rint(scale) ? String.valueOf((long) scale) : String.valueOf(scale);
    }

    public static Path ensure(CommandContext session, double scale) {
        Path dir = directory(scale);
        if (Files.isDirectory(dir)) return dir;
        try {
            Files.createDirectories(dir.getParent());
            Path partial = Files.createTempDirectory(dir.getParent(), "generating-");
            try {
                generate(session, scale, DataGenerator.DEFAULT_SEED, partial);
                Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteQuietly(partial);
            }
            return dir;
        } catch (IOException e) {
            throw new CommandError("cannot generate the data set in " + dir + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandError(e.getMessage());
        }
    }

    /** Generates with a one-line progress display at a terminal. */
    static GenerationSummary generate(CommandContext session, double scale, long seed, Path out) throws IOException {
        ExerciseCounts expected = ExerciseCounts.forScale(scale);
        AtomicLong rows = new AtomicLong();
        long total = expected.totalRows();
        Console.ProgressLine line = session.console().progress();
        GenerationSummary summary = DataGenerator.generate(scale, seed, out, (table, n, bytes) -> {
            long done = rows.addAndGet(n);
            line.update(String.format(Locale.ROOT, "generating scale %s: %3d%% (%,d rows)",
                    scaleName(scale), 100 * done / Math.max(1, total), done));
        });
        line.done(false);
        return summary;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
