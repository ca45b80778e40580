package org.shardprep.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.random.RandomGenerator;

/** One way of creating a batch of orders on a connection: the server function, or the client generator. */
public interface OrderPath {

    /** Creates {@code orders} orders on {@code c}; returns the line items written, or -1 when not known. */
    int create(Connection c, int orders) throws SQLException;

    OrderMode mode();

    /** For {@code mode}; the client path reads the stores' products and whether line_items has store_id now. */
    static OrderPath open(OrderMode mode, OrderWrites writes, Connection c, int idPrefetch) throws SQLException {
        if (mode == OrderMode.SERVER) return new ServerFunction();
        boolean storeId = CreateOrdersFunction.lineItemsHaveStoreId(c);
        return new ClientGenerator(generator(c), new OrderWriter(storeId, writes, idPrefetch));
    }

    /** A generator over the stores' products as they are now. */
    static OrderGenerator generator(Connection c) throws SQLException {
        try {
            return new OrderGenerator(StoreProducts.load(c), RandomGenerator.of("L64X128MixRandom"));
        } catch (IllegalStateException e) {
            throw new SQLException(e.getMessage());
        }
    }

    /** SELECT create_orders(n): the exercise's way, all n orders in the statement's one transaction. */
    final class ServerFunction implements OrderPath {
        @Override
        public int create(Connection c, int orders) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT create_orders(?)")) {
                s.setInt(1, orders);
                s.execute();
            }
            return -1;
        }

        @Override
        public OrderMode mode() { return OrderMode.SERVER; }
    }

    /** The same workload generated in Java and written in batches. */
    final class ClientGenerator implements OrderPath {
        private final OrderGenerator generator;
        private final OrderWriter writer;

        ClientGenerator(OrderGenerator generator, OrderWriter writer) {
            this.generator = generator;
            this.writer = writer;
        }

        @Override
        public int create(Connection c, int orders) throws SQLException {
            return writer.write(c, generator.next(orders));
        }

        @Override
        public OrderMode mode() { return OrderMode.CLIENT; }
    }
}
