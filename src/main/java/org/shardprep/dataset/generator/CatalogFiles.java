package org.shardprep.dataset.generator;

import org.shardprep.dataset.DatasetTable;


import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes stores.csv (with the header row the exercise's {@code WITH CSV HEADER} skips) and products.csv
 * (without one). These are small, so names are built as Strings; only orders and line items are hot.
 */
public final class CatalogFiles {

    public static final String STORES_FILE = "stores.csv";
    public static final String PRODUCTS_FILE = "products.csv";
    static final String STORES_HEADER = "store_id,name,category\n";

    private CatalogFiles() {}

    public static long writeStores(Catalog catalog, SplitMix64 random, Path file, GenerationProgress progress) throws IOException {
        try (CsvWriter out = open(file, DatasetTable.STORES, progress)) {
            out.append(STORES_HEADER.getBytes(StandardCharsets.US_ASCII));
            for (int s = 1; s <= catalog.storeCount(); s++) {
                out.integer(s);
                out.text(StoreNames.random(random));
                out.text(catalog.categoryOf(s).displayName);
                out.endRow();
            }
            return out.bytesWritten();
        }
    }

    public static long writeProducts(Catalog catalog, SplitMix64 random, Path file, GenerationProgress progress) throws IOException {
        try (CsvWriter out = open(file, DatasetTable.PRODUCTS, progress)) {
            for (int s = 1; s <= catalog.storeCount(); s++) {
                ToyCategory category = catalog.categoryOf(s);
                int first = catalog.firstProductOf(s);
                for (int p = first; p < first + catalog.productCountOf(s); p++) {
                    out.integer(p);
                    out.integer(s);
                    out.text(ProductWording.name(category, random));
                    out.text(ProductWording.description(category, random));
                    out.money(catalog.priceCentsOf(p));
                    out.endRow();
                }
            }
            return out.bytesWritten();
        }
    }

    public static CsvWriter open(Path file, DatasetTable table, GenerationProgress progress) throws IOException {
        OutputStream stream = Files.newOutputStream(file); // unbuffered: CsvWriter buffers 1 MB itself
        return new CsvWriter(stream, table, progress);
    }
}
