package org.shardprep.workload;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * simulate-orders run in client mode: one generator (so "every third order" counts over the whole run) feeding
 * several writers, each on a pooled connection of its own, one transaction per batch. Inserting rows is CPU work
 * on the server (index entries, foreign-key checks): more than one connection puts more than one core on it.
 */
final class ClientRun {

    /** What the run did. */
    record Result(long orders, long lineItems) {}

    private final OrderGenerator generator;
    private final boolean writeStoreId;
    private final OrderWrites writes;
    private final int batch;
    private long remaining;
    private long orders, lineItems;

    ClientRun(OrderGenerator generator, boolean writeStoreId, OrderWrites writes, long orders, int batch) {
        this.generator = generator;
        this.writeStoreId = writeStoreId;
        this.writes = writes;
        this.remaining = orders;
        this.batch = batch;
    }

    /** Writes everything, a writer on each connection; stops handing out batches once {@code cancelled} says so. */
    Result run(List<Connection> connections, BooleanSupplier cancelled) throws SQLException {
        int writers = connections.size();
        ExecutorService threads = Executors.newFixedThreadPool(writers, r -> {
            Thread t = new Thread(r, "shardprep-order-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Connection c : connections) {
                done.add(threads.submit(() -> {
                    write(c, cancelled);
                    return null;
                }));
            }
            SQLException first = null;
            for (Future<Void> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted");
                }
            }
            if (first != null) throw first;
            return result();
        } finally {
            threads.shutdownNow();
        }
    }

    private void write(Connection c, BooleanSupplier cancelled) throws SQLException {
        OrderWriter writer = new OrderWriter(writeStoreId, writes, 0);
        try {
            List<GeneratedOrder> next;
            while (!cancelled.getAsBoolean() && (next = take()) != null) {
                int items = writer.write(c, next);
                committed(next.size(), items);
            }
        } catch (SQLException e) {
            stop();
            throw e;
        }
    }

    private synchronized List<GeneratedOrder> take() {
        if (remaining <= 0) return null;
        int n = (int) Math.min(batch, remaining);
        remaining -= n;
        return generator.next(n);
    }

    private synchronized void stop() { remaining = 0; }

    private synchronized void committed(int n, int items) {
        orders += n;
        lineItems += items;
    }

    synchronized Result result() { return new Result(orders, lineItems); }
}
