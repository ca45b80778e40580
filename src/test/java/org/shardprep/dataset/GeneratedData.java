package org.shardprep.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The CSV files of one generated data set, parsed, as the exercise's COPY commands would read them. */
public record GeneratedData(List<String[]> stores, List<String[]> products, List<String[]> orders, List<String[]> lineItems) {

    public static GeneratedData read(Path dir) throws IOException {
        List<String[]> stores = CsvFile.read(dir.resolve("stores.csv"));
        return new GeneratedData(stores.subList(1, stores.size()), CsvFile.read(dir.resolve("products.csv")),
                CsvFile.readAll(glob(dir, "orders")), CsvFile.readAll(glob(dir, "line_items")));
    }


    /** The files {@code cat PREFIX*.csv} concatenates, in the shell's (lexical) glob order. */
    public static List<Path> glob(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }
}
