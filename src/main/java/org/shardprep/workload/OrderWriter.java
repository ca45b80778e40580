package org.shardprep.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Writes generated orders as the function would (status 'Pending', '123 Main St.', no shipping address,
 * ordered_at today; line items' ids by DEFAULT), one transaction per call, each table's rows as one JDBC batch
 * (pgjdbc's reWriteBatchedInserts turns a batch into multi-row INSERTs).
 */
public final class OrderWriter {

    private static final String INSERT_ORDER = "INSERT INTO orders (order_id, store_id, status, billing_address, "
            + "shipping_address, ordered_at) VALUES (?, ?, 'Pending', '123 Main St.', null, CURRENT_DATE)";
    private static final String INSERT_ITEM = "INSERT INTO line_items (line_item_id, product_id, order_id, quantity, "
            + "line_amount) VALUES (DEFAULT, ?, ?, ?, ?)";
    private static final String INSERT_ITEM_WITH_STORE = "INSERT INTO line_items (line_item_id, product_id, order_id, "
            + "quantity, line_amount, store_id) VALUES (DEFAULT, ?, ?, ?, ?, ?)";

    private final boolean writeStoreId;
    private final OrderIds ids;

    /**
     * @param writeStoreId whether line_items has store_id (checked once by the caller)
     * @param idPrefetch   order ids fetched ahead (small batches of a steady load); 0 fetches what each batch needs
     */
    public OrderWriter(boolean writeStoreId, int idPrefetch) {
        this.writeStoreId = writeStoreId;
        this.ids = new OrderIds(idPrefetch);
    }

    /** Writes the orders in one transaction on {@code c}; returns the number of line items written. */
    public int write(Connection c, List<GeneratedOrder> orders) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long[] orderIds = ids.take(c, orders.size());
            int items = 0;
            try (PreparedStatement o = c.prepareStatement(INSERT_ORDER);
                 PreparedStatement li = c.prepareStatement(writeStoreId ? INSERT_ITEM_WITH_STORE : INSERT_ITEM)) {
                for (int i = 0; i < orders.size(); i++) {
                    GeneratedOrder order = orders.get(i);
                    o.setLong(1, orderIds[i]);
                    o.setLong(2, order.storeId());
                    o.addBatch();
                    for (GeneratedOrder.Item item : order.items()) {
                        li.setLong(1, item.productId());
                        li.setLong(2, orderIds[i]);
                        li.setLong(3, item.quantity());
                        if (item.lineAmount() == null) li.setNull(4, Types.NUMERIC);
                        else li.setBigDecimal(4, item.lineAmount());
                        if (writeStoreId) li.setLong(5, order.storeId());
                        li.addBatch();
                        items++;
                    }
                }
                o.executeBatch();     // orders first: the line items' foreign key needs them
                li.executeBatch();
            }
            c.commit();
            return items;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the caller reports the first error
            }
            throw e;
        } finally {
            try {
                c.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // as above
            }
        }
    }
}
