package org.shardprep.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;

/**
 * order_id values from orders_order_id_seq, fetched a block at a time (one round trip for many orders) and
 * handed out in order. Ids fetched and not used are a gap in the sequence, as a rolled-back nextval is.
 * The same query brings the server's current date, which the orders carry as ordered_at.
 */
final class OrderIds {

    private final int prefetch;
    private final ArrayDeque<Long> ready = new ArrayDeque<>();
    private String today;   // the server's CURRENT_DATE when the ids were fetched: the function's NOW()::date

    /** @param prefetch ids fetched beyond what is asked for (0 = exactly what is asked for) */
    OrderIds(int prefetch) {
        this.prefetch = prefetch;
    }

    String today() { return today; }

    long[] take(Connection c, int n) throws SQLException {
        if (ready.size() < n) {
            try (PreparedStatement s = c.prepareStatement("SELECT nextval('orders_order_id_seq'), CURRENT_DATE::text FROM generate_series(1, ?)")) {
                s.setInt(1, n - ready.size() + prefetch);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        ready.add(rs.getLong(1));
                        today = rs.getString(2);
                    }
                }
            }
        }
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = ready.poll();
        return ids;
    }
}
