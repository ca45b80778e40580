package org.shardprep.workload;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes generated orders as the function would (status 'Pending', '123 Main St.', no shipping address,
 * ordered_at the server's current date; line items' ids from their column default), one transaction per call.
 * By default each table's rows go as one COPY: the server's cheapest way in (no statement to parse per row or per
 * batch), about 10% faster than pgjdbc's rewritten multi-row INSERTs in scripts/bench-orders. What remains is the
 * server's own work per row: index entries and foreign-key checks. {@link OrderWrites#INSERT} sends one INSERT per
 * row instead, as the function does (pipelined in one round trip per table).
 */
public final class OrderWriter {

    private static final String COPY_ORDERS = "COPY orders (order_id, store_id, status, billing_address, shipping_address, "
            + "ordered_at) FROM STDIN";
    private static final String COPY_ITEMS = "COPY line_items (product_id, order_id, quantity, line_amount) FROM STDIN";
    private static final String COPY_ITEMS_WITH_STORE = "COPY line_items (product_id, order_id, quantity, line_amount, "
            + "store_id) FROM STDIN";
    private static final String INSERT_ORDER = "INSERT INTO orders (order_id, store_id, status, billing_address, "
            + "shipping_address, ordered_at) VALUES (?, ?, 'Pending', '123 Main St.', NULL, ?::date)";
    private static final String INSERT_ITEM = "INSERT INTO line_items (product_id, order_id, quantity, line_amount) "
            + "VALUES (?, ?, ?, ?)";
    private static final String INSERT_ITEM_WITH_STORE = "INSERT INTO line_items (product_id, order_id, quantity, "
            + "line_amount, store_id) VALUES (?, ?, ?, ?, ?)";

    private final boolean writeStoreId;
    private final OrderWrites form;
    private final OrderIds ids;

    /**
     * @param writeStoreId whether line_items has store_id (checked once by the caller)
     * @param form         COPY per table, or one INSERT per row
     * @param idPrefetch   order ids fetched ahead (small batches of a steady load); 0 fetches what each batch needs
     */
    public OrderWriter(boolean writeStoreId, OrderWrites form, int idPrefetch) {
        this.writeStoreId = writeStoreId;
        this.form = form;
        this.ids = new OrderIds(idPrefetch);
    }

    /** Writes the orders in one transaction on {@code c}; returns the number of line items written. */
    public int write(Connection c, List<GeneratedOrder> orders) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            long[] orderIds = ids.take(c, orders.size());
            int items = form == OrderWrites.INSERT ? insert(c, orders, orderIds) : copy(c, orders, orderIds);
            c.commit();
            return items;
        } catch (IOException e) {
            rollback(c);
            throw new SQLException(e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            rollback(c);
            throw e;
        } finally {
            try {
                c.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // as above
            }
        }
    }

    private int copy(Connection c, List<GeneratedOrder> orders, long[] orderIds) throws SQLException, IOException {
        StringBuilder orderRows = new StringBuilder(orders.size() * 48);
        StringBuilder itemRows = new StringBuilder(orders.size() * 60);
        int items = 0;
        for (int i = 0; i < orders.size(); i++) {
            GeneratedOrder order = orders.get(i);
            orderRows.append(orderIds[i]).append('\t').append(order.storeId()).append("\tPending\t123 Main St.\t\\N\t")
                    .append(ids.today()).append('\n');
            for (GeneratedOrder.Item item : order.items()) {
                itemRows.append(item.productId()).append('\t').append(orderIds[i]).append('\t').append(item.quantity())
                        .append('\t').append(item.lineAmount() == null ? "\\N" : item.lineAmount().toPlainString());
                if (writeStoreId) itemRows.append('\t').append(order.storeId());
                itemRows.append('\n');
                items++;
            }
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn(COPY_ORDERS, new StringReader(orderRows.toString()));    // orders first: the line items' foreign key needs them
        copy.copyIn(writeStoreId ? COPY_ITEMS_WITH_STORE : COPY_ITEMS, new StringReader(itemRows.toString()));
        return items;
    }

    private int insert(Connection c, List<GeneratedOrder> orders, long[] orderIds) throws SQLException {
        try (PreparedStatement o = c.prepareStatement(INSERT_ORDER)) {   // orders first: the line items' foreign key needs them
            for (int i = 0; i < orders.size(); i++) {
                o.setLong(1, orderIds[i]);
                o.setLong(2, orders.get(i).storeId());
                o.setString(3, ids.today());
                o.addBatch();
            }
            o.executeBatch();
        }
        int items = 0;
        try (PreparedStatement li = c.prepareStatement(writeStoreId ? INSERT_ITEM_WITH_STORE : INSERT_ITEM)) {
            for (int i = 0; i < orders.size(); i++) {
                GeneratedOrder order = orders.get(i);
                for (GeneratedOrder.Item item : order.items()) {
                    li.setLong(1, item.productId());
                    li.setLong(2, orderIds[i]);
                    li.setInt(3, item.quantity());
                    li.setBigDecimal(4, item.lineAmount());
                    if (writeStoreId) li.setLong(5, order.storeId());
                    li.addBatch();
                    items++;
                }
            }
            li.executeBatch();
        }
        return items;
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the caller reports the first error
        }
    }
}
