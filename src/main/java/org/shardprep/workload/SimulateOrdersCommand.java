package org.shardprep.workload;

import org.shardprep.command.CommandErrors;
import org.shardprep.command.CommandError;
import org.shardprep.command.CommandContext;
import org.shardprep.command.TablePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * simulate-orders: the exercise's order load. install puts create_orders on the server; run makes N orders at
 * once (server function or client generator); start/stop/status keep a paced load going beside the prompt.
 */
@Command(name = "simulate-orders", description = "Put the exercise's order load on the database: now, or steadily in the background")
public class SimulateOrdersCommand {

    /**
     * Most orders per transaction of a client run. Every foreign-key check locks the referenced store and product
     * rows (FOR KEY SHARE); a transaction pays that once per row however often it references it, so fewer, larger
     * transactions do less work: 5000 writes 20,000 orders ~15% faster than 500 on 2 cores (scripts/bench-orders),
     * and a transaction of 5000 orders still commits in well under a second.
     */
    static final int RUN_BATCH = 5000;
    private static final String WRITES = "client mode: copy (each table's rows as one COPY, the default) or insert "
            + "(one INSERT per row, as create_orders and most applications write)";
    private static final String BACKGROUND_NAME = "order load (simulate-orders)";

    private final CommandContext session;
    private OrderLoad current;      // the running load, else null
    private OrderLoad last;         // the one that ended most recently, for status

    public SimulateOrdersCommand(CommandContext session) {
        this.session = session;
    }

    @Command(name = "install", description = "Create the exercise's create_orders function (version 2 once line_items has store_id)")
    public void install(
            @Option(names = "--version", description = "1: as first written; 2: as in \"Update application queries\" (default: by line_items.store_id)") Integer version) {
        if (version != null && version != 1 && version != 2) throw new CommandError("--version must be 1 or 2");
        Connection c = session.connection().jdbc();
        int v;
        try {
            v = version != null ? version : CreateOrdersFunction.versionFor(c);
            CreateOrdersFunction.install(c, v);
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        }
        session.info("Installed create_orders version " + v + (v == 2 ? " (line items with store_id)" : " (line items without store_id)")
                + (version == null ? ", chosen because line_items " + (v == 2 ? "has" : "has no") + " store_id" : "") + ".");
    }

