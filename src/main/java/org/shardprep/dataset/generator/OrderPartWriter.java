package org.shardprep.dataset.generator;

import org.shardprep.dataset.DatasetTable;
import org.shardprep.dataset.PartLayout;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes one part: its run of orders to orders_NN.csv and their line items to line_items_NN.csv, in one pass
 * with its own random stream (derived from the seed and the part number), so parts can run in any order
 * on any thread and still give the same bytes.
 */
final class OrderPartWriter {

    /** The exercise's create_orders sends every third order (j % 3 = 0) to this store. */
    static final int HOT_STORE = 5;

    private final Catalog catalog;
    private final PartLayout layout;
    private final OrderTimeline timeline;

    OrderPartWriter(Catalog catalog, PartLayout layout) {
        this.catalog = catalog;
        this.layout = layout;
        this.timeline = new OrderTimeline(layout.orders());
    }

    /** Writes part {@code part} into {@code dir}; returns the bytes written to both files. */
    long write(int part, SplitMix64 random, Path dir, GenerationProgress progress) throws IOException {
        long firstIndex = layout.ordersBefore(part);
        long orderCount = layout.orderCount(part);
        long lineItemId = layout.lineItemsBefore(part);
        LineItemSpread spread = new LineItemSpread(orderCount, layout.lineItemCount(part));
        try (CsvWriter orders = CatalogFiles.open(dir.resolve(layout.ordersFile(part)), DatasetTable.ORDERS, progress);
             CsvWriter lineItems = CatalogFiles.open(dir.resolve(layout.lineItemsFile(part)), DatasetTable.LINE_ITEMS, progress)) {
            for (long index = firstIndex; index < firstIndex + orderCount; index++) {
                long orderId = index + 1;
                int store = orderId % 3 == 0 ? HOT_STORE : 1 + random.nextInt(catalog.storeCount());
                long orderedAt = timeline.orderedAt(index, random);

                orders.integer(orderId);
                orders.integer(store);
                orders.plain(OrderStatus.random(orderedAt, random).csv);
                long billing = random.nextLong();
                Addresses.write(orders, billing);
                int shipping = random.nextInt(10);
                if (shipping < 7) {
                    Addresses.write(orders, billing); // shipped to the billing address
                } else if (shipping < 9) {
                    Addresses.write(orders, random.nextLong());
                } else {
                    orders.nullField(); // no shipping address, as create_orders inserts
                }
                orders.timestamp(orderedAt);
                orders.endRow();

                for (int items = spread.next(random); items > 0; items--) {
                    int product = catalog.randomProductOf(store, random);
                    int quantity = 1 + random.nextInt(4);
                    lineItems.integer(++lineItemId);
                    lineItems.integer(product);
                    lineItems.integer(orderId);
                    lineItems.integer(quantity);
                    lineItems.money((long) catalog.priceCentsOf(product) * quantity);
                    lineItems.endRow();
                }
            }
            return orders.bytesWritten() + lineItems.bytesWritten();
        }
    }
}
