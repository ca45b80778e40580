package org.shardprep.workload;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The create_orders workload in Java: the j-th order (j from 1) goes to store 5 when j % 3 = 0, else to a random
 * existing store; it has 1 to 3 line items, each a random product of that store with quantity 1 to 4.
 */
public final class OrderGenerator {

    /** The exercise skews every third order to this store. */
    public static final long SKEWED_STORE = 5;

    private final StoreProducts products;
    private final RandomGenerator random;
    private final long[] storesWithProducts;
    private long j;

    public OrderGenerator(StoreProducts products, RandomGenerator random) {
        this.products = products;
        this.random = random;
        // a store without products would give line items without a product (the function writes NULLs then)
        this.storesWithProducts = java.util.Arrays.stream(products.storeIds()).filter(s -> products.of(s) != null).toArray();
        if (storesWithProducts.length == 0) throw new IllegalStateException("no store has products; load the data first");
        if (products.of(SKEWED_STORE) == null) {
            throw new IllegalStateException("store 5 (every third order goes there) does not exist or has no products");
        }
    }

    public GeneratedOrder next() {
        j++;
        long store = j % 3 == 0 ? SKEWED_STORE : storesWithProducts[random.nextInt(storesWithProducts.length)];
        StoreProducts.Catalog catalog = products.of(store);
        int count = 1 + random.nextInt(3);
        List<GeneratedOrder.Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int p = random.nextInt(catalog.size());
            int quantity = 1 + random.nextInt(4);
            BigDecimal price = catalog.prices()[p];
            items.add(new GeneratedOrder.Item(catalog.productIds()[p], quantity,
                    price == null ? null : price.multiply(BigDecimal.valueOf(quantity))));
        }
        return new GeneratedOrder(store, items);
    }

    public List<GeneratedOrder> next(int n) {
        List<GeneratedOrder> orders = new ArrayList<>(n);
        for (int i = 0; i < n; i++) orders.add(next());
        return orders;
    }
}
