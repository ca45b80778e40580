package org.shardprep.dataset;

/**
 * Row counts of the four Tailspin tables. At scale 1 these are exactly the counts the exercise checks
 * after its COPY step; other scales round each count from scale × the full count.
 */
public record ExerciseCounts(long stores, long products, long orders, long lineItems) {

    public static final long STORES = 442;
    public static final long PRODUCTS = 10_002;
    public static final long ORDERS = 1_999_680;
    public static final long LINE_ITEMS = 4_002_959;

    /** The exercise's create_orders sends every third order to store_id 5, so that store must exist. */
    public static final long MIN_STORES = 5;

    public static final double MAX_SCALE = 10;

    public static final ExerciseCounts FULL = new ExerciseCounts(STORES, PRODUCTS, ORDERS, LINE_ITEMS);

    /**
     * Counts at {@code scale}: each rounded from scale × the full count, with at least 5 stores, at least one
     * product per store, and line items kept within 1 to 3 per order (only bites at tiny scales).
     */
    public static ExerciseCounts forScale(double scale) {
        checkScale(scale);
        long stores = Math.max(MIN_STORES, Math.round(STORES * scale));
        long products = Math.max(stores, Math.round(PRODUCTS * scale));
        long orders = Math.round(ORDERS * scale);
        long lineItems = Math.min(3 * orders, Math.max(orders, Math.round(LINE_ITEMS * scale)));
        return new ExerciseCounts(stores, products, orders, lineItems);
    }

    static void checkScale(double scale) {
        if (!(scale > 0 && scale <= MAX_SCALE)) { // also refuses NaN
            throw new IllegalArgumentException(
                    "scale must be greater than 0 and at most " + (int) MAX_SCALE + " (1 = the exercise's full data set), got " + scale);
        }
    }

    public long rows(DatasetTable table) {
        return switch (table) {
            case STORES -> stores;
            case PRODUCTS -> products;
            case ORDERS -> orders;
            case LINE_ITEMS -> lineItems;
        };
    }

    public long totalRows() {
        return stores + products + orders + lineItems;
    }
}
