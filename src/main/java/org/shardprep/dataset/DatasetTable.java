package org.shardprep.dataset;

/** The four tables of the Tailspin Toys schema, in load order (each one's foreign keys point to earlier ones). */
public enum DatasetTable {
    STORES("stores"),
    PRODUCTS("products"),
    ORDERS("orders"),
    LINE_ITEMS("line_items");

    private final String tableName;

    DatasetTable(String tableName) {
        this.tableName = tableName;
    }

    /** The SQL table name, which is also the CSV file name's stem. */
    public String tableName() {
        return tableName;
    }
}
