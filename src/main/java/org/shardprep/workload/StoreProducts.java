package org.shardprep.workload;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every store's products (id and price), loaded once by one query, so that the generator picks "a random
 * product associated with the selected store" without asking the server three times per line item.
 */
public final class StoreProducts {

    /** One store's products, in product_id order. */
    public record Catalog(long[] productIds, BigDecimal[] prices) {
        public int size() { return productIds.length; }
    }

    private final long[] storeIds;
    private final Map<Long, Catalog> byStore;

    private StoreProducts(long[] storeIds, Map<Long, Catalog> byStore) {
        this.storeIds = storeIds;
        this.byStore = byStore;
    }

    public static StoreProducts load(Connection c) throws SQLException {
        List<Long> stores = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT store_id FROM stores ORDER BY store_id")) {
            while (rs.next()) stores.add(rs.getLong(1));
        }
        Map<Long, List<Long>> ids = new HashMap<>();
        Map<Long, List<BigDecimal>> prices = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT store_id, product_id, price FROM products "
                     + "WHERE store_id IS NOT NULL ORDER BY store_id, product_id")) {
            while (rs.next()) {
                long store = rs.getLong(1);
                ids.computeIfAbsent(store, k -> new ArrayList<>()).add(rs.getLong(2));
                prices.computeIfAbsent(store, k -> new ArrayList<>()).add(rs.getBigDecimal(3));
            }
        }
        Map<Long, Catalog> byStore = new HashMap<>();
        ids.forEach((store, list) -> byStore.put(store, new Catalog(
                list.stream().mapToLong(Long::longValue).toArray(), prices.get(store).toArray(new BigDecimal[0]))));
        return new StoreProducts(stores.stream().mapToLong(Long::longValue).toArray(), byStore);
    }

    /** The existing stores, in store_id order. */
    public long[] storeIds() { return storeIds; }

    /** The store's products, or null when it has none. */
    public Catalog of(long storeId) { return byStore.get(storeId); }
}
