package org.shardprep.walkthrough;

import org.shardprep.dataset.TailspinSchema;
import org.shardprep.migrate.TableKeys;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checkpoints on the keys, read from the catalog: swapped (each primary key is (store_id, id) and the foreign
 * keys between the tables go through store_id), and ready (what Citus needs to distribute the four tables by
 * store_id: every unique key and every foreign key between them includes it, and no row lacks it).
 */
final class DistributionKeys {

    static final String COLUMN = "store_id";

    private DistributionKeys() {}

    /** The tables whose primary key the swap changes (stores' key already is store_id). */
    private static final List<String> SWAPPED = List.of("products", "orders", "line_items");

    static Checkpoint swapped() {
        return db -> {
            List<String> wrong = swapProblems(db.connection());
            if (!wrong.isEmpty()) {
                return Verdict.failed(first(wrong), "swap-pk run moves the keys onto store_id (swap-pk plan shows what is left)");
            }
            return Verdict.ok("primary keys (store_id, product_id), (store_id, order_id), (store_id, line_item_id); foreign keys include store_id");
        };
    }

    static Checkpoint ready() {
        return db -> {
            List<String> problems = readinessProblems(db.connection());
            if (!problems.isEmpty()) {
                return Verdict.failed("not ready for distribution by store_id: " + first(problems),
                        "check-distribution explains each problem; swap-pk run puts store_id into the keys");
            }
            return Verdict.ok("stores, products, orders and line_items can be distributed by store_id");
        };
    }

    /** Empty when the keys are swapped; else what is not (yet). */
    static List<String> swapProblems(Connection c) throws SQLException {
        List<String> wrong = new ArrayList<>();
        for (String table : SWAPPED) {
            Optional<TableKeys> read = TableKeys.read(c, table);
            if (read.isEmpty()) {
                wrong.add("table " + table + " does not exist");
                continue;
            }
            TableKeys keys = read.get();
            List<String> want = List.of(COLUMN, TailspinSchema.idColumn(table));
            List<String> pk = keys.primaryKey().map(TableKeys.Key::columns).orElse(List.of());
            if (!pk.equals(want)) {
                wrong.add(of(table) + " primary key is " + (pk.isEmpty() ? "missing" : columns(pk)) + ", not " + columns(want));
            }
            for (TableKeys.ForeignKey fk : keys.foreignKeys()) {
                if (!fk.columns().contains(COLUMN) || !fk.referencedColumns().contains(COLUMN)) {
                    wrong.add(of(table) + " foreign key " + fk.name() + " " + columns(fk.columns()) + " does not include store_id");
                } else if (!fk.valid()) {
                    wrong.add(of(table) + " foreign key " + fk.name() + " is not validated yet");
                }
            }
        }
        if (wrong.isEmpty()) {
            TableKeys lineItems = TableKeys.read(c, "line_items").orElseThrow();
            for (String parent : List.of("orders", "products")) {
                boolean found = lineItems.foreignKeys().stream().anyMatch(fk -> fk.referencedTable().equals(parent)
                        && fk.columns().contains(TailspinSchema.idColumn(parent)));
                if (!found) wrong.add("line_items has no foreign key to " + parent);
            }
        }
        return wrong;
    }

    /** Empty when Citus could distribute the four tables by store_id; else the problems, table by table. */
    static List<String> readinessProblems(Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String> nullable = new ArrayList<>();
        for (String table : TailspinSchema.TABLES) {
            Optional<TableKeys> read = TableKeys.read(c, table);
            if (read.isEmpty()) {
                problems.add("table " + table + " does not exist");
                continue;
            }
            TableKeys keys = read.get();
            Optional<TableKeys.Column> column = keys.column(COLUMN);
            if (column.isEmpty()) {
                problems.add(table + " has no store_id");
                continue;
            }
            if (!column.get().notNull()) nullable.add(table);
            for (TableKeys.Index index : keys.indexes()) {
                if (index.unique() && index.valid() && !index.columns().contains(COLUMN)) {
                    problems.add(of(table) + " unique " + (index.primary() ? "primary key" : "index " + index.name()) + " "
                            + columns(index.columns()) + " lacks store_id");
                }
            }
            for (TableKeys.ForeignKey fk : keys.foreignKeys()) {
                if (!fk.columns().contains(COLUMN) || !fk.referencedColumns().contains(COLUMN)) {
                    problems.add(of(table) + " foreign key " + fk.name() + " " + columns(fk.columns()) + " lacks store_id");
                }
            }
        }
        // NULLs last, and only when the keys are right: proving there are none reads the whole table
        if (problems.isEmpty()) {
            for (String table : nullable) {
                long nulls = LoadedTables.nulls(c, table);
                if (nulls > 0) problems.add(table + " has " + LoadedTables.nullsText(nulls) + " rows with store_id NULL");
            }
        }
        return problems;
    }

    /** The first problems, enough for one line of the checklist. */
    private static String first(List<String> problems) {
        if (problems.size() <= 2) return String.join("; ", problems);
        return problems.get(0) + "; " + problems.get(1) + "; and " + (problems.size() - 2) + " more";
    }

    /** A table name's possessive: "orders' primary key". */
    private static String of(String table) {
        return table.endsWith("s") ? table + "'" : table + "'s";
    }

    private static String columns(List<String> cols) {
        return "(" + String.join(", ", cols) + ")";
    }
}
