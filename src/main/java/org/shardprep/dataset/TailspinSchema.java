package org.shardprep.dataset;

import java.util.Arrays;
import java.util.List;

/** The exercise's four tables, exactly as its "Create tables" step writes them. */
public final class TailspinSchema {
    private TailspinSchema() {}

    /** In load order: a table's references come before it (the generator's own list of the tables). */
    public static final List<String> TABLES = Arrays.stream(DatasetTable.values()).map(DatasetTable::tableName).toList();

    public static final String DDL = """
            CREATE TABLE stores
            (
                store_id bigserial PRIMARY KEY,
                name text,
                category text
            );

            CREATE TABLE products
            (
                product_id bigserial PRIMARY KEY,
                store_id bigint REFERENCES stores (store_id),
                name text,
                description text,
                price numeric
            );

            CREATE TABLE orders
            (
                order_id bigserial PRIMARY KEY,
                store_id bigint REFERENCES stores (store_id),
                status text,
                billing_address text,
                shipping_address text,
                ordered_at timestamp
            );

            CREATE TABLE line_items
            (
                line_item_id bigserial PRIMARY KEY,
                product_id bigint REFERENCES products (product_id),
                order_id bigint REFERENCES orders (order_id),
                quantity bigint,
                line_amount numeric
            );
            """;

    /** The id column each table's sequence is set from, as the exercise's setval(..., MAX(id)) calls do. */
    public static String idColumn(String table) {
        return switch (table) {
            case "stores" -> "store_id";
            case "products" -> "product_id";
            case "orders" -> "order_id";
            case "line_items" -> "line_item_id";
            default -> throw new IllegalArgumentException("not a Tailspin table: " + table);
        };
    }

    public static String sequence(String table) {
        return table + "_" + idColumn(table) + "_seq";
    }

    /** The exercise's globs: stores.csv, products.csv, orders*.csv, line_items*.csv. */
    public static String tableOfFile(String fileName) {
        String name = fileName.contains("/") ? fileName.substring(fileName.lastIndexOf('/') + 1) : fileName;
        if (!name.endsWith(".csv")) return null;
        if (name.equals("stores.csv")) return "stores";
        if (name.equals("products.csv")) return "products";
        if (name.startsWith("orders")) return "orders";
        if (name.startsWith("line_items")) return "line_items";
        return null;
    }

    /** The columns as the DDL above declares them: the order of the CSV fields. */
    public static List<String> columns(String table) {
        return switch (table) {
            case "stores" -> List.of("store_id", "name", "category");
            case "products" -> List.of("product_id", "store_id", "name", "description", "price");
            case "orders" -> List.of("order_id", "store_id", "status", "billing_address", "shipping_address", "ordered_at");
            case "line_items" -> List.of("line_item_id", "product_id", "order_id", "quantity", "line_amount");
            default -> throw new IllegalArgumentException("not a Tailspin table: " + table);
        };
    }

    /** Only stores.csv has a header row (the exercise loads it WITH CSV HEADER). */
    public static boolean hasHeader(String table) {
        return table.equals("stores");
    }
}
