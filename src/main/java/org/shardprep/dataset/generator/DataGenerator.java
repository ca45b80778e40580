package org.shardprep.dataset.generator;

import org.shardprep.dataset.ExerciseCounts;
import org.shardprep.dataset.PartLayout;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates the Tailspin Toys data set in the exercise's CSV layout: stores.csv (with header), products.csv,
 * orders_00.csv .. orders_09.csv and line_items_00.csv .. line_items_09.csv (without), ready for the
 * exercise's {@code \COPY ... FROM PROGRAM 'cat orders*.csv' WITH CSV}. Same scale and seed give the same
 * bytes; the order/line-item parts are written in parallel, each from its own random stream.
 */
public final class DataGenerator {

    public static final long DEFAULT_SEED = 20230101L;

    private static final long CATALOG_STREAM = 0;
    private static final long STORE_TEXT_STREAM = 1;
    private static final long PRODUCT_TEXT_STREAM = 2;
    private static final long FIRST_PART_STREAM = 1000;

    private DataGenerator() {}

    /**
     * Writes the data set at {@code scale} (1 = the exercise's 442 stores, 10002 products, 1999680 orders,
     * 4002959 line items; at most 10) into {@code outDir}, created if missing, overwriting the files it names.
     *
     * @throws IllegalArgumentException for a scale outside (0, 10], or an output directory that cannot be
     *         written or already holds other orders*.csv / line_items*.csv files the exercise's glob would load
     */
    public static GenerationSummary generate(double scale, long seed, Path outDir, GenerationProgress progress) throws IOException {
        ExerciseCounts counts = ExerciseCounts.forScale(scale);
        PartLayout layout = PartLayout.of(counts);
        checkOutputDirectory(outDir, layout);
        GenerationProgress listener = progress == null ? GenerationProgress.NONE : progress;

        Catalog catalog = Catalog.build(counts, SplitMix64.stream(seed, CATALOG_STREAM));
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        files.add(outDir.resolve(CatalogFiles.STORES_FILE));
        bytes += CatalogFiles.writeStores(catalog, SplitMix64.stream(seed, STORE_TEXT_STREAM), files.get(0), listener);
        files.add(outDir.resolve(CatalogFiles.PRODUCTS_FILE));
        bytes += CatalogFiles.writeProducts(catalog, SplitMix64.stream(seed, PRODUCT_TEXT_STREAM), files.get(1), listener);
        bytes += writeParts(catalog, layout, seed, outDir, listener);
        for (int p = 0; p < layout.parts(); p++) {
            files.add(outDir.resolve(layout.ordersFile(p)));
        }
        for (int p = 0; p < layout.parts(); p++) {
            files.add(outDir.resolve(layout.lineItemsFile(p)));
        }
        return new GenerationSummary(counts.stores(), counts.products(), counts.orders(), counts.lineItems(), bytes, files);
    }

    /** One task per part on as many threads as there are cores: the files are CPU-bound to format. */
    private static long writeParts(Catalog catalog, PartLayout layout, long seed, Path outDir, GenerationProgress progress) throws IOException {
        OrderPartWriter writer = new OrderPartWriter(catalog, layout);
        int threads = Math.min(layout.parts(), Runtime.getRuntime().availableProcessors());
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "dataset-writer-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int p = 0; p < layout.parts(); p++) {
                int part = p;
                parts.add(pool.submit(() -> writer.write(part, SplitMix64.stream(seed, FIRST_PART_STREAM + part), outDir, progress)));
            }
            long bytes = 0;
            for (Future<Long> part : parts) {
                bytes += part.get();
            }
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the data set", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void checkOutputDirectory(Path outDir, PartLayout layout) {
        if (outDir == null) {
            throw new IllegalArgumentException("output directory is missing");
        }
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("output directory " + outDir + " is not a directory");
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new IllegalArgumentException("output directory " + outDir + " cannot be created: " + e.getMessage(), e);
        }
        if (!Files.isWritable(outDir)) {
            throw new IllegalArgumentException("output directory " + outDir + " is not writable");
        }
        // `cat orders*.csv` would also load files we did not write (e.g. orders_1.csv from the exercise's zip).
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(outDir, "{orders,line_items}*.csv")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!isPartFile(name, layout)) {
                    foreign.add(name);
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("output directory " + outDir + " cannot be listed: " + e.getMessage(), e);
        }
        if (!foreign.isEmpty()) {
            foreign.sort(null);
            throw new IllegalArgumentException("output directory " + outDir + " already holds " + String.join(", ", foreign)
                    + ", which the exercise's 'cat orders*.csv' / 'cat line_items*.csv' would load too; remove them or pick another directory");
        }
    }

    private static boolean isPartFile(String name, PartLayout layout) {
        for (int p = 0; p < layout.parts(); p++) {
            if (name.equals(layout.ordersFile(p)) || name.equals(layout.lineItemsFile(p))) {
                return true;
            }
        }
        return false;
    }
}
