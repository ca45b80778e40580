package org.shardprep.dataset;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Command-line entry for making a data set without the shell (the committed sample, benchmarks):
 * {@code java -cp target/classes org.shardprep.dataset.GenerateDataset SCALE [SEED] OUT_DIR}.
 */
public final class GenerateDataset {

    private GenerateDataset() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GenerateDataset SCALE [SEED] OUT_DIR   (SCALE 1 = the exercise's full data set; default seed "
                    + DataGenerator.DEFAULT_SEED + ")");
            System.exit(2);
        }
        double scale = Double.parseDouble(args[0]);
        long seed = args.length == 3 ? Long.parseLong(args[1]) : DataGenerator.DEFAULT_SEED;
        Path out = Path.of(args[args.length - 1]);
        long start = System.nanoTime();
        GenerationSummary s = DataGenerator.generate(scale, seed, out, GenerationProgress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%d stores, %d products, %d orders, %d line items: %,d bytes in %s, %.2f s%n",
                s.stores(), s.products(), s.orders(), s.lineItems(), s.totalBytes(), out, seconds);
    }
}
