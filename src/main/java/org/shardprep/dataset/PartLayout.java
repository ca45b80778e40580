package org.shardprep.dataset;

/**
 * How orders and line items are split over the part files orders_00.csv .. and line_items_00.csv ..:
 * part p holds a contiguous run of order ids and exactly the line items of those orders. Every part's
 * first ids follow from the counts alone, so the parts can be written independently and in parallel.
 * The names are zero-padded so that the shell glob in {@code cat orders*.csv} lists them in id order.
 */
public record PartLayout(int parts, long orders, long lineItems) {

    static final int DEFAULT_PARTS = 10;

    public PartLayout {
        if (parts < 1 || parts > 100) {
            throw new IllegalArgumentException("parts must be 1 to 100, got " + parts);
        }
        if (lineItems < orders || lineItems > 3 * orders) {
            throw new IllegalArgumentException("every order needs 1 to 3 line items: " + orders + " orders cannot have " + lineItems);
        }
    }

    public static PartLayout of(ExerciseCounts counts) {
        return new PartLayout(DEFAULT_PARTS, counts.orders(), counts.lineItems());
    }

    /** Orders in parts before {@code part}; the part's first order id is this + 1. */
    public long ordersBefore(int part) {
        return orders * part / parts;
    }

    public long orderCount(int part) {
        return ordersBefore(part + 1) - ordersBefore(part);
    }

    /**
     * Line items in parts before {@code part}: the same share of line items as of orders, rounded down.
     * Because 1 <= lineItems/orders <= 3, each part's share stays within 1 to 3 per order.
     */
    public long lineItemsBefore(int part) {
        return orders == 0 ? 0 : Math.multiplyExact(lineItems, ordersBefore(part)) / orders;
    }

    public long lineItemCount(int part) {
        return lineItemsBefore(part + 1) - lineItemsBefore(part);
    }

    public String ordersFile(int part) {
        return fileName(DatasetTable.ORDERS, part);
    }

    public String lineItemsFile(int part) {
        return fileName(DatasetTable.LINE_ITEMS, part);
    }

    private String fileName(DatasetTable table, int part) {
        return table.tableName() + "_" + (part < 10 ? "0" : "") + part + ".csv";
    }
}