    @Command(name = "run", description = "Create N orders now, by the server function or the client generator")
    public void run(
            @Option(names = "--orders", required = true, description = "how many orders") int orders,
            @Option(names = "--mode", defaultValue = "client", description = "server: SELECT create_orders(N); client: generated in shardprep, written in batches") String mode,
            @Option(names = "--writes", description = WRITES) String writes,
            @Option(names = "--jobs", defaultValue = "4", description = "client mode: connections writing at once") int jobs,
            @Option(names = "--batch", description = "client mode: orders per transaction (default: the orders shared among the writers, at most " + RUN_BATCH + ")") Integer batchSize) {
        if (orders < 1) throw new CommandError("--orders must be at least 1");
        if (jobs < 1 || jobs > 8) throw new CommandError("--jobs must be between 1 and 8");
        if (batchSize != null && batchSize < 1) throw new CommandError("--batch must be at least 1");
        int batch = batchSize != null ? batchSize : (int) Math.min(RUN_BATCH, (orders + jobs - 1) / jobs);
        OrderMode m = mode(mode);
        OrderWrites w = writes(writes, m);
        session.clearInterrupt();
        // the clock starts once the connections are open, as pgbench's does (and psql's \timing of the function)
        long start;
        long items, done;
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < (m == OrderMode.SERVER ? 1 : jobs); i++) connections.add(session.borrow());   // Ctrl-C cancels them
            Connection c = connections.get(0);
            start = System.nanoTime();
            if (m == OrderMode.SERVER) {
                long before = lineItemSequence(c);
                new OrderPath.ServerFunction().create(c, orders);
                items = lineItemSequence(c) - before;
                done = orders;
            } else {
                ClientRun run = new ClientRun(OrderPath.generator(c), CreateOrdersFunction.lineItemsHaveStoreId(c), w, orders, batch);
                ClientRun.Result r;
                try {
                    r = run.run(connections, session::interrupted);
                } catch (SQLException e) {
                    throw new CommandError(CommandErrors.oneLine(e) + "; " + run.result().orders() + " of " + orders
                            + " orders were written before (each batch of " + batch + " commits or not at all)");
                }
                items = r.lineItems();
                done = r.orders();
            }
        } catch (SQLException e) {
            throw new CommandError(CommandErrors.oneLine(e));
        } finally {
            for (Connection c : connections) {
                try {
                    c.close();   // back to the pool
                } catch (SQLException ignored) {
                    // a broken connection: the pool replaces it
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        new TablePrinter().column("mode", TablePrinter.TEXT).column("orders", TablePrinter.INT8)
                .column("line items", TablePrinter.INT8).column("seconds", TablePrinter.NUMERIC)
                .column("orders/s", TablePrinter.INT8)
                .row(m.label(), done, items, String.format(Locale.ROOT, "%.2f", seconds), Math.round(done / seconds))
                .print(session);
        if (done < orders) throw new CommandError("cancelled after " + done + " of " + orders + " orders (each batch of "
                + batch + " committed or not at all)");
    }

    @Command(name = "start", description = "Start a steady order load in the background, paced as pgbench -R")
    public void start(
            @Option(names = "--rate", required = true, description = "orders per minute: 20000/min, 300/s or 20000") String rate,
            @Option(names = "--mode", defaultValue = "client", description = "server (create_orders) or client (generator)") String mode,
            @Option(names = "--writes", description = WRITES) String writes,
            @Option(names = "--for", description = "stop by itself after this long: 90s, 2m, 1h") String forTime,
            @Option(names = "--progress", defaultValue = "10", description = "seconds between progress lines (0: none)") double progress) {
        OrderRate r;
        Duration limit;
        try {
            r = OrderRate.parse(rate);
            limit = forTime == null ? null : LoadDuration.parse(forTime);
        } catch (IllegalArgumentException e) {
            throw new CommandError(e.getMessage());
        }
        if (progress < 0) throw new CommandError("--progress must be 0 (off) or more seconds");
        OrderMode m = mode(mode);
        OrderWrites w = writes(writes, m);
        synchronized (this) {
            if (current != null) throw new CommandError("an order load is already running; simulate-orders stop first");
            OrderLoad[] self = new OrderLoad[1];
            OrderLoad load = new OrderLoad(session.pool(), new OrderLoad.Plan(m, w, r, limit, progress), session::notice,
                    () -> ended(self[0]));
            self[0] = load;
            try {
                load.start();
            } catch (SQLException e) {
                throw new CommandError(CommandErrors.oneLine(e));
            }
            current = load;
            session.background().register(BACKGROUND_NAME, load::stop);
        }
        session.info("Order load started: " + r + ", " + m.label() + " mode"
                + (m == OrderMode.CLIENT && w == OrderWrites.INSERT ? ", one INSERT per row" : "") + (limit != null ? ", for " + forTime : "")
                + "; simulate-orders stop ends it.");
    }

    @Command(name = "stop", description = "Stop the order load after the batch in flight and print its summary")
    public void stop() {
        OrderLoad load;
        synchronized (this) {
            load = current;
        }
        if (load == null) throw new CommandError("no order load is running");
        load.stop();
        summary(load, "stopped");
    }

    @Command(name = "status", description = "The running order load's figures so far (or the last one's)")
    public void status() {
        OrderLoad load, previous;
        synchronized (this) {
            load = current;
            previous = last;
        }
        if (load != null) {
            summary(load, "running");
        } else if (previous != null) {
            session.info("No order load is running; the last one:");
            summary(previous, "ended");
        } else {
            session.info("No order load is running.");
        }
    }

    private synchronized void ended(OrderLoad load) {
        if (current == load) current = null;
        last = load;
        session.background().unregister(BACKGROUND_NAME);
    }

    private void summary(OrderLoad load, String state) {
        LoadStats.Snapshot s = load.total();
        LoadStats.Percentiles l = s.latency();
        double secs = load.elapsedSeconds();
        new TablePrinter().column("state", TablePrinter.TEXT).column("mode", TablePrinter.TEXT)
                .column("seconds", TablePrinter.NUMERIC).column("target/s", TablePrinter.NUMERIC)
                .column("orders", TablePrinter.INT8).column("orders/s", TablePrinter.NUMERIC)
                .column("failed", TablePrinter.INT8).column("p50 ms", TablePrinter.NUMERIC)
                .column("p95 ms", TablePrinter.NUMERIC).column("p99 ms", TablePrinter.NUMERIC)
                .column("max ms", TablePrinter.NUMERIC).column("lag ms", TablePrinter.NUMERIC)
                .row(state, load.plan().mode().label(), f(secs), f(load.plan().rate().perSecond()), s.orders(),
                        f(secs > 0 ? s.orders() / secs : 0), s.failed(), f(l.p50()), f(l.p95()), f(l.p99()), f(l.max()),
                        f(s.lag().mean()))
                .print(session);
        load.failures().values().forEach(k -> session.info("failed: " + k.orders() + " orders: " + k.message()));
    }

    private static String f(double v) { return String.format(Locale.ROOT, "%.1f", v); }

    private static OrderMode mode(String text) {
        try {
            return OrderMode.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandError(e.getMessage());
        }
    }

    private static OrderWrites writes(String text, OrderMode mode) {
        if (text == null) return OrderWrites.COPY;
        if (mode == OrderMode.SERVER) throw new CommandError("--writes is for the client mode: create_orders writes one INSERT per row");
        try {
            return OrderWrites.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandError(e.getMessage());
        }
    }

    /** line_items' sequence position: how many line items the function wrote (no other writer assumed). */
    private static long lineItemSequence(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
                     + "FROM line_items_line_item_id_seq")) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
