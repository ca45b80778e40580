package org.shardprep.dataset.generator;

import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** generate-data: the Tailspin data set in the exercise's CSV layout, deterministic for a seed. */
public class GenerateDataCommand {

    private final CommandContext session;

    public GenerateDataCommand(CommandContext session) {
        this.session = session;
    }

    @Command(name = "generate-data", description = "Write the Tailspin data set in the exercise's CSV layout")
    public void generateData(
            @Option(names = "--scale", defaultValue = "1", description = "1 = the exercise's counts (442 stores ... 4,002,959 line items)") double scale,
            @Option(names = "--out", required = true, description = "directory to write stores.csv, products.csv, orders_*.csv, line_items_*.csv") String out,
            @Option(names = "--seed", defaultValue = "20230101", description = "same seed, same bytes") long seed) {
        Path dir = session.resolve(out);
        long start = System.nanoTime();
        GenerationSummary s;
        try {
            s = GeneratedDataCache.generate(session, scale, seed, dir);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandError(e.getMessage());
        }
        session.info(String.format(Locale.ROOT,
                "Wrote %d stores, %d products, %d orders, %d line items (%.1f MB in %d files) to %s in %.1f s.",
                s.stores(), s.products(), s.orders(), s.lineItems(), s.totalBytes() / 1_048_576.0, s.files().size(), dir,
                (System.nanoTime() - start) / 1e9));
    }
}
