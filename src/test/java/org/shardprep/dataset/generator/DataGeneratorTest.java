package org.shardprep.dataset.generator;

import org.shardprep.dataset.DatasetTable;
import org.shardprep.dataset.ExerciseCounts;
import org.shardprep.dataset.GeneratedData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path shared;

    private static Path sample;
    private static GenerationSummary sampleSummary;
    private static GeneratedData data;

    @BeforeAll
    static void generateSample() throws IOException {
        sample = shared.resolve("sample");
        sampleSummary = DataGenerator.generate(0.01, DataGenerator.DEFAULT_SEED, sample, GenerationProgress.NONE);
        data = GeneratedData.read(sample);
    }

    @Test
    void sameSeedGivesTheSameBytes(@TempDir Path other) throws IOException {
        DataGenerator.generate(0.01, DataGenerator.DEFAULT_SEED, other, GenerationProgress.NONE);
        assertThat(fileNames(other)).isEqualTo(fileNames(sample));
        for (String name : fileNames(sample)) {
            assertThat(Files.mismatch(sample.resolve(name), other.resolve(name))).as(name).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedGivesOtherBytes(@TempDir Path other) throws IOException {
        DataGenerator.generate(0.01, DataGenerator.DEFAULT_SEED + 1, other, GenerationProgress.NONE);
        for (String name : fileNames(sample)) {
            assertThat(Files.mismatch(sample.resolve(name), other.resolve(name))).as(name).isNotEqualTo(-1L);
        }
    }

    @Test
    void writesTheExercisesFileLayout() throws IOException {
        assertThat(fileNames(sample)).containsExactlyInAnyOrder("stores.csv", "products.csv",
                "orders_00.csv", "orders_01.csv", "orders_02.csv", "orders_03.csv", "orders_04.csv",
                "orders_05.csv", "orders_06.csv", "orders_07.csv", "orders_08.csv", "orders_09.csv",
                "line_items_00.csv", "line_items_01.csv", "line_items_02.csv", "line_items_03.csv", "line_items_04.csv",
                "line_items_05.csv", "line_items_06.csv", "line_items_07.csv", "line_items_08.csv", "line_items_09.csv");
        assertThat(Files.readAllLines(sample.resolve("stores.csv")).get(0)).isEqualTo("store_id,name,category");
        assertThat(Files.readAllLines(sample.resolve("products.csv")).get(0)).matches("1,1,.*");
        assertThat(Files.readAllLines(sample.resolve("orders_00.csv")).get(0)).startsWith("1,");
        assertThat(Files.readAllLines(sample.resolve("line_items_00.csv")).get(0)).startsWith("1,");
        long bytes = 0;
        for (Path f : sampleSummary.files()) {
            bytes += Files.size(f);
        }
        assertThat(sampleSummary.totalBytes()).isEqualTo(bytes);
        assertThat(sampleSummary.files()).hasSize(22).startsWith(sample.resolve("stores.csv"), sample.resolve("products.csv"));
    }

    @Test
    void countsAreTheScaledExerciseCounts() {
        assertThat(sampleSummary.counts()).isEqualTo(ExerciseCounts.forScale(0.01));
        assertThat(data.stores()).hasSize(5);
        assertThat(data.products()).hasSize(100);
        assertThat(data.orders()).hasSize(19997);
        assertThat(data.lineItems()).hasSize(40030);
    }

    @Test
    void countsAtScaleFiveHundredthsByRealGeneration(@TempDir Path dir) throws IOException {
        GenerationSummary s = DataGenerator.generate(0.05, DataGenerator.DEFAULT_SEED, dir, GenerationProgress.NONE);
        assertThat(s.counts()).isEqualTo(new ExerciseCounts(22, 500, 99984, 200148));
        assertThat(lines(List.of(dir.resolve("stores.csv")))).isEqualTo(22 + 1);
        assertThat(lines(List.of(dir.resolve("products.csv")))).isEqualTo(500);
        assertThat(lines(GeneratedData.glob(dir, "orders"))).isEqualTo(99984);
        assertThat(lines(GeneratedData.glob(dir, "line_items"))).isEqualTo(200148);
        GeneratedData parsed = GeneratedData.read(dir);
        assertThat(parsed.orders().get(parsed.orders().size() - 1)[0]).isEqualTo("99984");
        assertThat(parsed.lineItems().get(parsed.lineItems().size() - 1)[0]).isEqualTo("200148");
    }

    @Test
    void idsAreDenseFromOne() {
        assertDense(data.stores());
        assertDense(data.products());
        assertDense(data.orders());
        assertDense(data.lineItems());
    }

    @Test
    void everyStoreHasProductsAndEveryProductAStore() {
        Set<String> storeIds = new java.util.HashSet<>();
        for (String[] s : data.stores()) {
            assertThat(s).hasSize(3);
            assertThat(s[1]).isNotBlank();
            assertThat(s[2]).isNotBlank();
            storeIds.add(s[0]);
        }
        Map<String, Integer> productsPerStore = new HashMap<>();
        for (String[] p : data.products()) {
            assertThat(p).hasSize(5);
            assertThat(storeIds).contains(p[1]);
            assertThat(p[2]).isNotBlank();
            assertThat(p[3]).isNotBlank();
            assertThat(p[4]).matches("[1-9][0-9]*\\.[0-9]{2}");
            productsPerStore.merge(p[1], 1, Integer::sum);
        }
        assertThat(productsPerStore.keySet()).isEqualTo(storeIds);
    }

    @Test
    void ordersBelongToStoresWithPlausibleValues() {
        Set<String> storeIds = new java.util.HashSet<>();
        data.stores().forEach(s -> storeIds.add(s[0]));
        Set<String> statuses = Set.of("Pending", "Shipped", "Delivered", "Cancelled");
        LocalDateTime previous = LocalDateTime.MIN;
        int nullShipping = 0;
        for (String[] o : data.orders()) {
            assertThat(o).hasSize(6);
            assertThat(storeIds).contains(o[1]);
            if (Long.parseLong(o[0]) % 3 == 0) {
                assertThat(o[1]).as("create_orders' every third order").isEqualTo("5");
            }
            assertThat(statuses).contains(o[2]);
            assertThat(o[3]).matches("[0-9]+ [A-Za-z]+ [A-Za-z.]+( Apt\\. [0-9]+)?, [\\p{L} ]+, [A-Z]{2}");
            if (o[4] == null) {
                nullShipping++;
            } else {
                assertThat(o[4]).contains(", ");
            }
            LocalDateTime at = LocalDateTime.parse(o[5], TIMESTAMP);
            assertThat(at.getYear()).isEqualTo(2022);
            assertThat(at).isAfterOrEqualTo(previous);
            previous = at;
        }
        assertThat(nullShipping).isBetween(1, data.orders().size() / 5);
    }

    @Test
    void lineItemsPriceProductsOfTheirOrdersStore() {
        Map<String, String> storeOfProduct = new HashMap<>();
        Map<String, BigDecimal> priceOfProduct = new HashMap<>();
        for (String[] p : data.products()) {
            storeOfProduct.put(p[0], p[1]);
            priceOfProduct.put(p[0], new BigDecimal(p[4]));
        }
        Map<String, String> storeOfOrder = new HashMap<>();
        data.orders().forEach(o -> storeOfOrder.put(o[0], o[1]));
        Map<String, Integer> itemsPerOrder = new HashMap<>();
        String previousOrder = "0";
        for (String[] li : data.lineItems()) {
            assertThat(li).hasSize(5);
            assertThat(storeOfOrder).containsKey(li[2]);
            assertThat(storeOfProduct.get(li[1])).as("store of product %s in line item %s", li[1], li[0]).isEqualTo(storeOfOrder.get(li[2]));
            int quantity = Integer.parseInt(li[3]);
            assertThat(quantity).isBetween(1, 4);
            assertThat(li[4]).matches("[0-9]+\\.[0-9]{2}");
            assertThat(new BigDecimal(li[4])).isEqualTo(priceOfProduct.get(li[1]).multiply(BigDecimal.valueOf(quantity)));
            assertThat(Long.parseLong(li[2])).isGreaterThanOrEqualTo(Long.parseLong(previousOrder));
            previousOrder = li[2];
            itemsPerOrder.merge(li[2], 1, Integer::sum);
        }
        assertThat(itemsPerOrder.keySet()).isEqualTo(storeOfOrder.keySet());
        assertThat(itemsPerOrder.values()).allSatisfy(n -> assertThat(n).isBetween(1, 3));
    }

    @Test
    void textNeedingQuotesIsQuoted() throws IOException {
        String products = Files.readString(sample.resolve("products.csv"));
        // descriptions hold commas; some names hold inch marks, written doubled inside quotes
        assertThat(products).contains(",\"Award-winning design. Made from ");
        assertThat(data.products()).anySatisfy(p -> assertThat(p[2]).contains("\""));
        assertThat(data.products()).allSatisfy(p -> assertThat(p[3]).contains(", for ages "));
    }

    @Test
    void reportsProgressPerTable(@TempDir Path dir) throws IOException {
        Map<DatasetTable, AtomicLong> rows = new EnumMap<>(DatasetTable.class);
        AtomicLong bytes = new AtomicLong();
        for (DatasetTable t : DatasetTable.values()) {
            rows.put(t, new AtomicLong());
        }
        GenerationSummary s = DataGenerator.generate(0.01, 1, dir, (table, r, b) -> {
            rows.get(table).addAndGet(r);
            bytes.addAndGet(b);
        });
        for (DatasetTable t : DatasetTable.values()) {
            assertThat(rows.get(t).get()).as(t.tableName()).isEqualTo(s.counts().rows(t));
        }
        assertThat(bytes.get()).isEqualTo(s.totalBytes());
    }

    @Test
    void refusesBadScale(@TempDir Path dir) {
        assertThatThrownBy(() -> DataGenerator.generate(0, 1, dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale must be greater than 0 and at most 10");
        assertThatThrownBy(() -> DataGenerator.generate(11, 1, dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 11.0");
    }

    @Test
    void refusesAnOutputDirectoryThatIsAFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThatThrownBy(() -> DataGenerator.generate(0.01, 1, file, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("output directory " + file + " is not a directory");
        assertThatThrownBy(() -> DataGenerator.generate(0.01, 1, file.resolve("sub"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("output directory " + file.resolve("sub") + " cannot be created");
    }

    @Test
    void refusesADirectoryWhosePartFilesTheGlobWouldMix(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("orders_1.csv"), "1,1,Shipped,,,2022-01-01 00:00:00\n");
        assertThatThrownBy(() -> DataGenerator.generate(0.01, 1, dir, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds orders_1.csv");
    }

    @Test
    void createsTheOutputDirectoryAndOverwritesItsOwnFiles(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("a/b");
        DataGenerator.generate(0.001, 1, out, null);
        GenerationSummary again = DataGenerator.generate(0.0001, 1, out, null);
        assertThat(lines(GeneratedData.glob(out, "orders"))).isEqualTo(again.orders());
    }

    private static void assertDense(List<String[]> rows) {
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)[0]).isEqualTo(Integer.toString(i + 1));
        }
    }

    private static long lines(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            try (Stream<String> l = Files.lines(f)) {
                n += l.count();
            }
        }
        return n;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
